package vn.dondoc.app.tasks;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Task policy (application.yaml, dondoc.tasks.*).
 *
 * @param nearDueDays calendar days before the deadline a task is near due (sắp đến hạn) and reminded
 * @param maxExtensions approved extensions a task may have
 * @param completionDate which date of an accepted completion timeliness reckons with: REPORTED (the day
 *     the accepted evidence was submitted) or VERIFIED (the day it was accepted)
 * @param reportDueDay day of the month a monthly progress report for the previous month is due
 * @param reportReminderDays days before that day the agency is reminded
 */
@ConfigurationProperties("dondoc.tasks")
public record TaskProperties(
    int nearDueDays,
    int maxExtensions,
    CompletionDate completionDate,
    int reportDueDay,
    int reportReminderDays) {

  public enum CompletionDate {
    REPORTED,
    VERIFIED
  }
}
