package vn.dondoc.app.cases;

import java.util.Arrays;

/**
 * A value of a closed list that users choose from (a field, a type, a status): a stable code for APIs
 * and storage. Its labels live in messages*.properties under {@link #messageKey()}, so that every
 * language is in one place.
 */
public interface CodedValue {

  String code();

  default String messageKey() {
    return getClass().getSimpleName() + "." + code();
  }

  /** The constant with this code; an unknown code is a client error that names the code. */
  static <E extends Enum<E> & CodedValue> E byCode(Class<E> type, String code) {
    return Arrays.stream(type.getEnumConstants())
        .filter(value -> value.code().equals(code))
        .findFirst()
        .orElseThrow(() ->
            new IllegalArgumentException("unknown " + type.getSimpleName() + " '" + code + "'"));
  }
}
