package vn.dondoc.app.evidence;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import vn.dondoc.app.cases.CodedValue;

/** What an evidence item is (DOMAIN.md §2.3.3). Labels: key {@code EvidenceKind.<code>}. */
public enum EvidenceKind implements CodedValue {
  /** An issued document: number/symbol and date required. */
  ISSUED_DOCUMENT,
  /** A system in use: address and go-live date required. */
  SYSTEM_IN_USE,
  /** Usage or outcome figures: a named figure and its value required. */
  USAGE_FIGURES,
  OTHER;

  @JsonValue
  @Override
  public String code() {
    return name();
  }

  @JsonCreator
  public static EvidenceKind fromCode(String code) {
    return CodedValue.byCode(EvidenceKind.class, code);
  }
}
