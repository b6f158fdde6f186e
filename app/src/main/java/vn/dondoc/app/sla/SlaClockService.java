package vn.dondoc.app.sla;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dondoc.app.camunda.CaseKeys;
import vn.dondoc.app.search.SearchRefresh;
import vn.dondoc.processes.sla.SlaClocks;

/**
 * The SLA clocks of process stages, in working time. The models' timers ask for their instants here
 * (bean {@value SlaClocks#BEAN}): the first question of a stage starts its clock, with the budget of the
 * case type's policy; a question after the stage was left and entered again (a reroute) resumes the
 * clock with the working time it had left, never resets it. Other capabilities pause and resume a
 * clock (the sender is asked for information), which moves the stage's pending timers.
 *
 * <p>Everything runs in the caller's transaction, which is the engine's when the model calls. The
 * instants are kept to the millisecond, as the engine keeps its due dates. Every change of a clock's
 * state (started, paused, resumed, stopped) projects its case into search again ({@link SearchRefresh}):
 * the case's row first, then the clock's, the order in which a step that changes the case locks them.
 */
@Service(SlaClocks.BEAN)
@EnableConfigurationProperties(SlaProperties.class)
public class SlaClockService implements SlaClocks {

  private static final Logger log = LoggerFactory.getLogger(SlaClockService.class);

  private final SlaClockRepository clocks;
  private final SlaPolicies policies;
  private final SlaProperties properties;
  private final WorkingCalendar calendar;
  private final StageTimers timers;
  private final SearchRefresh search;
  private final Map<String, ClockCases> cases;
  private final Clock clock;

  SlaClockService(
      SlaClockRepository clocks,
      SlaPolicies policies,
      SlaProperties properties,
      WorkingCalendar calendar,
      StageTimers timers,
      SearchRefresh search,
      List<ClockCases> cases,
      Clock clock) {
    this.clocks = clocks;
    this.policies = policies;
    this.properties = properties;
    this.calendar = calendar;
    this.timers = timers;
    this.search = search;
    this.cases = cases.stream().collect(Collectors.toUnmodifiableMap(ClockCases::caseType, c -> c));
    this.clock = clock;
  }

  @Override
  @Transactional
  public Date warningAt(DelegateExecution execution, String stage) {
    return Date.from(enter(execution, stage).timeline().warnAt());
  }

  @Override
  @Transactional
  public Date dueAt(DelegateExecution execution, String stage) {
    return Date.from(enter(execution, stage).timeline().dueAt());
  }

  @Override
  @Transactional
  public Date supervisorAt(DelegateExecution execution, String stage) {
    return Date.from(enter(execution, stage).timeline().supervisorAt());
  }

  @Override
  @Transactional
  public void stop(DelegateExecution execution, String stage) {
    refreshCaseIf(execution.getProcessInstanceId(), stage, clock -> !clock.isStopped());
    clocks
        .lock(execution.getProcessInstanceId(), stage)
        .ifPresent(current -> clocks.update(current.stop(now(), calendar)));
  }

  /**
   * Stops the clock of a stage without leaving it, e.g. while the sender is asked for information: its
   * pending timers are suspended. Does nothing if the clock is not running.
   */
  @Transactional
  public void pause(String processInstanceId, String stage) {
    refreshCaseIf(processInstanceId, stage, clock -> clock.state() == SlaClock.State.RUNNING);
    clocks
        .lock(processInstanceId, stage)
        .ifPresentOrElse(
            current -> {
              if (current.state() == SlaClock.State.RUNNING) {
                clocks.update(current.pause(now()));
                timers.suspend(processInstanceId, stage);
              }
            },
            () -> log.warn(
                "No SLA clock for stage {} of process instance {}: nothing to pause",
                stage,
                processInstanceId));
  }

