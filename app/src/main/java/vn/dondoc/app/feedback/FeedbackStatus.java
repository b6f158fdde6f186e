package vn.dondoc.app.feedback;

import vn.dondoc.app.cases.CodedValue;

/**
 * Where a feedback item stands, as its sender and the staff see it (feedback-handling.bpmn moves it).
 * Labels: messages*.properties, key {@code FeedbackStatus.<name>}.
 */
public enum FeedbackStatus implements CodedValue {
  RECEIVED,
  ROUTED,
  IN_PROGRESS,
  WAITING_FOR_SENDER,
  ANSWERED,
  CLOSED;

  @Override
  public String code() {
    return name();
  }
}
