package vn.dondoc.app.tasks;

import java.time.Clock;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.dondoc.app.agencies.ReferenceData;
import vn.dondoc.app.web.TableExport;

/**
 * The overdue-task list over the tasks the caller sees: JSON rows, or the appendix as CSV or Excel
 * ({@code .csv}, {@code .xlsx}), with the summary's filters.
 */
@RestController
class OverdueExportController {

  private final OverdueList list;
  private final ReferenceData referenceData;
  private final MessageSource messages;
  private final Clock clock;

  OverdueExportController(
      OverdueList list, ReferenceData referenceData, MessageSource messages, Clock clock) {
    this.list = list;
    this.referenceData = referenceData;
    this.messages = messages;
    this.clock = clock;
  }

  @GetMapping("/api/v1/tasks/overdue")
  OverdueList.Report overdue(
      @RequestParam(required = false) String directive,
      @RequestParam(required = false) String agency,
      @RequestParam(required = false) String agencyRole,
      @RequestParam(required = false) String section,
      @RequestParam(required = false) String field,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String asOf,
      Authentication caller) {
    return report(
        directive,
        agency,
        agencyRole,
        section,
        field,
        from,
        to,
        asOf,
        caller,
        LocaleContextHolder.getLocale());
  }

  @GetMapping("/api/v1/tasks/overdue.csv")
  ResponseEntity<byte[]> csv(
      @RequestParam(required = false) String directive,
      @RequestParam(required = false) String agency,
      @RequestParam(required = false) String agencyRole,
      @RequestParam(required = false) String section,
      @RequestParam(required = false) String field,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String asOf,
      Authentication caller) {
    OverdueList.Report report =
        report(directive, agency, agencyRole, section, field, from, to, asOf, caller, VIETNAMESE);
    return file(OverdueExport.csv(report), OverdueExport.CSV_TYPE, report, "csv");
  }

  @GetMapping("/api/v1/tasks/overdue.xlsx")
  ResponseEntity<byte[]> xlsx(
      @RequestParam(required = false) String directive,
      @RequestParam(required = false) String agency,
      @RequestParam(required = false) String agencyRole,
      @RequestParam(required = false) String section,
      @RequestParam(required = false) String field,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String asOf,
      Authentication caller) {
    OverdueList.Report report =
        report(directive, agency, agencyRole, section, field, from, to, asOf, caller, VIETNAMESE);
    String title = messages.getMessage(
        "tasks.overdue.title", new Object[] {OverdueList.DAY.format(report.asOf())}, VIETNAMESE);
    return file(OverdueExport.xlsx(report, title), OverdueExport.XLSX_TYPE, report, "xlsx");
  }

  private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

  private OverdueList.Report report(
      String directive,
      String agency,
      String agencyRole,
      String section,
      String field,
      String from,
      String to,
      String asOf,
      Authentication caller,
      Locale locale) {
    TaskReportFilter filter = TaskReportFilter.of(
        directive, agency, agencyRole, section, field, from, to, asOf, clock, referenceData);
    return list.list(filter, TaskScope.of(caller), locale);
  }

  private static ResponseEntity<byte[]> file(
      byte[] content, String type, OverdueList.Report report, String extension) {
    return TableExport.attachment(
        content, type, "nhiem-vu-qua-han-" + report.asOf() + "." + extension);
  }
}
