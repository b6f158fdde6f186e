package vn.dondoc.app.notifications;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code dondoc.staff-mail.*}: e-mail to staff and experts ({@link StaffMail}, {@link StaffDigest}): each person
 * chooses at once or a daily digest at an hour.
 *
 * @param pollInterval how often committed notifications are looked for and resolved to people and e-mails
 * @param digestPollInterval how often the digests that are due are written (one goes out at the first run after
 *     its hour)
 * @param batchSize notifications or digests taken per round
 * @param lease how long a claimed notification is left to its node before another may resolve it again
 */
@Validated
@ConfigurationProperties("dondoc.staff-mail")
record StaffMailProperties(
    @NotNull Duration pollInterval,
    @NotNull Duration digestPollInterval,
    @Positive int batchSize,
    @NotNull Duration lease) {}
