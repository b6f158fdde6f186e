package vn.dondoc.app.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import vn.dondoc.app.camunda.UserTasks;
import vn.dondoc.app.evidence.EvidenceKind;
import vn.dondoc.app.evidence.EvidenceService;
import vn.dondoc.app.evidence.EvidenceSubmission;
import vn.dondoc.app.extensions.ExtensionReason;
import vn.dondoc.app.extensions.ExtensionRepository.Milestone;
import vn.dondoc.app.extensions.ExtensionRequest;
import vn.dondoc.app.extensions.ExtensionService;
import vn.dondoc.app.tasks.EvidenceLevel;
import vn.dondoc.app.tasks.TaskRecord;
import vn.dondoc.app.time.HanoiTime;
import vn.dondoc.processes.EvidenceReview;
import vn.dondoc.processes.TaskLifecycle;

/**
 * Moves demo tasks along through the same services the API calls, as the demo users: each acts with
 * the roles and groups their Keycloak account has (realm-dondoc.json), so scope and reviewer checks apply.
 */
@Component
class DemoTaskProgress {

  private final UserTasks userTasks;
  private final EvidenceService evidence;
  private final ExtensionService extensions;
  private final Clock clock;

  DemoTaskProgress(
      UserTasks userTasks, EvidenceService evidence, ExtensionService extensions, Clock clock) {
    this.userTasks = userTasks;
    this.evidence = evidence;
    this.extensions = extensions;
    this.clock = clock;
  }

  void acknowledge(TaskRecord task) {
    retried(() -> userTasks.complete(
        leadOfficer(task), task.caseCode(), Map.of(), TaskLifecycle.TASK_ACKNOWLEDGE));
  }

  void reportCompletion(TaskRecord task) {
    LocalDate today = LocalDate.now(clock.withZone(HanoiTime.ZONE));
    EvidenceSubmission.Item document = new EvidenceSubmission.Item(
        EvidenceKind.ISSUED_DOCUMENT,
        EvidenceLevel.L1,
        "Văn bản triển khai đã ký ban hành",
        "125/QĐ-" + task.leadAgency().toUpperCase(),
        today.minusDays(3),
        null,
        null,
        null,
        null,
        null,
        null);
    List<EvidenceSubmission.Item> items = new ArrayList<>(List.of(document));
    if (task.evidenceLevel().compareTo(EvidenceLevel.L1) > 0) {
      items.add(new EvidenceSubmission.Item(
          EvidenceKind.SYSTEM_IN_USE,
          EvidenceLevel.L3,
          "Hệ thống đã vận hành chính thức, kết nối với Nền tảng tích hợp, chia sẻ dữ liệu quốc gia",
          null,
          null,
          "https://dichvucong.gov.vn",
          today.minusDays(10),
          null,
          null,
          null,
          null));
      items.add(new EvidenceSubmission.Item(
          EvidenceKind.USAGE_FIGURES,
          EvidenceLevel.L4,
          "Số hồ sơ trực tuyến toàn trình trong tháng",
          null,
          null,
          null,
          null,
          "Hồ sơ trực tuyến",
          new BigDecimal("12840"),
          "hồ sơ",
          null));
    }
    retried(() -> evidence.submit(
        task.caseCode(),
        new EvidenceSubmission("Đã hoàn thành nội dung được giao; gửi kèm minh chứng.", items),
        leadOfficer(task)));
  }

  /** The reviewer not from the submitting agency decides. */
  void review(TaskRecord task, String decision, String note) {
    Authentication reviewer = task.leadAgency().equals("vptw")
        ? DemoUsers.user(
            "thamdinh.bkhcn", List.of("reviewer"), List.of("/reviewer", "/agencies/bkhcn"))
        : DemoUsers.user("thamdinh", List.of("reviewer"), List.of("/reviewer", "/agencies/vptw"));
    Map<String, String> form = new HashMap<>(Map.of(EvidenceReview.Var.REVIEW_DECISION, decision));
    if (note != null) {
      form.put(EvidenceReview.Var.REVIEW_NOTE, note);
    }
    retried(() -> evidence.decide(task.caseCode(), form, reviewer));
  }

  void requestExtension(TaskRecord task, String narrative) {
    LocalDate proposed = LocalDate.now(clock.withZone(HanoiTime.ZONE)).plusMonths(2);
    retried(() -> extensions.request(
        task.caseCode(),
        new ExtensionRequest(
            proposed,
            ExtensionReason.COORDINATION,
            narrative,
            List.of(
                new Milestone(proposed.minusMonths(1), "Tổng hợp ý kiến các bộ, ngành"),
                new Milestone(proposed, "Trình ký ban hành")),
            List.of()),
        leadOfficer(task)));
  }

  /**
   * Tasks taken over with past deadlines have timers firing on the job executor while the demo users
   * act on the same process; a step that loses that race is simply done again.
   */
  private static void retried(Runnable step) {
    for (int attempt = 1; ; attempt++) {
      try {
        step.run();
        return;
      } catch (OptimisticLockingException e) {
        if (attempt == 5) {
          throw e;
        }
      }
    }
  }

  private static Authentication leadOfficer(TaskRecord task) {
    return switch (task.leadAgency()) {
      case "vptw" ->
        DemoUsers.user(
            "thuongtruc",
            List.of("standing-office"),
            List.of("/standing-office", "/agencies/vptw"));
      case "bkhcn" ->
        DemoUsers.user(
            "canbo.bkhcn",
            List.of("agency-officer"),
            List.of("/agency-officer", "/agencies/bkhcn"));
      default -> throw new IllegalArgumentException("no demo user for agency " + task.leadAgency());
    };
  }
}
