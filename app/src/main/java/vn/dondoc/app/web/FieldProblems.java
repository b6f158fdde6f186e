package vn.dondoc.app.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Collects the problems of a whole form instead of stopping at the first; {@link #throwIfAny} refuses them together. */
public final class FieldProblems {

  private final List<InvalidFieldException> found = new ArrayList<>();

  public void add(String field, String messageKey, Object... arguments) {
    found.add(new InvalidFieldException(field, messageKey, arguments));
  }

  /** The value a check returns, or null when it refuses (the refusal is kept). */
  public <T> T check(Supplier<T> check) {
    try {
      return check.get();
    } catch (InvalidFieldsException e) {
      found.addAll(e.all());
    } catch (InvalidFieldException e) {
      found.add(e);
    }
    return null;
  }

  /** A text longer than {@code max} characters once stripped. */
  public void limit(String value, String field, int max) {
    if (value != null && value.strip().length() > max) {
      add(field, "validation.size.max.n", max);
    }
  }

  public boolean isEmpty() {
    return found.isEmpty();
  }

  public void throwIfAny() {
    if (found.size() == 1) {
      throw found.get(0);
    }
    if (!found.isEmpty()) {
      throw new InvalidFieldsException(found);
    }
  }
}
