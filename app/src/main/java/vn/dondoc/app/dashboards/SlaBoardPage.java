package vn.dondoc.app.dashboards;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.dondoc.app.agencies.ReferenceData;
import vn.dondoc.app.search.CallerScope;
import vn.dondoc.app.staff.StaffPage;
import vn.dondoc.app.tasks.OverdueList;
import vn.dondoc.app.tasks.TaskReportFilter;
import vn.dondoc.app.tasks.TaskScope;
import vn.dondoc.app.time.DisplayDates;
import vn.dondoc.app.web.InvalidFieldException;
import vn.dondoc.app.web.TableExport;

/**
 * The SLA board page ({@link SlaBoard} for the signed-in person's scope): totals, by agency and by field with
 * charts drawn from their tables, the open breaches oldest first, the trend by day; filters in the URL; the
 * breach list as CSV or Excel with the same filters.
 */
@Controller
@StaffPage
class SlaBoardPage {

  /**
   * The URL parameters of the board, as the APIs name them: the clocks' ({@code /api/v1/dashboards/sla}) and, for
   * the task deadlines, the directive and the agency's role ({@code /api/v1/tasks/summary}).
   */
  static final List<String> PARAMS =
      List.of("caseType", "agency", "agencyRole", "field", "directive", "from", "to");

  /** The board's filters as its form and its files' links send them, bound from the query string ({@link #PARAMS}). */
  record Filters(
      String caseType,
      String agency,
      String agencyRole,
      String field,
      String directive,
      String from,
      String to) {

    /** The filters given, by parameter name, blank ones left out. */
    Map<String, String> values() {
      return DashboardPages.values(
          PARAMS, caseType, agency, agencyRole, field, directive, from, to);
    }
  }

  private static final int[] OVERDUE_TASK_WIDTHS = {6, 18, 60, 30, 14, 14, 12, 12};

  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MM/yyyy");

  private static final int[] BREACH_WIDTHS = {6, 18, 22, 30, 40, 14, 14, 12, 12};

  private final SlaBoard slaBoard;
  private final TaskDeadlineBoard taskDeadlines;
  private final DashboardPages pages;

  SlaBoardPage(SlaBoard slaBoard, TaskDeadlineBoard taskDeadlines, DashboardPages pages) {
    this.slaBoard = slaBoard;
    this.taskDeadlines = taskDeadlines;
    this.pages = pages;
  }

  /** An open breach as the page and the files show it. */
  record BreachRow(
      String code,
      String href,
      String type,
      String stage,
      String agency,
      String due,
      long workingDaysOverdue,
      long daysOverdue,
      int escalationLevel) {}

  /** The overdue tasks the page lists, the most overdue first; the files list them all. */
  static final int OVERDUE_TASK_LIMIT = 100;

  @GetMapping(value = DashboardPages.BOARD, produces = "text/html")
  String board(Filters filters, Authentication caller, HttpServletRequest request, Model model) {
    Locale locale = LocaleContextHolder.getLocale();
    Map<String, String> values = filters.values();
    String clean =
        DashboardPages.withoutEmptyFilters(request, DashboardPages.BOARD, PARAMS, values);
    if (clean != null) {
      return clean;
    }
    Map<String, String> filterErrors = new LinkedHashMap<>();
    SlaBoard.Filter filter = pages.read(values, filterErrors, () -> filter(values));
    TaskReportFilter taskFilter = pages.read(values, filterErrors, () -> taskFilter(values));
    SlaBoard.Board board = slaBoard.board(filter, CallerScope.of(caller));
    if (taskFilter != null) {
      TaskDeadlineBoard.Deadlines deadlines =
          taskDeadlines.deadlines(taskFilter, TaskScope.of(caller), locale, OVERDUE_TASK_LIMIT);
      model.addAttribute("tasks", deadlines.summary().totals());
      model.addAttribute("overdueTasks", overdueTaskRows(deadlines, locale));
      model.addAttribute("reports", deadlines.reports());
      model.addAttribute("reportPeriod", deadlines.reports().period().format(MONTH));
      model.addAttribute(
          "reportDue", DisplayDates.DAY.format(deadlines.reports().dueOn()));
      model.addAttribute("nearDueDays", deadlines.summary().nearDueDays());
      model.addAttribute(
          "tasksCsvHref",
          DashboardPages.href(DashboardPages.BOARD + "/nhiem-vu-qua-han.csv", values));
      model.addAttribute(
          "tasksXlsxHref",
          DashboardPages.href(DashboardPages.BOARD + "/nhiem-vu-qua-han.xlsx", values));
    }
    model.addAttribute("page", "sla-board");
    model.addAttribute("board", board);
    model.addAttribute("filter", values);
    model.addAttribute("filterErrors", filterErrors);
    model.addAttribute("caseTypes", pages.caseTypes());
    model.addAttribute("agencies", pages.agencies());
    model.addAttribute("fields", pages.fields());
    model.addAttribute("agencyRoles", List.of("lead", TaskReportFilter.ANY_ROLE));
    model.addAttribute("breaches", breachRows(board, locale));
    model.addAttribute("breachLimit", SlaBoard.BREACH_LIMIT);
    model.addAttribute("numbers", new TransparencyPage.Numbers(locale));
    model.addAttribute("asOf", pages.caseLabels().time(board.asOf()));
    model.addAttribute("from", DisplayDates.DAY.format(board.from()));
    model.addAttribute("to", DisplayDates.DAY.format(board.to()));
    model.addAttribute("periodFrom", board.from().toString());
    model.addAttribute("periodTo", board.to().toString());
    model.addAttribute(
        "csvHref", DashboardPages.href(DashboardPages.BOARD + "/vi-pham.csv", values));
    model.addAttribute(
        "xlsxHref", DashboardPages.href(DashboardPages.BOARD + "/vi-pham.xlsx", values));
    return "staff/sla-board";
  }

