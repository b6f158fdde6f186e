package vn.dondoc.app.extensions;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import vn.dondoc.app.cases.CodedValue;

/**
 * Why an agency asks for a later deadline: the reason codes of DOMAIN.md §2.2.2, taken from the causes
 * the source documents state (column {@code extension_request.reason_code}). Labels: key
 * {@code ExtensionReason.<code>}.
 */
public enum ExtensionReason implements CodedValue {
  /** Waiting for a legal basis or guiding document (chờ văn bản hướng dẫn). */
  WAITING_FOR_GUIDANCE,
  /** Funding not allocated or not disbursed. */
  FUNDING,
  /** Procurement or bidding still in progress. */
  PROCUREMENT,
  PRICE_ESCALATION,
  /** A change of scale or of the detailed design. */
  DESIGN_CHANGE,
  /** Waiting for another agency's part. */
  DEPENDENCY,
  /** Inter-agency coordination. */
  COORDINATION,
  /** An issue beyond the agency's authority (vượt thẩm quyền). */
  OUT_OF_AUTHORITY,
  /** Infrastructure: power, connectivity. */
  INFRASTRUCTURE,
  HUMAN_RESOURCES,
  OTHER;

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
