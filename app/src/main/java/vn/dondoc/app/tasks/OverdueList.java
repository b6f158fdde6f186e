package vn.dondoc.app.tasks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.dondoc.app.tasks.TaskReportQueries.Extension;
import vn.dondoc.app.tasks.TaskReportQueries.OverdueDetails;
import vn.dondoc.app.tasks.TaskReportQueries.TaskFacts;

/**
 * The overdue-task list (Phụ lục "Danh sách các nhiệm vụ quá hạn", columns as DOMAIN.md §3.8 proposes):
 * the open tasks that {@link Timeliness#of} labels OVERDUE at the end of the report's day, i.e. past their
 * <em>original</em> deadline, most days overdue first (then by task code). The same rows feed the JSON answer, the CSV and the
 * workbook ({@link OverdueExport}).
 */
@Component
public class OverdueList {

  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  /** The columns, as the appendix heads them. */
  static final List<String> HEADERS = List.of(
      "STT",
      "Nhiệm vụ",
      "Văn bản giao (số, ký hiệu, ngày)",
      "Cơ quan chủ trì",
      "Cơ quan phối hợp",
      "Thời hạn",
      "Tình trạng",
      "Số ngày quá hạn",
      "Nguyên nhân",
      "Cam kết lộ trình / thời hạn mới",
      "Ghi chú");

  public record Agency(String code, String name) {}

  public record Directive(String symbol, LocalDate issuedOn) {}

  public record Reason(String code, String label, String narrative) {}

  public record Milestone(LocalDate date, String milestone) {}

  /**
   * The roadmap the agency committed to: the latest approved or pending extension request.
   *
   * @param approved whether the new deadline was granted (else it is proposed and awaits a decision)
   */
  public record Commitment(
      String requestStatus, boolean approved, LocalDate deadline, List<Milestone> milestones) {}

  /**
   * One overdue task.
   *
   * @param deadlineInForce the extended deadline in force on the report's day, null when never extended
   * @param reason why, from the latest extension request made by then; null without one
   * @param cells the row as the files write it: eleven texts, in Vietnamese
   */
  public record Row(
      int no,
      String caseCode,
      String taskCode,
      String content,
      Directive directive,
      Agency leadAgency,
      List<Agency> cooperatingAgencies,
      LocalDate originalDeadline,
      LocalDate deadlineInForce,
      TaskStatus status,
      String statusLabel,
      long daysOverdue,
      Reason reason,
      Commitment commitment,
      boolean lateRequest,
      List<String> cells) {}

  public record Report(LocalDate asOf, List<String> headers, List<Row> rows) {}

  private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
  private static final ObjectMapper JSON = new ObjectMapper()
      .findAndRegisterModules()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final TaskReportQueries queries;
  private final MessageSource messages;

  OverdueList(TaskReportQueries queries, MessageSource messages) {
    this.queries = queries;
    this.messages = messages;
  }

  /** The overdue tasks the caller may see; labels in {@code locale}, file cells in Vietnamese. */
  public Report list(TaskReportFilter filter, TaskScope scope, Locale locale) {
    return list(filter, scope, locale, null);
  }

  /** The first {@code limit} of them (all when null), in the list's order. */
  public Report list(TaskReportFilter filter, TaskScope scope, Locale locale, Integer limit) {
    LocalDate asOf = filter.asOf();
    List<TaskFacts> ordered = queries.facts(filter, scope, Timeliness.OVERDUE, limit);
    Map<Long, OverdueDetails> details =
        queries.overdueDetails(ordered.stream().map(TaskFacts::id).toList(), asOf);
    Map<String, String> agencyNames = queries.agencyNames();
    List<Row> rows = new ArrayList<>();
    for (TaskFacts task : ordered) {
      rows.add(row(rows.size() + 1, task, details.get(task.id()), agencyNames, asOf, locale));
    }
    return new Report(asOf, HEADERS, rows);
  }

