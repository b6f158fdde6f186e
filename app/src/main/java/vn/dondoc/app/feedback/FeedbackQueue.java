package vn.dondoc.app.feedback;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import vn.dondoc.app.agencies.AgencyGroups;
import vn.dondoc.app.camunda.UserTasks;
import vn.dondoc.app.search.CallerScope;
import vn.dondoc.app.security.Caller;
import vn.dondoc.app.sla.SlaCountdown;
import vn.dondoc.app.sla.SlaSummaries;
import vn.dondoc.processes.FeedbackHandling;

/**
 * The feedback items at the caller's agencies' steps: acceptance and drafting (the agency's officers and
 * leaders) and the leader's sign-off, as Tasklist lists them for the groups agencies/&lt;code&gt; and
 * agencies/&lt;code&gt;/leaders. Each with the countdown of its open SLA stage; the earliest due (so the
 * oldest breach) first, items without an open clock last.
 */
@Component
class FeedbackQueue {

  static final int LIMIT = 200;

  /** The agency's own steps, in the order of the model. */
  static final List<String> STEPS = List.of(
      FeedbackHandling.TASK_ACCEPT,
      FeedbackHandling.TASK_DRAFT_ANSWER,
      FeedbackHandling.TASK_SIGN_OFF);

  private final TaskService engineTasks;
  private final FeedbackRepository repository;
  private final SlaSummaries summaries;
  private final SlaCountdown countdowns;

  FeedbackQueue(
      TaskService engineTasks,
      FeedbackRepository repository,
      SlaSummaries summaries,
      SlaCountdown countdowns) {
    this.engineTasks = engineTasks;
    this.repository = repository;
    this.summaries = summaries;
    this.countdowns = countdowns;
  }

  /**
   * An item waiting at one of the agency's steps.
   *
   * @param step the user task's definition key, one of {@link #STEPS}
   * @param taskId the engine task's id (to read the values its form shows)
   * @param mayAct the caller is a candidate of the step (a sign-off waits for a leader: officers only see it)
   * @param countdown the open SLA stage's countdown, null if no clock runs for the item
   */
  record Waiting(
      FeedbackRepository.Item item,
      String step,
      String taskId,
      boolean mayAct,
      SlaCountdown.Countdown countdown) {

    Instant dueAt() {
      return countdown == null ? null : countdown.dueAt();
    }
  }

  List<Waiting> waitingFor(Authentication caller) {
    Set<String> agencies = Caller.of(caller).agencies();
    if (agencies.isEmpty()) {
      return List.of();
    }
    List<String> agencyGroups = new ArrayList<>();
    for (String agency : agencies) {
      agencyGroups.add(AgencyGroups.PREFIX + agency);
      agencyGroups.add(AgencyGroups.leadersOf(agency));
    }
    Set<String> callerGroups = Set.copyOf(UserTasks.groups(caller));
    var scope = CallerScope.of(caller);
    List<Waiting> waiting = new ArrayList<>();
    for (Task task : engineTasks
        .createTaskQuery()
        .processDefinitionKey(FeedbackHandling.PROCESS_KEY)
        .taskDefinitionKeyIn(STEPS.toArray(String[]::new))
        .taskCandidateGroupIn(agencyGroups)
        .active()
        .orderByTaskCreateTime()
        .asc()
        .listPage(0, LIMIT)) {
      Object code = engineTasks.getVariable(task.getId(), FeedbackHandling.Var.CASE_CODE);
      if (code instanceof String caseCode) {
        repository
            .findByCode(caseCode)
            .filter(item -> item.visibleTo(scope))
            .ifPresent(item -> waiting.add(new Waiting(
                item,
                task.getTaskDefinitionKey(),
                task.getId(),
                candidateGroups(task).stream().anyMatch(callerGroups::contains),
                summaries.open(caseCode, null).map(countdowns::of).orElse(null))));
      }
    }
    waiting.sort(
        Comparator.comparing(Waiting::dueAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(w -> w.item().submittedAt()));
    return waiting;
  }

  Optional<Waiting> find(String code, Authentication caller) {
    return waitingFor(caller).stream().filter(w -> w.item().code().equals(code)).findFirst();
  }

  private Set<String> candidateGroups(Task task) {
    return engineTasks.getIdentityLinksForTask(task.getId()).stream()
        .filter(
            link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(link -> link.getGroupId())
        .collect(Collectors.toSet());
  }
}
