package vn.dondoc.app.feedback;

import java.time.OffsetDateTime;

/** What the sender gets back: the code to follow the item by. */
public record FeedbackReceipt(String code, FeedbackStatus status, OffsetDateTime submittedAt) {}
