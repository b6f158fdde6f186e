package vn.dondoc.app.feedback;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/**
 * What the sender gets back: the code and, on the first response only, the secret that lets them
 * follow, answer and rate the item without an account. Only its hash is stored.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FeedbackReceipt(
    String code, FeedbackStatus status, OffsetDateTime submittedAt, String trackingSecret) {}
