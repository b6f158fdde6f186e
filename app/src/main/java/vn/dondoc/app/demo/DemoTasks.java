package vn.dondoc.app.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import vn.dondoc.app.directives.DirectiveImport;
import vn.dondoc.app.directives.DirectiveIssuing;
import vn.dondoc.app.directives.DirectiveIssuing.IssueRequest;
import vn.dondoc.app.directives.DirectiveType;
import vn.dondoc.app.directives.DraftTask;
import vn.dondoc.app.tasks.EvidenceLevel;
import vn.dondoc.app.tasks.TaskField;
import vn.dondoc.app.tasks.TaskRecord;
import vn.dondoc.app.tasks.TaskSpec;

/**
 * Demo tasks for `bin/dondoc run`: the appendix of Thông báo 17-TB/CQTTBCĐ (the real text, read from
 * the shared sources) is imported as the standing office would, its drafts with a named lead agency
 * taken over as issued on 29/12/2025 (so many are already overdue), and the Bộ KH&CN and VPTW tasks
 * moved along by the demo users: acknowledged, some completed with evidence, one returned, one with an
 * extension asked and one granted. Skipped when the directive is already there.
 */
@Component
@ConditionalOnProperty(name = "dondoc.demo-data", havingValue = "true")
@EnableConfigurationProperties(DemoTasks.Settings.class)
class DemoTasks implements ApplicationRunner {

  /**
   * {@code dondoc.demo-*}: the demonstration data (profile demo).
   *
   * @param demoData whether the demonstration tasks, feedback and initiatives are made at start-up (once)
   * @param demoSources the folder of real directive texts the demo tasks are read from (DONDOC_SOURCES)
   */
  @ConfigurationProperties("dondoc")
  record Settings(boolean demoData, String demoSources) {}

  static final String SYMBOL = "17-TB/CQTTBCĐ";
  private static final Logger log = LoggerFactory.getLogger(DemoTasks.class);

  private final DirectiveImport directiveImport;
  private final DirectiveIssuing issuing;
  private final DemoTaskProgress progress;
  private final Path sources;

  DemoTasks(
      DirectiveImport directiveImport,
      DirectiveIssuing issuing,
      DemoTaskProgress progress,
      Settings settings) {
    this.directiveImport = directiveImport;
    this.issuing = issuing;
    this.progress = progress;
    this.sources = Path.of(settings.demoSources());
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    if (issuing.exists(SYMBOL)) {
      return;
    }
    Path notice = sources.resolve("000_b6b7d3b86713636c.txt");
    if (!Files.isReadable(notice)) {
      log.warn(
          "Demo tasks skipped: {} is not readable (set DONDOC_SOURCES)", notice.toAbsolutePath());
      return;
    }
    String text = Files.readString(notice, StandardCharsets.UTF_8);
    String appendix = text.substring(Math.max(0, text.indexOf("\nPhụ lục\n")));
    List<DraftTask> drafts = directiveImport
        .read(
            new DirectiveImport.Directive(
                "CONCLUSION_NOTICE",
                SYMBOL,
                "29/12/2025",
                "Cơ quan Thường trực Ban Chỉ đạo Trung ương",
                null),
            appendix,
            "appendixText")
        .drafts();
    List<TaskSpec> specs = drafts.stream()
        .map(draft -> draft.asSpec(levelFor(draft)))
        .filter(Objects::nonNull)
        .toList();
    List<TaskRecord> tasks = issuing
        .takeOver(
            new IssueRequest(
                DirectiveType.CONCLUSION_NOTICE,
                SYMBOL,
                LocalDate.of(2025, 12, 29),
                "Cơ quan Thường trực Ban Chỉ đạo Trung ương",
                "Thông báo kết luận của Tổng Bí thư tại Hội nghị sơ kết năm 2025 và triển khai nhiệm vụ năm 2026",
                specs),
            "thuongtruc")
        .tasks();
    log.info(
        "Demo: directive {} with {} tasks ({} drafts needed a person to split a collective lead)",
        SYMBOL,
        tasks.size(),
        drafts.size() - specs.size());
    moveAlong(tasks);
  }

  /** Databases, platforms and online services must show use, not just a document (DOMAIN.md §2.3.3). */
  private static EvidenceLevel levelFor(DraftTask draft) {
    TaskField field = draft.proposedField();
    return field == TaskField.DATABASES
            || field == TaskField.PLATFORMS
            || field == TaskField.ONLINE_SERVICES
        ? EvidenceLevel.L3
        : EvidenceLevel.L1;
  }

  private void moveAlong(List<TaskRecord> tasks) {
    List<TaskRecord> science = new ArrayList<>(
        tasks.stream().filter(t -> t.leadAgency().equals("bkhcn")).toList());
    science.forEach(progress::acknowledge);
    tasks.stream().filter(t -> t.leadAgency().equals("vptw")).forEach(progress::acknowledge);
    List<TaskRecord> withDeadline = science.stream().filter(t -> !t.recurring()).toList();
    for (int i = 0; i < withDeadline.size(); i++) {
      TaskRecord task = withDeadline.get(i);
      switch (i % 5) {
        case 0, 1 -> {
          progress.reportCompletion(task);
          progress.review(task, "accept", null);
        }
        case 2 -> {
          progress.reportCompletion(task);
          progress.review(
              task, "return", "Chưa có văn bản ban hành kèm theo; đề nghị gửi bản ký số.");
        }
        case 3 ->
          progress.requestExtension(
              task, "Đang lấy ý kiến các bộ, ngành; dự kiến trình ký trong quý tới.");
        default -> progress.reportCompletion(task);
      }
    }
  }
}
