package vn.dondoc.app.feedback;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import vn.dondoc.app.cases.CodedValue;

/** Kinds of PAKN items (DOMAIN.md §2.5.1). Labels: messages*.properties, key {@code FeedbackType.<code>}. */
public enum FeedbackType implements CodedValue {
  COMPLAINT("complaint"),
  RECOMMENDATION("recommendation"),
  INITIATIVE("initiative"),
  SOLUTION("solution"),
  ORDER("order");

  private final String code;

  FeedbackType(String code) {
    this.code = code;
  }

  @JsonValue
  @Override
  public String code() {
    return code;
  }

  @JsonCreator
  public static FeedbackType fromCode(String code) {
    return CodedValue.byCode(FeedbackType.class, code);
  }
}