  /**
   * Lets a paused clock run again: the working time spent paused is added, so its due, warning and
   * supervisor instants move and its timers with them. Does nothing if the clock is not paused.
   */
  @Transactional
  public void resume(String processInstanceId, String stage) {
    refreshCaseIf(processInstanceId, stage, clock -> clock.state() == SlaClock.State.PAUSED);
    clocks
        .lock(processInstanceId, stage)
        .ifPresentOrElse(
            current -> {
              if (current.state() == SlaClock.State.PAUSED) {
                SlaClock resumed = current.resume(now(), calendar);
                clocks.update(resumed);
                timers.reschedule(processInstanceId, stage, resumed.timeline());
                timers.moveTaskDueDates(
                    processInstanceId,
                    current.timeline().dueAt(),
                    resumed.timeline().dueAt());
              }
            },
            () -> log.warn(
                "No SLA clock for stage {} of process instance {}: nothing to resume",
                stage,
                processInstanceId));
  }

  /**
   * Moves the start of a running clock back, its instants, timers and its open tasks' due dates with it, as
   * if the stage had been waiting since {@code start}: for demo data with a history (`bin/dondoc run`) and
   * for items staff record after they were received (hotline, letter, counter). Timers now in the past fire
   * at the job executor's next poll and escalate as they would have. Does nothing if the clock is not running.
   */
  @Transactional
  public void backdate(String processInstanceId, String stage, Instant start) {
    clocks
        .lock(processInstanceId, stage)
        .filter(current -> current.state() == SlaClock.State.RUNNING)
        .ifPresent(current -> {
          SlaPolicy policy = policies.find(current.owner().caseType(), stage).orElseThrow();
          SlaClock moved = current.startedAt(start, policy, calendar);
          clocks.update(moved);
          timers.reschedule(processInstanceId, stage, moved.timeline());
          timers.moveTaskDueDates(
              processInstanceId, current.timeline().dueAt(), moved.timeline().dueAt());
          refreshCase(moved);
        });
  }

  /**
   * The stage's clock, started on the first call, resumed when the stage is entered again after a stop. The
   * case and its agency are read from the case's table by the business key: a process variable could say
   * anything.
   */
  private SlaClock enter(DelegateExecution execution, String stage) {
    SlaProperties.Binding binding = properties.binding(processKey(execution));
    String caseCode = CaseKeys.caseCode(execution);
    ClockCases source = cases.get(binding.caseType());
    if (source == null) {
      throw new IllegalStateException("no ClockCases bean for case type " + binding.caseType());
    }
    ClockCases.ClockCase found = source
        .clockCase(caseCode)
        .orElseThrow(() -> new IllegalStateException(
            "no " + binding.caseType() + " case " + caseCode + " for its SLA clock"));
    // not an agency's stage: the standing office works on it (a review, a decision)
    String agency = binding.agencyWorks() ? found.agency() : null;
    return clocks
        .lock(execution.getProcessInstanceId(), stage)
        .map(existing -> {
          if (!existing.isStopped()) {
            return existing;
          }
          SlaClock resumed = existing.reenter(agency, now(), calendar);
          clocks.update(resumed);
          refreshCase(resumed);
          return resumed;
        })
        .orElseGet(() -> {
          SlaPolicy policy = policies
              .find(binding.caseType(), stage)
              .orElseThrow(() -> new IllegalStateException(
                  "no SLA policy for " + binding.caseType() + " " + stage + " (table sla_policy)"));
          SlaClock.Owner owner = new SlaClock.Owner(
              binding.caseType(), found.id(), caseCode, execution.getProcessInstanceId(), stage);
          SlaClock started = clocks.insert(SlaClock.start(owner, agency, policy, now(), calendar));
          refreshCase(started);
          return started;
        });
  }

  /** Projects the clock's case again if the clock (read without a lock) is about to change state. */
  private void refreshCaseIf(String processInstanceId, String stage, Predicate<SlaClock> changes) {
    clocks.find(processInstanceId, stage).filter(changes).ifPresent(this::refreshCase);
  }

  private void refreshCase(SlaClock clock) {
    search.caseChanged(clock.owner().caseType(), clock.owner().caseId());
  }

  /** The engine's own execution knows its definition without a query, so without the caller's authorizations. */
  private static String processKey(DelegateExecution execution) {
    return ((ExecutionEntity) execution).getProcessDefinition().getKey();
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
