package vn.dondoc.app.feedback;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** Kinds of PAKN items (DOMAIN.md §2.5.1). */
public enum FeedbackType {
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
  public String code() {
    return code;
  }

  public String label(boolean english) {
    return english ? this.english : vietnamese;
  }

  @JsonCreator
  public static FeedbackType fromCode(String code) {
    return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown type '" + code + "'"));
  }
}
