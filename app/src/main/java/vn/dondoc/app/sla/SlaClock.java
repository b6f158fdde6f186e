package vn.dondoc.app.sla;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * The SLA clock of one stage of one process instance (a row of sla_clock) and how it moves. Pure: the
 * transitions take the current instant and the calendar and return the new state; {@link SlaClockService}
 * loads and stores it. All arithmetic is in working time ({@link WorkingCalendar}).
 *
 * @param owner the case and stage the clock belongs to
 * @param agency the agency working on the stage when it was (re-)entered, whom escalations address
 * @param timeline when the stage's warning, breach and supervisor timers fire
 * @param pausedWorkingTime working time spent paused, in total
 * @param escalationLevel 0 none, 1 warned, 2 leader notified, 3 supervisor task; raised by {@link SlaEscalationService}
 */
record SlaClock(
    Long id,
    Owner owner,
    String agency,
    State state,
    int budgetWorkingDays,
    Instant startedAt,
    Timeline timeline,
    Instant pausedAt,
    Duration pausedWorkingTime,
    Instant stoppedAt,
    Instant breachedAt,
    int escalationLevel) {

  enum State {
    RUNNING,
    PAUSED,
    MET,
    BREACHED
  }

  record Owner(
      String caseType, Long caseId, String caseCode, String processInstanceId, String stage) {}

  /** The instants of the stage's three timers. */
  record Timeline(Instant warnAt, Instant dueAt, Instant supervisorAt) {

    /**
     * A fresh clock: due after the budget of working days; warned when the policy's share of the working
     * time from start to due is used; handed to a supervisor after the delay's working days past due.
     */
    static Timeline plan(Instant start, SlaPolicy policy, WorkingCalendar calendar) {
      Instant due = calendar.addWorkingDays(start, policy.budgetWorkingDays());
      long budgetMillis = calendar.workingTimeBetween(start, due).toMillis();
      Duration untilWarning = Duration.ofMillis(
          policy.warnShare().multiply(BigDecimal.valueOf(budgetMillis)).longValue());
      // In working time rather than addWorkingDays(due, n): that would leave the rest of the due
      // day free
      // (its convention for a start), so that a delay of n days would give n + 1.
      Instant supervisor =
          calendar.addWorkingTime(due, Duration.ofDays(policy.supervisorDelayWorkingDays()));
      return new Timeline(calendar.addWorkingTime(start, untilWarning), due, supervisor);
    }

    /**
     * The timeline of a clock that stood still from {@code haltedAt} until {@code now}: an instant still
     * ahead at {@code haltedAt} keeps the working time it had left (WorkingCalendar's rule for pauses);
     * one already passed stays where it was, since its timer has fired or fires at once.
     */
    Timeline continued(Instant haltedAt, Instant now, WorkingCalendar calendar) {
      return carried(haltedAt, now, calendar, calendar);
    }

    /**
     * The timeline after an edit of the calendar: each instant still ahead of {@code anchor} keeps the
     * working time it had left there, counted in the edited calendar instead of the old one.
     */
    Timeline recounted(Instant anchor, WorkingCalendar before, WorkingCalendar after) {
      return carried(anchor, anchor, before, after);
    }

    /** The working time left at {@code from} (in {@code before}) is added to {@code to} (in {@code after}). */
    private Timeline carried(
        Instant from, Instant to, WorkingCalendar before, WorkingCalendar after) {
      return new Timeline(
          carry(warnAt, from, to, before, after),
          carry(dueAt, from, to, before, after),
          carry(supervisorAt, from, to, before, after));
    }

    private static Instant carry(
        Instant instant, Instant from, Instant to, WorkingCalendar before, WorkingCalendar after) {
      return instant.isAfter(from)
          ? after.addWorkingTime(to, before.workingTimeBetween(from, instant))
          : instant;
    }
  }

  static SlaClock start(
      Owner owner, String agency, SlaPolicy policy, Instant now, WorkingCalendar calendar) {
    return new SlaClock(
        null,
        owner,
        agency,
        State.RUNNING,
        policy.budgetWorkingDays(),
        now,
        Timeline.plan(now, policy, calendar),
        null,
        Duration.ZERO,
        null,
        null,
        0);
  }

  boolean isStopped() {
    return state == State.MET || state == State.BREACHED;
  }

  /** The case is back in the stage (e.g. rerouted): the clock goes on with the working time it had left. */
  SlaClock reenter(String currentAgency, Instant now, WorkingCalendar calendar) {
    if (!isStopped()) {
      return this;
    }
    return new SlaClock(
        id,
        owner,
        currentAgency,
        State.RUNNING,
        budgetWorkingDays,
        startedAt,
        timeline.continued(stoppedAt, now, calendar),
        null,
        pausedWorkingTime,
        null,
        breachedAt,
        escalationLevel);
  }

  SlaClock pause(Instant now) {
    if (state != State.RUNNING) {
      return this;
    }
    return new SlaClock(
        id,
        owner,
        agency,
        State.PAUSED,
        budgetWorkingDays,
        startedAt,
        timeline,
        now,
        pausedWorkingTime,
        stoppedAt,
        breachedAt,
        escalationLevel);
  }

  /** Running again: every timer still ahead moves by the working time spent paused. */
  SlaClock resume(Instant now, WorkingCalendar calendar) {
    if (state != State.PAUSED) {
      return this;
    }
    Duration pause =
        now.isAfter(pausedAt) ? calendar.workingTimeBetween(pausedAt, now) : Duration.ZERO;
    return new SlaClock(
        id,
        owner,
        agency,
        State.RUNNING,
        budgetWorkingDays,
        startedAt,
        timeline.continued(pausedAt, now, calendar),
        null,
        pausedWorkingTime.plus(pause),
        stoppedAt,
        breachedAt,
        escalationLevel);
  }

  /**
   * The clock once the calendar changed from {@code before} to {@code after}: a running clock keeps the
   * working time left now, a paused one the working time it had left when the pause began; a stopped
   * clock stays as it is.
   */
  SlaClock recounted(Instant now, WorkingCalendar before, WorkingCalendar after) {
    Instant anchor = switch (state) {
      case RUNNING -> now;
      case PAUSED -> pausedAt;
      case MET, BREACHED -> null;
    };
    if (anchor == null) {
      return this;
    }
    return new SlaClock(
        id,
        owner,
        agency,
        state,
        budgetWorkingDays,
        startedAt,
        timeline.recounted(anchor, before, after),
        pausedAt,
        pausedWorkingTime,
        stoppedAt,
        breachedAt,
        escalationLevel);
  }

  /** The same running clock as if it had started at {@code start}: its instants planned again from there. */
  SlaClock startedAt(Instant start, SlaPolicy policy, WorkingCalendar calendar) {
    return new SlaClock(
        id,
        owner,
        agency,
        state,
        budgetWorkingDays,
        start,
        Timeline.plan(start, policy, calendar),
        pausedAt,
        pausedWorkingTime,
        stoppedAt,
        breachedAt,
        escalationLevel);
  }

  /** The stage is left: met if before the due instant, else breached (a pause in course ends first). */
  SlaClock stop(Instant now, WorkingCalendar calendar) {
    if (state == State.PAUSED) {
      return resume(now, calendar).stop(now, calendar);
    }
    if (state != State.RUNNING) {
      return this;
    }
    boolean late = !now.isBefore(timeline.dueAt());
    return new SlaClock(
        id,
        owner,
        agency,
        late ? State.BREACHED : State.MET,
        budgetWorkingDays,
        startedAt,
        timeline,
        null,
        pausedWorkingTime,
        now,
        late && breachedAt == null ? timeline.dueAt() : breachedAt,
        escalationLevel);
  }
}
