package vn.dondoc.app.tasks;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import vn.dondoc.app.cases.CodedValue;

/**
 * How far a result has come (DOMAIN.md §2.3.3): a document issued, a system built, in use, measurable
 * value. A task declares the level its evidence must show. Labels: key {@code EvidenceLevel.<code>}.
 */
public enum EvidenceLevel implements CodedValue {
  L1,
  L2,
  L3,
  L4;

  @JsonValue
  @Override
  public String code() {
    return name();
  }

  @JsonCreator
  public static EvidenceLevel fromCode(String code) {
    return CodedValue.byCode(EvidenceLevel.class, code);
  }
}
