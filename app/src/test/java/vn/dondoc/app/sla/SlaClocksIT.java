package vn.dondoc.app.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.dondoc.app.support.Api;
import vn.dondoc.app.time.HanoiTime;
import vn.dondoc.processes.sla.SlaStage;
import vn.dondoc.processes.sla.SlaTimer;

/**
 * The clocks of a real process stage on the real engine and database: started from the policy when the
 * stage is entered, paused and resumed with the timers' due dates, resumed (not reset) by a reroute.
 * Instants are checked against the calendar from what the row recorded, never against the wall clock.
 */
class SlaClocksIT extends SlaIntegrationTest {

  @Autowired
  ProcessEngine engine;

  @Autowired
  TaskService tasks;

  @Autowired
  IdentityService identity;

  @Autowired
  SlaClockService clockService;

  @Autowired
  SlaClockRepository clocks;

  @Autowired
  WorkingCalendar calendar;

  private SlaClock clockOf(ProcessInstance instance) {
    return clocks.find(instance.getId(), SlaStage.ROUTE).orElseThrow();
  }

  @Test
  void enteringTheStageStartsItsClockAndTheTimersFollowThePolicyAndTheCalendar() {
    ProcessInstance instance = cases.start();

    SlaClock clock = clockOf(instance);
    assertThat(clock.owner())
        .isEqualTo(new SlaClock.Owner(
            SlaTestCases.CASE_TYPE,
            ((Number) runtime.getVariable(instance.getId(), "feedbackId")).longValue(),
            cases.caseCode(instance),
            instance.getId(),
            SlaStage.ROUTE));
    assertThat(clock.agency()).isEqualTo(SlaTestCases.AGENCY);
    assertThat(clock.state()).isEqualTo(SlaClock.State.RUNNING);
    assertThat(clock.budgetWorkingDays()).isEqualTo(1);
    assertThat(clock.escalationLevel()).isZero();

    Instant start = clock.startedAt();
    Instant due = calendar.addWorkingDays(start, 1);
    long budgetMillis = calendar.workingTimeBetween(start, due).toMillis();
    assertThat(clock.timeline())
        .isEqualTo(new SlaClock.Timeline(
            calendar.addWorkingTime(start, Duration.ofMillis(budgetMillis * 3 / 4)),
            due,
            calendar.addWorkingTime(due, Duration.ofDays(2))));

    assertThat(cases.dueDate(instance, SlaTimer.WARNING))
        .isEqualTo(Date.from(clock.timeline().warnAt()));
    assertThat(cases.dueDate(instance, SlaTimer.DUE)).isEqualTo(Date.from(due));
    assertThat(cases.timer(instance, SlaTimer.SUPERVISOR))
        .as("scheduled only after the breach")
        .isNull();
  }

  @Test
  void aHolidayAddedInsideTheBudgetMovesTheClockItsTimerAndTheStepsDueDate() {
    ProcessInstance instance = cases.start();
    Instant due = clockOf(instance).timeline().dueAt();
    assertThat(workDue(instance))
        .as("the step is due when its clock says")
        .isEqualTo(Date.from(due));
    // the budget's one working day is the day before the due instant (a day's end, in Hanoi)
    String counted = due.atZone(HanoiTime.ZONE).toLocalDate().minusDays(1).toString();
    String admin = Api.token("quantri");
    Api.Response put = api()
        .putJson(
            "/api/v1/admin/calendar/" + counted,
            Api.toJson(Map.of(
                "kind", "HOLIDAY", "name", "Ngày nghỉ thử nghiệm", "note", "Kiểm thử: dời hạn")),
            admin);
    try {
      assertThat(put.status()).as(put.raw().body()).isEqualTo(201);
      Instant moved = clockOf(instance).timeline().dueAt();
      assertThat(moved)
          .isEqualTo(calendar.addWorkingDays(clockOf(instance).startedAt(), 1))
          .isAfter(due);
      assertThat(cases.dueDate(instance, SlaTimer.DUE)).isEqualTo(Date.from(moved));
      assertThat(workDue(instance))
          .as("'Việc của tôi' sorts by the moved date")
          .isEqualTo(Date.from(moved));
    } finally {
      assertThat(api().delete("/api/v1/admin/calendar/" + counted, admin).status())
          .isEqualTo(204);
    }
    assertThat(workDue(instance))
        .as("and back when the holiday is removed")
        .isEqualTo(Date.from(due));
  }

  private Date workDue(ProcessInstance instance) {
    return tasks
        .createTaskQuery()
        .processInstanceId(instance.getId())
        .taskDefinitionKey("Work")
        .singleResult()
        .getDueDate();
  }

