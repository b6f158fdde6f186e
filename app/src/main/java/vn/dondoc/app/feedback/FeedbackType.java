package vn.dondoc.app.feedback;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import vn.dondoc.app.cases.CodedValue;

/** Kinds of PAKN items (DOMAIN.md §2.5.1). */
public enum FeedbackType implements CodedValue {
  COMPLAINT("complaint", "Phản ánh", "Complaint"),
  RECOMMENDATION("recommendation", "Kiến nghị", "Recommendation"),
  INITIATIVE("initiative", "Sáng kiến", "Initiative"),
  SOLUTION("solution", "Giải pháp", "Solution"),
  ORDER("order", "Đặt hàng", "Product order");

  private final String code;
  private final String vietnamese;
  private final String english;

  FeedbackType(String code, String vietnamese, String english) {
    this.code = code;
    this.vietnamese = vietnamese;
    this.english = english;
  }

  @JsonValue
  @Override
  public String code() {
    return code;
  }

  @Override
  public String vietnamese() {
    return vietnamese;
  }

  @Override
  public String english() {
    return english;
  }

  @JsonCreator
  public static FeedbackType fromCode(String code) {
    return CodedValue.byCode(FeedbackType.class, code);
  }
}
