package vn.dondoc.app.initiatives;

import vn.dondoc.app.cases.CodedValue;

/** Where a submission is; labels under {@code InitiativeStatus.<code>}. */
public enum InitiativeStatus implements CodedValue {
  DRAFT,
  SUBMITTED,
  RETURNED,
  IN_EVALUATION,
  IN_CONSENSUS,
  SHORTLISTED,
  SELECTED,
  NOT_SELECTED,
  DEFERRED,
  NOT_SHORTLISTED,
  CLOSED_INCOMPLETE,
  TO_FEEDBACK;

  @Override
  public String code() {
    return name();
  }
}
