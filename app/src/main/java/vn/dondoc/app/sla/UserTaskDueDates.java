package vn.dondoc.app.sla;

import java.time.Clock;
import java.time.Duration;
import java.time.Period;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import vn.dondoc.processes.UserTaskDue;

/**
 * The due dates of user tasks without an SLA stage or a case deadline of their own: budgets of working days
 * ({@code dondoc.user-task-due.working-days}), counted on the {@link WorkingCalendar} as the SLA clocks are.
 */
@Component(UserTaskDue.BEAN)
@EnableConfigurationProperties(UserTaskDueDates.Budgets.class)
class UserTaskDueDates implements UserTaskDue {

  /**
   * {@code dondoc.user-task-due.*}.
   *
   * @param workingDays working days from a task's creation to its due date, per budget name (UserTaskDue's
   *     constants: SUPERVISE, AGENCY_ANSWER, STANDING_OFFICE, EXPERT_DECLARATION)
   */
  @ConfigurationProperties("dondoc.user-task-due")
  record Budgets(Map<String, Integer> workingDays) {}

  private final WorkingCalendar calendar;
  private final Budgets budgets;
  private final Clock clock;

  UserTaskDueDates(WorkingCalendar calendar, Budgets budgets, Clock clock) {
    this.calendar = calendar;
    this.budgets = budgets;
    this.clock = clock;
  }

  @Override
  public Date inWorkingDays(DelegateExecution execution, String budget) {
    Integer days = budgets.workingDays() == null ? null : budgets.workingDays().get(budget);
    if (days == null) {
      throw new IllegalStateException(
          "no due-date budget " + budget + " (dondoc.user-task-due.working-days)");
    }
    return Date.from(calendar.addWorkingDays(clock.instant(), days));
  }

  @Override
  public Date after(String isoDuration) {
    // A timer's ISO-8601 duration: days as a Period (P15D), anything shorter as a Duration (PT12H).
    String text = isoDuration.strip();
    return Date.from(
        text.contains("T")
            ? clock.instant().plus(Duration.parse(text))
            : clock
                .instant()
                .atZone(vn.dondoc.app.time.HanoiTime.ZONE)
                .plus(Period.parse(text))
                .toInstant());
  }
}
