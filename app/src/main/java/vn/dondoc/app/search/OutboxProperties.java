package vn.dondoc.app.search;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code dondoc.outbox.*}: how the outbox relay ({@link OutboxRelay}) carries committed changes to the search index.
 *
 * @param pollInterval how often the outbox is read
 * @param batchSize rows taken per round
 * @param maxBackoff the longest wait before a row that failed is tried again
 */
@Validated
@ConfigurationProperties("dondoc.outbox")
public record OutboxProperties(
    @NotNull Duration pollInterval,
    @Positive int batchSize,
    @NotNull Duration maxBackoff) {}