  @Test
  void aPauseSuspendsTheTimersAndTheResumeMovesThemByTheWorkingTimeSpentPaused() {
    ProcessInstance instance = cases.start();

    // inside an engine command, as a service task of the model does, and as an agency officer, who
    // has no
    // rights on jobs: the clock must not depend on who pauses it
    asOfficer(() -> engineConfiguration().getCommandExecutorTxRequired().execute(command -> {
      clockService.pause(instance.getId(), SlaStage.ROUTE);
      return null;
    }));

    assertThat(clockOf(instance).state()).isEqualTo(SlaClock.State.PAUSED);
    assertThat(management
            .createJobQuery()
            .processInstanceId(instance.getId())
            .suspended()
            .count())
        .isEqualTo(2);
    assertThat(management
            .createJobQuery()
            .processInstanceId(instance.getId())
            .active()
            .count())
        .isZero();

    // Make it a long pause: the clock started two weeks ago with 20 working days and was paused a
    // day later.
    Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(Duration.ofDays(14));
    Instant pausedAt = start.plus(Duration.ofDays(1));
    SlaClock.Timeline planned = rewind(clockOf(instance), start, 20, pausedAt);

    Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    asOfficer(() -> clockService.resume(instance.getId(), SlaStage.ROUTE));
    Instant after = Instant.now();

    SlaClock resumed = clockOf(instance);
    assertThat(resumed.state()).isEqualTo(SlaClock.State.RUNNING);
    assertThat(resumed.pausedAt()).isNull();
    Duration paused = resumed.pausedWorkingTime();
    assertThat(paused)
        .isBetween(
            calendar.workingTimeBetween(pausedAt, before),
            calendar.workingTimeBetween(pausedAt, after))
        .isGreaterThan(Duration.ofDays(5));
    // each instant keeps the working time it had, plus the pause
    assertThat(calendar.workingTimeBetween(start, resumed.timeline().dueAt()))
        .isEqualTo(calendar.workingTimeBetween(start, planned.dueAt()).plus(paused));
    assertThat(calendar.workingTimeBetween(start, resumed.timeline().warnAt()))
        .isEqualTo(calendar.workingTimeBetween(start, planned.warnAt()).plus(paused));
    assertThat(calendar.workingTimeBetween(start, resumed.timeline().supervisorAt()))
        .isEqualTo(calendar.workingTimeBetween(start, planned.supervisorAt()).plus(paused));

    assertThat(management
            .createJobQuery()
            .processInstanceId(instance.getId())
            .active()
            .count())
        .isEqualTo(2);
    assertThat(cases.dueDate(instance, SlaTimer.WARNING))
        .isEqualTo(Date.from(resumed.timeline().warnAt()));
    assertThat(cases.dueDate(instance, SlaTimer.DUE))
        .isEqualTo(Date.from(resumed.timeline().dueAt()));
  }

  @Test
  void pausingOrResumingTwiceChangesNothingMore() {
    ProcessInstance instance = cases.start();
    clockService.resume(instance.getId(), SlaStage.ROUTE);
    assertThat(clockOf(instance).state()).isEqualTo(SlaClock.State.RUNNING);

    clockService.pause(instance.getId(), SlaStage.ROUTE);
    SlaClock paused = clockOf(instance);
    clockService.pause(instance.getId(), SlaStage.ROUTE);

    assertThat(clockOf(instance)).isEqualTo(paused);
  }

  @Test
  void aRerouteResumesTheClockWithTheTimeItHadLeftAndLeavingForGoodMeetsIt() {
    ProcessInstance instance = cases.start();
    Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(Duration.ofDays(14));
    SlaClock.Timeline planned = rewind(clockOf(instance), start, 20, null);
    long id = clockOf(instance).id();

    Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    completeWork(instance, true);
    Instant after = Instant.now();

    SlaClock back = clockOf(instance);
    assertThat(back.id()).isEqualTo(id);
    assertThat(back.state()).isEqualTo(SlaClock.State.RUNNING);
    assertThat(back.startedAt()).as("not reset").isEqualTo(start);
    assertThat(back.stoppedAt()).isNull();
    // only the instant between leaving and coming back is added; a reset would give a due in one
    // working day
    Duration added = calendar
        .workingTimeBetween(start, back.timeline().dueAt())
        .minus(calendar.workingTimeBetween(start, planned.dueAt()));
    assertThat(added).isBetween(Duration.ZERO, calendar.workingTimeBetween(before, after));
    assertThat(cases.dueDate(instance, SlaTimer.DUE))
        .as("the new timers follow the resumed clock")
        .isEqualTo(Date.from(back.timeline().dueAt()));

    completeWork(instance, false);

    SlaClock done = clockOf(instance);
    assertThat(done.state()).isEqualTo(SlaClock.State.MET);
    assertThat(done.stoppedAt()).isNotNull();
    assertThat(done.breachedAt()).isNull();
    assertThat(management.createJobQuery().processInstanceId(instance.getId()).count())
        .isZero();
  }

  /** Rewrites the clock as if it had started at {@code start} with a budget of {@code days}, paused at {@code pausedAt}. */
  private SlaClock.Timeline rewind(SlaClock clock, Instant start, int days, Instant pausedAt) {
    SlaClock.Timeline planned = SlaClock.Timeline.plan(
        start,
        new SlaPolicy(SlaTestCases.CASE_TYPE, SlaStage.ROUTE, days, new BigDecimal("0.75"), 2),
        calendar);
    jdbc.sql("""
            update sla_clock set started_at = ?, warn_at = ?, due_at = ?, supervisor_at = ?, paused_at = ?,
              budget_working_days = ?
            where id = ?""")
        .params(
            Timestamp.from(start),
            Timestamp.from(planned.warnAt()),
            Timestamp.from(planned.dueAt()),
            Timestamp.from(planned.supervisorAt()),
            pausedAt == null ? null : Timestamp.from(pausedAt),
            days,
            clock.id())
        .update();
    return planned;
  }

  private void completeWork(ProcessInstance instance, boolean reroute) {
    String task = tasks
        .createTaskQuery()
        .processInstanceId(instance.getId())
        .taskDefinitionKey("Work")
        .singleResult()
        .getId();
    tasks.complete(task, Map.of("reroute", reroute));
  }

  private ProcessEngineConfigurationImpl engineConfiguration() {
    return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  private void asOfficer(Runnable action) {
    identity.setAuthentication("canbo.bkhcn", List.of("agency-officer", "agencies/bkhcn"));
    try {
      action.run();
    } finally {
      identity.clearAuthentication();
    }
  }
}
