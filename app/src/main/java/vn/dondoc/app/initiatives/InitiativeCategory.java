package vn.dondoc.app.initiatives;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import vn.dondoc.app.cases.CodedValue;

/** What is submitted (DOMAIN.md §2.4.1); the criteria table weighs by it. Labels: key {@code InitiativeCategory.<code>}. */
public enum InitiativeCategory implements CodedValue {
  BREAKTHROUGH,
  STRATEGIC_TECH_PROPOSAL,
  ORDINARY,
  RESEARCH_FUNDING;

  @JsonValue
  @Override
  public String code() {
    return name();
  }

  @JsonCreator
  public static InitiativeCategory fromCode(String code) {
    return CodedValue.byCode(InitiativeCategory.class, code);
  }
}
