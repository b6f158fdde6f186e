package vn.dondoc.app.sla;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dondoc.app.agencies.AgencyGroups;
import vn.dondoc.app.cases.AuditLog;
import vn.dondoc.app.notifications.BilingualText;
import vn.dondoc.app.notifications.NotificationService;
import vn.dondoc.app.search.SearchRefresh;
import vn.dondoc.app.security.Roles;
import vn.dondoc.app.time.DisplayDates;
import vn.dondoc.app.time.HanoiTime;
import vn.dondoc.processes.FeedbackHandling;
import vn.dondoc.processes.sla.SlaEscalation;
import vn.dondoc.processes.sla.SlaStage;

/**
 * Escalation of a stage's clock (bean {@value SlaEscalation#BEAN}), one level at a time and each level
 * once per clock: 1 the people on the stage are reminded, 2 their leaders and the supervisors are told
 * it is overdue, 3 a supervisor task exists. A level is claimed with a conditional update of the
 * clock's row; only the transaction whose update changes the row notifies and audits, so two nodes
 * (or a retried job) that escalate the same clock at once escalate it once. Everything is written in
 * the caller's transaction: the engine's job, whose rollback takes the notifications with it.
 *
 * <p>Who is addressed: for routing the standing office, which routes; for the other stages the
 * handling agency's group and its leaders ({@code agencies/<code>/leaders}).
 *
 * <p>Each call means a timer of the clock fired: the warning or due instant has passed, so the case's
 * SLA state in search changed even when the level was raised before (a reroute's timers fire again).
 * The case is projected again every time ({@link SearchRefresh}), its row locked before the clock's.
 */
@Service(SlaEscalation.BEAN)
public class SlaEscalationService implements SlaEscalation {

  static final int WARNED = 1;
  static final int LEADER_NOTIFIED = 2;
  static final int SUPERVISOR_TASK = 3;

  private final SlaClockRepository clocks;
  private final NotificationService notifications;
  private final BilingualText texts;
  private final AuditLog audit;
  private final SearchRefresh search;

  SlaEscalationService(
      SlaClockRepository clocks,
      NotificationService notifications,
      BilingualText texts,
      AuditLog audit,
      SearchRefresh search) {
    this.clocks = clocks;
    this.search = search;
    this.notifications = notifications;
    this.texts = texts;
    this.audit = audit;
  }

  @Override
  @Transactional
  public void warn(DelegateExecution execution, String stage) {
    claim(execution.getProcessInstanceId(), stage, WARNED).ifPresent(clock -> {
      String code = clock.owner().caseCode();
      BilingualText.Text text = texts.render(
          code,
          "notification.sla-warning",
          stageName(stage),
          deadline(clock.timeline().dueAt()));
      String group = workingGroup(clock);
      notifications.notifyGroup(code, "SLA_WARNING_" + stage, group, text.subject(), text.body());
      record(clock, "SLA_WARNED", List.of(group));
    });
  }

  @Override
  @Transactional
  public void breach(DelegateExecution execution, String stage) {
    claim(execution.getProcessInstanceId(), stage, LEADER_NOTIFIED).ifPresent(clock -> {
      String code = clock.owner().caseCode();
      BilingualText.Text text = texts.render(
          code,
          "notification.sla-breach",
          stageName(stage),
          deadline(clock.timeline().dueAt()),
          deadline(clock.timeline().supervisorAt()));
      List<String> groups = List.of(leaders(clock), Roles.SUPERVISOR);
      groups.forEach(group -> notifications.notifyGroup(
          code, "SLA_BREACH_" + stage, group, text.subject(), text.body()));
      record(clock, "SLA_BREACHED", groups);
    });
  }

  /** The stage's supervisor task was created: the last level, told by the task itself (Tasklist). */
  @Transactional
  public void supervisorTaskCreated(String processInstanceId, String stage) {
    claim(processInstanceId, stage, SUPERVISOR_TASK)
        .ifPresent(clock -> record(clock, "SLA_SUPERVISOR_TASK", List.of(Roles.SUPERVISOR)));
  }

  /** A supervisor did the stage's supervision task: who, and their note, on the case's record. */
  @Transactional
  public void supervised(String processInstanceId, String stage, String supervisor, String note) {
    clocks.find(processInstanceId, stage).ifPresent(clock -> {
      Map<String, Object> detail = new LinkedHashMap<>();
      detail.put("stage", stage);
      detail.put("note", note);
      audit.record(clock.owner().caseCode(), "SLA_SUPERVISED", supervisor, detail);
    });
  }

  /** The clock, if this caller is the one that raises it to {@code level}. */
  private Optional<SlaClock> claim(String processInstanceId, String stage, int level) {
    SlaClock clock = clocks
        .find(processInstanceId, stage)
        .orElseThrow(() -> new IllegalStateException(
            "no SLA clock for stage " + stage + " of process instance " + processInstanceId));
    search.caseChanged(clock.owner().caseType(), clock.owner().caseId());
    return clocks.raiseEscalation(clock.id(), level) ? Optional.of(clock) : Optional.empty();
  }

  private void record(SlaClock clock, String action, List<String> notified) {
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("stage", clock.owner().stage());
    detail.put("dueAt", clock.timeline().dueAt().toString());
    detail.put("agency", clock.agency());
    detail.put("notified", notified);
    audit.record(clock.owner().caseCode(), action, null, detail);
  }

  private static boolean standingOfficeStage(SlaClock clock) {
    return SlaStage.ROUTE.equals(clock.owner().stage()) || clock.agency() == null;
  }

  private static String workingGroup(SlaClock clock) {
    return standingOfficeStage(clock)
        ? FeedbackHandling.GROUP_STANDING_OFFICE
        : AgencyGroups.PREFIX + clock.agency();
  }

  private static String leaders(SlaClock clock) {
    return standingOfficeStage(clock)
        ? FeedbackHandling.GROUP_STANDING_OFFICE
        : AgencyGroups.leadersOf(clock.agency());
  }

  private static MessageSourceResolvable stageName(String stage) {
    return new DefaultMessageSourceResolvable("sla.stage." + stage);
  }

  /** A due instant as people say it: "end of 23/02/2026" when it falls at midnight, else time and day. */
  static MessageSourceResolvable deadline(Instant instant) {
    LocalDateTime local = LocalDateTime.ofInstant(instant, HanoiTime.ZONE);
    if (local.toLocalTime().equals(LocalTime.MIDNIGHT)) {
      return new DefaultMessageSourceResolvable(
          new String[] {"sla.deadline.end-of-day"},
          new Object[] {DisplayDates.DAY.format(local.minusDays(1))});
    }
    return new DefaultMessageSourceResolvable(
        new String[] {"sla.deadline.at"}, new Object[] {DisplayDates.TIME_AND_DAY.format(local)});
  }
}
