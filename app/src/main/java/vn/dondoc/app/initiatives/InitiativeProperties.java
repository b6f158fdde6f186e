package vn.dondoc.app.initiatives;

import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Selection policy (application.yaml, dondoc.initiatives.*).
 *
 * @param panelSize experts asked per initiative
 * @param scoringDays working days an expert has to score
 * @param scoringReminderDays working days before that the expert is reminded
 * @param completionWait how long an innovator has to complete a returned submission
 * @param shortlistThreshold weighted means (0–10) at or above it are shortlisted
 * @param spreadLimit experts further apart than this (max − min of their weighted scores) reach a consensus first
 */
@ConfigurationProperties("dondoc.initiatives")
record InitiativeProperties(
    int panelSize,
    int scoringDays,
    int scoringReminderDays,
    Duration completionWait,
    BigDecimal shortlistThreshold,
    BigDecimal spreadLimit) {}
