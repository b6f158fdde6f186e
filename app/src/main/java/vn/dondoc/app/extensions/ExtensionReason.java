package vn.dondoc.app.extensions;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import vn.dondoc.app.cases.CodedValue;

/** Why an agency asks for more time (DOMAIN.md §2.2.2). Labels: key {@code ExtensionReason.<code>}. */
public enum ExtensionReason implements CodedValue {
  WAITING_FOR_GUIDANCE, FUNDING, PROCUREMENT, PRICE_ESCALATION, DESIGN_CHANGE, DEPENDENCY, COORDINATION,
  OUT_OF_AUTHORITY, INFRASTRUCTURE, HUMAN_RESOURCES, OTHER;

  @JsonValue
  @Override
  public String code() {
    return name();
  }

  @JsonCreator
  public static ExtensionReason fromCode(String code) {
    return CodedValue.byCode(ExtensionReason.class, code);
  }
}
