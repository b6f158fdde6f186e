package vn.dondoc.app.feedback;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import vn.dondoc.app.cases.CodedValue;

/** The seven content fields of PAKN (DOMAIN.md §2.5.1). */
public enum FeedbackField implements CodedValue {
  INSTITUTIONS("institutions", "Thể chế", "Institutions"),
  SUPPORT_POLICY("support-policy", "Chính sách hỗ trợ", "Support policy"),
  ADMINISTRATIVE_PROCEDURES("administrative-procedures", "Thủ tục hành chính", "Administrative procedures"),
  DIGITAL_INFRASTRUCTURE("digital-infrastructure", "Hạ tầng số", "Digital infrastructure"),
  DATA_GOVERNANCE("data-governance", "Quản trị dữ liệu", "Data governance"),
  INFORMATION_SECURITY("information-security", "An toàn thông tin", "Information security"),
  DIGITAL_SKILLS("digital-skills", "Phổ cập kỹ năng số", "Digital skills");

  private final String code;
  private final String vietnamese;
  private final String english;

  FeedbackField(String code, String vietnamese, String english) {
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
  public static FeedbackField fromCode(String code) {
    return CodedValue.byCode(FeedbackField.class, code);
  }
}