  @GetMapping(DashboardPages.BOARD + "/vi-pham.csv")
  ResponseEntity<byte[]> csv(Filters filters, Authentication caller) {
    SlaBoard.Board board = exported(filters, caller);
    return TableExport.attachment(
        TableExport.csv(headers(), rows(board)), TableExport.CSV_TYPE, fileName(board, "csv"));
  }

  @GetMapping(DashboardPages.BOARD + "/vi-pham.xlsx")
  ResponseEntity<byte[]> xlsx(Filters filters, Authentication caller) {
    SlaBoard.Board board = exported(filters, caller);
    String title = pages.message(
        "staff.sla-board.export.title",
        DashboardPages.VIETNAMESE,
        pages.caseLabels().time(board.asOf()));
    byte[] file = TableExport.xlsx(new TableExport.Table(
        pages.message("staff.sla-board.breaches", DashboardPages.VIETNAMESE),
        title,
        headers(),
        rows(board),
        BREACH_WIDTHS));
    return TableExport.attachment(file, TableExport.XLSX_TYPE, fileName(board, "xlsx"));
  }

  /**
   * The board the files are written from: the filters as on the page, a bad one refused (400); the clocks know no
   * agency role or directive.
   */
  private SlaBoard.Board exported(Filters filters, Authentication caller) {
    Map<String, String> values = new Filters(
            filters.caseType(),
            filters.agency(),
            null,
            filters.field(),
            null,
            filters.from(),
            filters.to())
        .values();
    return slaBoard.board(filter(values), CallerScope.of(caller));
  }

  @GetMapping(DashboardPages.BOARD + "/nhiem-vu-qua-han.csv")
  ResponseEntity<byte[]> overdueTasksCsv(Filters filters, Authentication caller) {
    TaskReportFilter filter = exportedTaskFilter(filters);
    return TableExport.attachment(
        TableExport.csv(overdueTaskHeaders(), overdueTaskCells(exportedTasks(filter, caller))),
        TableExport.CSV_TYPE,
        "nhiem-vu-qua-han-" + filter.asOf() + ".csv");
  }

  @GetMapping(DashboardPages.BOARD + "/nhiem-vu-qua-han.xlsx")
  ResponseEntity<byte[]> overdueTasksXlsx(Filters filters, Authentication caller) {
    TaskReportFilter filter = exportedTaskFilter(filters);
    String title = pages.message(
        "staff.sla-board.tasks.export.title",
        DashboardPages.VIETNAMESE,
        DisplayDates.DAY.format(filter.asOf()));
    byte[] file = TableExport.xlsx(new TableExport.Table(
        pages.message("staff.sla-board.tasks.overdue", DashboardPages.VIETNAMESE),
        title,
        overdueTaskHeaders(),
        overdueTaskCells(exportedTasks(filter, caller)),
        OVERDUE_TASK_WIDTHS));
    return TableExport.attachment(
        file, TableExport.XLSX_TYPE, "nhiem-vu-qua-han-" + filter.asOf() + ".xlsx");
  }

  /** The task filter the files are written for, as on the page; refused when the case type is not task. */
  private TaskReportFilter exportedTaskFilter(Filters filters) {
    Map<String, String> values = filters.values();
    DashboardParams.caseType(filters.caseType());
    TaskReportFilter filter = taskFilter(values);
    if (filter == null) {
      throw new InvalidFieldException("caseType", "validation.value.invalid");
    }
    return filter;
  }

  /** Every overdue task of the filter, as the files list them (the board's figures are not needed). */
  private List<TaskDeadlineBoard.OverdueTask> exportedTasks(
      TaskReportFilter filter, Authentication caller) {
    return taskDeadlines.overdue(filter, TaskScope.of(caller), DashboardPages.VIETNAMESE, null);
  }

  /**
   * The task reports' filter of the board's filters, or null when they leave tasks out (another case type, or an
   * initiative category as field). The board's period is the period of the original deadline only when given:
   * without one, every task, recurring ones included, as the task summary counts them.
   */
  private TaskReportFilter taskFilter(Map<String, String> values) {
    return taskFilter(values, pages.clock(), pages.referenceData());
  }

