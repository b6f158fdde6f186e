package vn.dondoc.app.evidence;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import vn.dondoc.app.camunda.UserTasks;
import vn.dondoc.app.security.Caller;
import vn.dondoc.app.sla.SlaCountdown;
import vn.dondoc.app.sla.SlaSummaries;
import vn.dondoc.app.tasks.TaskRecord;
import vn.dondoc.app.tasks.TaskRepository;
import vn.dondoc.app.tasks.TaskScope;
import vn.dondoc.app.time.HanoiTime;
import vn.dondoc.processes.EvidenceReview;

/**
 * The evidence submissions waiting for the caller's decision: the open review (reviewers) and
 * verification (the domain verifier's agency) user tasks for which the caller is a candidate, as
 * Tasklist lists them, restricted to tasks the caller sees (the API's {@code /review} refuses others
 * with 404). Oldest submission first.
 */
@Component
class ReviewQueue {

  /** How many waiting submissions a page lists. */
  static final int LIMIT = 200;
  /** The SLA stage of the review (bpmn/evidence-review.bpmn). */
  static final String REVIEW_STAGE = "REVIEW";

  private final TaskService engineTasks;
  private final TaskRepository tasks;
  private final EvidenceRepository evidence;

  private final SlaSummaries summaries;
  private final SlaCountdown countdowns;
  private final Clock clock;

  ReviewQueue(
      TaskService engineTasks,
      TaskRepository tasks,
      EvidenceRepository evidence,
      SlaSummaries summaries,
      SlaCountdown countdowns,
      Clock clock) {
    this.summaries = summaries;
    this.countdowns = countdowns;
    this.clock = clock;
    this.engineTasks = engineTasks;
    this.tasks = tasks;
    this.evidence = evidence;
  }

  /**
   * One submission waiting for a decision.
   *
   * @param step {@link EvidenceReview#TASK_REVIEW} or {@link EvidenceReview#TASK_VERIFY}
   * @param countdown the open REVIEW SLA stage's countdown (it runs through verification too), null if none
   * @param ownAgency the caller belongs to the submitting agency and so may not decide (as the API and the model refuse)
   */
  record Waiting(
      TaskRecord task,
      EvidenceRepository.Submission submission,
      String step,
      SlaCountdown.Countdown countdown,
      boolean ownAgency,
      long waitingDays) {}

  List<Waiting> waitingFor(Authentication caller) {
    List<String> groups = UserTasks.groups(caller);
    if (groups.isEmpty()) {
      return List.of();
    }
    TaskScope scope = TaskScope.of(caller);
    Caller who = Caller.of(caller);
    List<Waiting> waiting = new ArrayList<>();
    for (Task engineTask : engineTasks
        .createTaskQuery()
        .processDefinitionKey(EvidenceReview.PROCESS_KEY)
        .taskDefinitionKeyIn(EvidenceReview.TASK_REVIEW, EvidenceReview.TASK_VERIFY)
        .taskCandidateGroupIn(groups)
        .includeAssignedTasks()
        .active()
        .orderByTaskCreateTime()
        .asc()
        .listPage(0, LIMIT)) {
      waiting(engineTask, scope, who).ifPresent(waiting::add);
    }
    waiting.sort((a, b) -> a.submission().submittedAt().compareTo(b.submission().submittedAt()) != 0
        ? a.submission().submittedAt().compareTo(b.submission().submittedAt())
        : Long.compare(a.submission().id(), b.submission().id()));
    return waiting;
  }

  /** The submission of the case waiting for the caller's decision, if it is in the caller's queue. */
  Optional<Waiting> find(String caseCode, Authentication caller) {
    return waitingFor(caller).stream()
        .filter(w -> w.task().caseCode().equals(caseCode))
        .findFirst();
  }

  /** Calendar days (Hanoi) from the day of submission to today. */
  private long waitingDays(Instant submittedAt) {
    return ChronoUnit.DAYS.between(
        submittedAt.atZone(HanoiTime.ZONE).toLocalDate(),
        LocalDate.now(clock.withZone(HanoiTime.ZONE)));
  }

  private Optional<Waiting> waiting(Task engineTask, TaskScope scope, Caller caller) {
    Map<String, Object> variables = engineTasks.getVariables(
        engineTask.getId(),
        List.of(EvidenceReview.Var.CASE_CODE, EvidenceReview.Var.SUBMISSION_ID));
    Object caseCode = variables.get(EvidenceReview.Var.CASE_CODE);
    Object submissionId = variables.get(EvidenceReview.Var.SUBMISSION_ID);
    if (!(caseCode instanceof String code) || !(submissionId instanceof Number id)) {
      return Optional.empty();
    }
    return tasks
        .findByCaseCode(code)
        .filter(scope::sees)
        .flatMap(task -> evidence
            .find(id.longValue())
            .map(submission -> new Waiting(
                task,
                submission,
                engineTask.getTaskDefinitionKey(),
                summaries.open(code, List.of(REVIEW_STAGE)).map(countdowns::of).orElse(null),
                caller.agencies().contains(task.leadAgency()),
                waitingDays(submission.submittedAt()))));
  }
}
