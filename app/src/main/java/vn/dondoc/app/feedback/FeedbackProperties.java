package vn.dondoc.app.feedback;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code dondoc.feedback.*}: the citizens' feedback: its tracking secrets, replays, staff intake, the model's waits
 * and the answer letters' PDFs.
 *
 * @param trackingKey derives the tracking secrets of idempotent replays; set DONDOC_TRACKING_KEY in
 *     production
 * @param idempotencyWindow how long an Idempotency-Key replays its submission; a later retry with it is
 *     refused (422)
 * @param intakeMaxAge staff intake: how far back an item received by hotline, letter, e-mail or at the counter may
 *     be dated
 * @param infoWait how long the model waits for the sender's answer to a request for more information
 * @param ratingWindow how long the sender may rate the answer
 * @param letters the answer letters' PDFs, made after the leader's sign-off
 */
@Validated
@ConfigurationProperties("dondoc.feedback")
record FeedbackProperties(
    @NotBlank String trackingKey,
    @NotNull Duration idempotencyWindow,
    @NotNull Duration intakeMaxAge,
    @NotNull Duration infoWait,
    @NotNull Duration ratingWindow,
    @Valid @NotNull Letters letters) {

  /**
   * {@code dondoc.feedback.letters.*} ({@link AnswerLetters}).
   *
   * @param pollInterval how often pending letters are looked for
   * @param retryDelay the first retry's delay after a failure, doubling up to maxBackoff
   * @param maxBackoff the longest delay between retries
   * @param lease how long a node holds a letter it makes before another may take it
   */
  record Letters(
      @NotNull Duration pollInterval,
      @NotNull Duration retryDelay,
      @NotNull Duration maxBackoff,
      @NotNull Duration lease) {}
}
