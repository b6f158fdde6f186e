package vn.dondoc.app.sla;

import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * When a stage of a case is due, as its SLA clock has it, for what is promised outside the process (the
 * citizen's receipt, "ngày hẹn trả lời"): the stage's clock's due instant once the stage has a clock (moved by
 * pauses and reroutes as the clock moves), else the due instant a clock of the stage started at {@code since}
 * would get from the same policy and calendar ({@link SlaClock.Timeline#plan}).
 */
@Component
public class StageDueDates {

  private final SlaClockRepository clocks;
  private final SlaPolicies policies;
  private final WorkingCalendar calendar;

  StageDueDates(SlaClockRepository clocks, SlaPolicies policies, WorkingCalendar calendar) {
    this.clocks = clocks;
    this.policies = policies;
    this.calendar = calendar;
  }

  /** Empty when the stage has no clock yet and no policy (nothing is promised). */
  public Optional<Instant> dueAt(
      String caseType, String processInstanceId, String stage, Instant since) {
    Optional<SlaClock> clock =
        processInstanceId == null ? Optional.empty() : clocks.find(processInstanceId, stage);
    if (clock.isPresent()) {
      return Optional.of(clock.get().timeline().dueAt());
    }
    return policies
        .find(caseType, stage)
        .map(policy -> SlaClock.Timeline.plan(since, policy, calendar).dueAt());
  }
}
