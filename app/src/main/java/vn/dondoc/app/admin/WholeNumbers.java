package vn.dondoc.app.admin;

import vn.dondoc.app.web.InvalidFieldException;

/** A whole number typed into an admin form, refused under its field when blank, not a number or out of range. */
final class WholeNumbers {

  private WholeNumbers() {}

  /**
   * The number typed into {@code field}; blank is refused with {@code blankKey}, anything else outside {@code min}..
   * {@code max} with {@code rangeKey} (both given min and max as arguments).
   */
  static int parse(String field, String typed, int min, int max, String blankKey, String rangeKey) {
    String text = typed == null ? "" : typed.strip();
    if (text.isEmpty()) {
      throw new InvalidFieldException(field, blankKey, min, max);
    }
    try {
      int value = Integer.parseInt(text);
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // refused below, with the range
    }
    throw new InvalidFieldException(field, rangeKey, min, max);
  }
}
