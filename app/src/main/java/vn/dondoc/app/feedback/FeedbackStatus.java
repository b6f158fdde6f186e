package vn.dondoc.app.feedback;

import vn.dondoc.app.cases.CodedValue;

/** Where a feedback item stands, as its sender and the staff see it (feedback-handling.bpmn moves it). */
public enum FeedbackStatus implements CodedValue {
  RECEIVED("RECEIVED", "Đã tiếp nhận", "Received"),
  ROUTED("ROUTED", "Đã chuyển cơ quan xử lý", "Routed to an agency"),
  IN_PROGRESS("IN_PROGRESS", "Đang xử lý", "In progress"),
  WAITING_FOR_SENDER("WAITING_FOR_SENDER", "Chờ người gửi bổ sung", "Waiting for the sender"),
  ANSWERED("ANSWERED", "Đã trả lời", "Answered"),
  CLOSED("CLOSED", "Đã đóng", "Closed");

  private final String code;
  private final String vietnamese;
  private final String english;

  FeedbackStatus(String code, String vietnamese, String english) {
    this.code = code;
    this.vietnamese = vietnamese;
    this.english = english;
  }

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
}