  private Row row(
      int no,
      TaskFacts task,
      OverdueDetails details,
      Map<String, String> agencyNames,
      LocalDate asOf,
      Locale locale) {
    Agency lead = new Agency(
        task.leadAgency(), agencyNames.getOrDefault(task.leadAgency(), task.leadAgency()));
    List<Agency> cooperating = details.cooperatingAgencies().stream()
        .map(code -> new Agency(code, agencyNames.getOrDefault(code, code)))
        .toList();
    Directive directive = details.directive() == null
        ? null
        : new Directive(details.directive(), details.directiveIssuedOn());
    LocalDate inForce = details.deadlineInForce() == null
            || details.deadlineInForce().equals(task.originalDeadline())
        ? null
        : details.deadlineInForce();
    // A task completed after the report's day was still being worked on then.
    TaskStatus status =
        task.status() == TaskStatus.COMPLETED ? TaskStatus.IN_PROGRESS : task.status();
    long days = ChronoUnit.DAYS.between(task.originalDeadline(), asOf);
    Extension latest = details.latestRequest();
    Extension committed = details.commitment();
    Reason reason = latest == null
        ? null
        : new Reason(
            latest.reasonCode(), reasonLabel(latest.reasonCode(), locale), latest.narrative());
    Commitment commitment = committed == null
        ? null
        : new Commitment(
            committed.status(),
            "APPROVED".equals(committed.status()),
            "APPROVED".equals(committed.status()) && committed.approvedDeadline() != null
                ? committed.approvedDeadline()
                : committed.proposedDeadline(),
            milestones(committed.milestonesJson()));
    boolean lateRequest = latest != null && latest.late();

    List<String> cells = List.of(
        String.valueOf(no),
        details.content(),
        directive == null
            ? ""
            : message(
                "tasks.overdue.directive",
                VIETNAMESE,
                directive.symbol(),
                DAY.format(directive.issuedOn())),
        lead.name(),
        cooperating.stream().map(Agency::name).collect(Collectors.joining("; ")),
        inForce == null
            ? DAY.format(task.originalDeadline())
            : message(
                "tasks.overdue.deadline-extended",
                VIETNAMESE,
                DAY.format(task.originalDeadline()),
                DAY.format(inForce)),
        message("tasks.overdue.status." + status.name(), VIETNAMESE),
        String.valueOf(days),
        reason == null ? "" : reasonText(reason.code(), reason.narrative()),
        commitment == null ? "" : commitmentText(commitment),
        lateRequest
            ? message(
                "tasks.overdue.note-late-request",
                VIETNAMESE,
                details.taskCode(),
                details.caseCode())
            : message("tasks.overdue.note", VIETNAMESE, details.taskCode(), details.caseCode()));
    return new Row(
        no,
        details.caseCode(),
        details.taskCode(),
        details.content(),
        directive,
        lead,
        cooperating,
        task.originalDeadline(),
        inForce,
        status,
        message("tasks.overdue.status." + status.name(), locale),
        days,
        reason,
        commitment,
        lateRequest,
        cells);
  }

  private String reasonText(String code, String narrative) {
    String label = reasonLabel(code, VIETNAMESE);
    return narrative == null || narrative.isBlank() ? label : label + ": " + narrative.strip();
  }

  private String commitmentText(Commitment commitment) {
    StringBuilder text = new StringBuilder(message(
        commitment.approved()
            ? "tasks.overdue.commitment.approved"
            : "tasks.overdue.commitment.pending",
        VIETNAMESE,
        commitment.deadline() == null ? "" : DAY.format(commitment.deadline())));
    for (Milestone milestone : commitment.milestones()) {
      text.append('\n')
          .append(milestone.date() == null ? "" : DAY.format(milestone.date()) + ": ")
          .append(milestone.milestone() == null ? "" : milestone.milestone());
    }
    return text.toString();
  }

  private String reasonLabel(String code, Locale locale) {
    return code == null ? "" : messages.getMessage("ExtensionReason." + code, null, code, locale);
  }

  private String message(String key, Locale locale, Object... arguments) {
    return messages.getMessage(key, arguments, locale);
  }

  /** The request's roadmap, [{"date": "2026-05-31", "milestone": "..."}]; an unreadable one shows nothing. */
  static List<Milestone> milestones(String json) {
    if (json == null || json.isBlank()) {
      return List.of();
    }
    try {
      return JSON.readValue(json, new TypeReference<List<Milestone>>() {});
    } catch (JsonProcessingException e) {
      return List.of();
    }
  }
}
