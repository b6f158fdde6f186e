package vn.dondoc.app.feedback;

/** Where a feedback item stands; grows with the lifecycle in feedback-handling.bpmn. */
public enum FeedbackStatus {
  /** Stored, waiting for the standing office to classify and route it. */
  RECEIVED,
  /** A handling agency has been chosen. */
  ROUTED
}
