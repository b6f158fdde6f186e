package vn.dondoc.app.cases;

import java.util.Arrays;

/**
 * A value of a closed list that users choose from (a field, a type, a reason code): a stable code for
 * APIs and storage, and labels in Vietnamese and English.
 */
public interface CodedValue {

  String code();

  String vietnamese();

  String english();

  default String label(boolean english) {
    return english ? english() : vietnamese();
  }

  /** The constant with this code; an unknown code is a client error that names the code. */
  static <E extends Enum<E> & CodedValue> E byCode(Class<E> type, String code) {
    return Arrays.stream(type.getEnumConstants()).filter(value -> value.code().equals(code)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown " + type.getSimpleName() + " '" + code + "'"));
  }
}