  static TaskReportFilter taskFilter(
      Map<String, String> values, java.time.Clock clock, ReferenceData referenceData) {
    String caseType = values.get("caseType");
    String field = FieldVocabulary.boardField(values.get("field"));
    if ((caseType != null && !caseType.equals("task"))
        || (field != null && !TaskReportFilter.isTaskField(field))) {
      return null;
    }
    return TaskReportFilter.of(
        values.get("directive"),
        values.get("agency"),
        values.get("agencyRole"),
        null,
        field,
        values.get("from"),
        values.get("to"),
        null,
        clock,
        referenceData);
  }

  /** An overdue task as the page shows it. */
  record OverdueTaskRow(
      String code,
      String href,
      String taskCode,
      String content,
      String agency,
      String deadline,
      String extendedTo,
      long daysOverdue,
      long workingDaysOverdue) {}

  private List<OverdueTaskRow> overdueTaskRows(
      TaskDeadlineBoard.Deadlines deadlines, Locale locale) {
    return deadlines.overdue().stream()
        .map(t -> {
          OverdueList.Row r = t.row();
          return new OverdueTaskRow(
              r.caseCode(),
              "/ho-so/" + r.caseCode(),
              r.taskCode(),
              r.content(),
              r.leadAgency().name(),
              DisplayDates.DAY.format(r.originalDeadline()),
              r.deadlineInForce() == null ? "" : DisplayDates.DAY.format(r.deadlineInForce()),
              r.daysOverdue(),
              t.workingDaysOverdue());
        })
        .toList();
  }

  private List<String> overdueTaskHeaders() {
    return List.of(
            "no", "code", "content", "agency", "deadline", "extended", "days", "working-days")
        .stream()
        .map(column ->
            pages.message("staff.sla-board.tasks.overdue." + column, DashboardPages.VIETNAMESE))
        .toList();
  }

  private static List<List<Object>> overdueTaskCells(List<TaskDeadlineBoard.OverdueTask> overdue) {
    List<List<Object>> rows = new ArrayList<>();
    for (TaskDeadlineBoard.OverdueTask t : overdue) {
      OverdueList.Row r = t.row();
      rows.add(List.of(
          rows.size() + 1,
          r.taskCode() == null ? r.caseCode() : r.taskCode(),
          r.content(),
          r.leadAgency().name(),
          DisplayDates.DAY.format(r.originalDeadline()),
          r.deadlineInForce() == null ? "" : DisplayDates.DAY.format(r.deadlineInForce()),
          r.daysOverdue(),
          t.workingDaysOverdue()));
    }
    return rows;
  }

  private SlaBoard.Filter filter(Map<String, String> values) {
    return DashboardParams.slaFilter(
        values.get("agency"),
        values.get("caseType"),
        values.get("field"),
        values.get("from"),
        values.get("to"),
        pages.today(),
        pages.referenceData());
  }

  private List<BreachRow> breachRows(SlaBoard.Board board, Locale locale) {
    List<BreachRow> rows = new ArrayList<>();
    for (SlaBoard.Breach b : board.breaches()) {
      rows.add(new BreachRow(
          b.caseCode(),
          "/ho-so/" + b.caseCode(),
          pages.caseLabels().type(b.caseType()),
          pages.stage(b.stage(), locale),
          b.agencyName() != null ? b.agencyName() : b.agency(),
          pages.caseLabels().dueDay(b.dueAt()),
          b.workingDaysOverdue(),
          b.daysOverdue(),
          b.escalationLevel()));
    }
    return rows;
  }

  private List<String> headers() {
    return List.of(
            "no", "code", "type", "stage", "agency", "due", "working-days", "days", "escalation")
        .stream()
        .map(column ->
            pages.message("staff.sla-board.breaches." + column, DashboardPages.VIETNAMESE))
        .toList();
  }

  /** The rows of the files, in Vietnamese (whatever the page's language): the numbers as numbers. */
  private List<List<Object>> rows(SlaBoard.Board board) {
    List<List<Object>> rows = new ArrayList<>();
    Locale vi = DashboardPages.VIETNAMESE;
    for (SlaBoard.Breach b : board.breaches()) {
      rows.add(List.of(
          rows.size() + 1,
          b.caseCode(),
          pages.message("staff.case-type." + b.caseType(), vi),
          pages.stage(b.stage(), vi),
          b.agencyName() != null ? b.agencyName() : (b.agency() == null ? "" : b.agency()),
          pages.caseLabels().dueDay(b.dueAt()),
          b.workingDaysOverdue(),
          b.daysOverdue(),
          b.escalationLevel()));
    }
    return rows;
  }

  private static String fileName(SlaBoard.Board board, String extension) {
    Instant asOf = board.asOf();
    return "ho-so-qua-han-" + asOf.atZone(vn.dondoc.app.time.HanoiTime.ZONE).toLocalDate() + "."
        + extension;
  }
}
