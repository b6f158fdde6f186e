package vn.dondoc.app.workspace;

import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import vn.dondoc.processes.EvidenceReview;
import vn.dondoc.processes.FeedbackHandling;
import vn.dondoc.processes.InitiativeSelection;
import vn.dondoc.processes.TaskLifecycle;

/**
 * Where each user task is done. Steps whose work is more than a form (evidence with files, the agency's
 * answer beside the citizen's letter, the proposer's own area) keep the capability's page; every other
 * step is done on the workspace's step page, which renders the step's form beside the case.
 */
@Component
public class StepPages {

  /** The workspace's page of one step: {@code /lam-viec/viec/{taskId}}. */
  public static final String STEP = "/lam-viec/viec/";

  /** Capability pages by task definition key; {code} is the case code. */
  static final Map<String, String> CAPABILITY_PAGES = Map.of(
      TaskLifecycle.TASK_ACKNOWLEDGE, "/lam-viec/nhiem-vu/{code}",
      TaskLifecycle.TASK_REPORT_PROGRESS, "/lam-viec/nhiem-vu/{code}",
      TaskLifecycle.TASK_REPORT_COMPLETION, "/lam-viec/nhiem-vu/{code}",
      EvidenceReview.TASK_REVIEW, "/tham-dinh/{code}",
      EvidenceReview.TASK_VERIFY, "/tham-dinh/{code}",
      FeedbackHandling.TASK_ACCEPT, "/lam-viec/phan-anh/{code}",
      FeedbackHandling.TASK_DRAFT_ANSWER, "/lam-viec/phan-anh/{code}",
      FeedbackHandling.TASK_SIGN_OFF, "/lam-viec/phan-anh/{code}",
      InitiativeSelection.TASK_COMPLETE_SUBMISSION, "/sang-kien-cua-toi");

  public String href(String taskDefinitionKey, String taskId, String caseCode) {
    String page = CAPABILITY_PAGES.get(taskDefinitionKey);
    if (page == null) {
      return UriComponentsBuilder.fromPath(STEP + "{id}").buildAndExpand(taskId).toUriString();
    }
    return UriComponentsBuilder.fromPath(page)
        .buildAndExpand(Map.of("code", caseCode))
        .toUriString();
  }
}
