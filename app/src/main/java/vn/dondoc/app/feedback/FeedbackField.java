package vn.dondoc.app.feedback;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import vn.dondoc.app.cases.CodedValue;

/** The seven content fields of PAKN (DOMAIN.md §2.5.1). Labels: messages*.properties, key {@code FeedbackField.<code>}. */
public enum FeedbackField implements CodedValue {
  INSTITUTIONS("institutions"),
  SUPPORT_POLICY("support-policy"),
  ADMINISTRATIVE_PROCEDURES("administrative-procedures"),
  DIGITAL_INFRASTRUCTURE("digital-infrastructure"),
  DATA_GOVERNANCE("data-governance"),
  INFORMATION_SECURITY("information-security"),
  DIGITAL_SKILLS("digital-skills");

  private final String code;

  FeedbackField(String code) {
    this.code = code;
  }

  @JsonValue
  @Override
  public String code() {
    return code;
  }

  @JsonCreator
  public static FeedbackField fromCode(String code) {
    return CodedValue.byCode(FeedbackField.class, code);
  }
}
