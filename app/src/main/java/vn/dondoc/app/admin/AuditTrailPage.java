package vn.dondoc.app.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.dondoc.app.cases.AuditLog;
import vn.dondoc.app.staff.CaseLabels;
import vn.dondoc.app.staff.PersonNames;
import vn.dondoc.app.staff.StaffForms;
import vn.dondoc.app.staff.StaffPage;
import vn.dondoc.app.time.HanoiTime;
import vn.dondoc.app.web.TableExport;

/**
 * The audit trail viewer ({@value #PATH}): every audited event, newest first, filtered by case, person, agency,
 * kind of event and period (days, Hanoi time), with each kind's Vietnamese label, who by full name (the login
 * in a tooltip) and the detail as "label: value" lines ({@link AuditDetails}); the same rows as CSV or Excel, which
 * add the login and the raw JSON detail for machines. The filters are a GET form, so a view can be shared; a bad date is named under its field.
 */
@Controller
@StaffPage
class AuditTrailPage {

  static final String PATH = AdminOnly.ROOT + "/nhat-ky";
  private static final int SHOWN = 500;
  private static final int EXPORTED = 50_000;

  private final AuditLog audit;
  private final CaseLabels labels;
  private final StaffForms forms;
  private final AgencyAdministration agencies;
  private final AuditDetails details;

  AuditTrailPage(
      AuditLog audit,
      CaseLabels labels,
      StaffForms forms,
      AgencyAdministration agencies,
      ObjectMapper json,
      MessageSource messages,
      PersonNames names) {
    this.audit = audit;
    this.labels = labels;
    this.forms = forms;
    this.agencies = agencies;
    this.details = new AuditDetails(json, messages, labels, names::of);
  }

  /** A row as shown and exported: the actor's name and login (null for the system), the detail read and raw. */
  record Row(
      String time,
      String caseCode,
      String kind,
      String actor,
      String actorLogin,
      List<AuditDetails.Line> details,
      String detail) {}

  @GetMapping(value = PATH, produces = "text/html")
  String page(@RequestParam Map<String, String> query, Model model) {
    Map<String, String> errors = new LinkedHashMap<>();
    AuditLog.Filter filter = filter(query, errors);
    model.addAttribute("page", "admin-audit");
    model.addAttribute("query", query);
    model.addAttribute("errors", errors);
    model.addAttribute("actions", audit.actions());
    model.addAttribute("agencies", agencies.all());
    model.addAttribute("rows", errors.isEmpty() ? rows(filter, SHOWN) : List.of());
    model.addAttribute("shown", SHOWN);
    return "staff/admin-audit";
  }

  @GetMapping(PATH + ".csv")
  ResponseEntity<byte[]> csv(@RequestParam Map<String, String> query) {
    return TableExport.attachment(
        TableExport.csv(headers(), table(query)), TableExport.CSV_TYPE, "nhat-ky.csv");
  }

  @GetMapping(PATH + ".xlsx")
  ResponseEntity<byte[]> xlsx(@RequestParam Map<String, String> query) {
    byte[] file = TableExport.xlsx(new TableExport.Table(
        forms.message("staff.admin.audit.sheet"),
        forms.message("staff.admin.audit.title"),
        headers(),
        table(query),
        new int[] {18, 22, 30, 22, 16, 60, 60}));
    return TableExport.attachment(file, TableExport.XLSX_TYPE, "nhat-ky.xlsx");
  }

  private List<List<String>> table(Map<String, String> query) {
    Map<String, String> errors = new LinkedHashMap<>();
    AuditLog.Filter filter = filter(query, errors);
    return (errors.isEmpty() ? rows(filter, EXPORTED) : List.<Row>of())
        .stream()
            .map(row -> List.of(
                row.time(),
                row.caseCode(),
                row.kind(),
                row.actor(),
                row.actorLogin() == null ? "" : row.actorLogin(),
                row.details().stream()
                    .map(AuditDetails.Line::toString)
                    .collect(java.util.stream.Collectors.joining("; ")),
                row.detail() == null ? "" : row.detail()))
            .toList();
  }

  private List<String> headers() {
    return List.of("time", "case", "kind", "actor", "login", "detail", "raw").stream()
        .map(column -> forms.message("staff.admin.audit.column." + column))
        .toList();
  }

  private List<Row> rows(AuditLog.Filter filter, int limit) {
    return audit.search(filter, limit).stream()
        .map(entry -> new Row(
            labels.time(entry.occurredAt()),
            entry.caseCode(),
            forms.message("staff.audit." + entry.action()),
            entry.actor() == null ? forms.message("staff.case.system") : names(entry.actor()),
            entry.actor(),
            details.lines(entry.detail()),
            entry.detail()))
        .toList();
  }

  private String names(String login) {
    return details.person(login);
  }

  private static AuditLog.Filter filter(Map<String, String> query, Map<String, String> errors) {
    LocalDate from = day(query.get("tu"), "tu", errors);
    LocalDate until = day(query.get("den"), "den", errors);
    if (from != null && until != null && until.isBefore(from)) {
      errors.put("den", "staff.admin.audit.period");
    }
    return new AuditLog.Filter(
        text(query.get("ho-so")),
        text(query.get("nguoi")),
        text(query.get("loai")),
        from == null ? null : start(from),
        until == null ? null : start(until.plusDays(1)),
        text(query.get("co-quan")));
  }

  private static LocalDate day(String typed, String field, Map<String, String> errors) {
    if (typed == null || typed.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(typed.strip());
    } catch (DateTimeParseException e) {
      errors.put(field, "staff.admin.audit.day");
      return null;
    }
  }

  private static String text(String typed) {
    return typed == null || typed.isBlank() ? null : typed.strip();
  }

  private static Instant start(LocalDate day) {
    return day.atStartOfDay(HanoiTime.ZONE).toInstant();
  }
}
