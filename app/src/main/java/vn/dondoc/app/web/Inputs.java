package vn.dondoc.app.web;

/** Checks shared by the API's services; each failure names the field. */
public final class Inputs {

  /** A required text of at most {@code max} characters, stripped. */
  public static String text(String value, String field, int max) {
    if (value == null || value.isBlank()) {
      throw new InvalidFieldException(field, "validation.required");
    }
    if (value.strip().length() > max) {
      throw new InvalidFieldException(field, "validation.size.max.n", max);
    }
    return value.strip();
  }

  /** An optional text: null when blank, stripped otherwise. */
  public static String optional(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private Inputs() {}
}
