package vn.dondoc.app.dashboards;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
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
import org.springframework.web.bind.annotation.RequestParam;
import vn.dondoc.app.cases.DisplayDates;
import vn.dondoc.app.search.CallerScope;
import vn.dondoc.app.staff.StaffPage;
import vn.dondoc.app.web.TableExport;

/**
 * The SLA board page ({@link SlaBoard} for the signed-in person's scope): totals, by agency and by field with
 * charts drawn from their tables, the open breaches oldest first, the trend by day; filters in the URL; the
 * breach list as CSV or Excel with the same filters.
 */
@Controller
@StaffPage
class SlaBoardPage {

  /** The URL parameters of the board, as the API names them. */
  static final List<String> PARAMS = List.of("caseType", "agency", "field", "from", "to");

  private static final int[] BREACH_WIDTHS = {6, 18, 22, 30, 40, 14, 14, 12, 12};

  private final SlaBoard slaBoard;
  private final DashboardPages pages;

  SlaBoardPage(SlaBoard slaBoard, DashboardPages pages) {
    this.slaBoard = slaBoard;
    this.pages = pages;
  }

  /** An open breach as the page and the files show it. */
  record BreachRow(String code, String href, String type, String stage, String agency, String due,
      long workingDaysOverdue, long daysOverdue, int escalationLevel) {}

  @GetMapping(value = DashboardPages.BOARD, produces = "text/html")
  String board(@RequestParam(required = false) String caseType, @RequestParam(required = false) String agency,
      @RequestParam(required = false) String field, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, Authentication caller, HttpServletRequest request, Model model) {
    Locale locale = LocaleContextHolder.getLocale();
    Map<String, String> values = DashboardPages.values(PARAMS, caseType, agency, field, from, to);
    String clean = DashboardPages.withoutEmptyFilters(request, DashboardPages.BOARD, PARAMS, values);
    if (clean != null) {
      return clean;
    }
    Map<String, String> filterErrors = new LinkedHashMap<>();
    SlaBoard.Filter filter = pages.read(values, filterErrors, () -> filter(values));
    SlaBoard.Board board = slaBoard.board(filter, CallerScope.of(caller));
    model.addAttribute("page", "sla-board");
    model.addAttribute("board", board);
    model.addAttribute("filter", values);
    model.addAttribute("filterErrors", filterErrors);
    model.addAttribute("caseTypes", pages.caseTypes());
    model.addAttribute("agencies", pages.agencies());
    model.addAttribute("fields", pages.fields());
    model.addAttribute("breaches", breachRows(board, locale));
    model.addAttribute("breachLimit", SlaBoard.BREACH_LIMIT);
    model.addAttribute("numbers", new TransparencyPage.Numbers(locale));
    model.addAttribute("asOf", pages.caseLabels().time(board.asOf()));
    model.addAttribute("from", DisplayDates.DAY.format(board.from()));
    model.addAttribute("to", DisplayDates.DAY.format(board.to()));
    model.addAttribute("periodFrom", board.from().toString());
    model.addAttribute("periodTo", board.to().toString());
    model.addAttribute("csvHref", DashboardPages.href(DashboardPages.BOARD + "/vi-pham.csv", values));
    model.addAttribute("xlsxHref", DashboardPages.href(DashboardPages.BOARD + "/vi-pham.xlsx", values));
    return "staff/sla-board";
  }

  @GetMapping(DashboardPages.BOARD + "/vi-pham.csv")
  ResponseEntity<byte[]> csv(@RequestParam(required = false) String caseType, @RequestParam(required = false) String agency,
      @RequestParam(required = false) String field, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, Authentication caller) {
    SlaBoard.Board board = exported(caseType, agency, field, from, to, caller);
    return TableExport.attachment(TableExport.csv(headers(), rows(board)), TableExport.CSV_TYPE, fileName(board, "csv"));
  }

  @GetMapping(DashboardPages.BOARD + "/vi-pham.xlsx")
  ResponseEntity<byte[]> xlsx(@RequestParam(required = false) String caseType, @RequestParam(required = false) String agency,
      @RequestParam(required = false) String field, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, Authentication caller) {
    SlaBoard.Board board = exported(caseType, agency, field, from, to, caller);
    String title = pages.message("staff.sla-board.export.title", DashboardPages.VIETNAMESE, pages.caseLabels().time(board.asOf()));
    byte[] file = TableExport.xlsx(new TableExport.Table(pages.message("staff.sla-board.breaches", DashboardPages.VIETNAMESE),
        title, headers(), rows(board), BREACH_WIDTHS));
    return TableExport.attachment(file, TableExport.XLSX_TYPE, fileName(board, "xlsx"));
  }

  /** The board the files are written from: the filters as on the page, a bad one refused (400). */
  private SlaBoard.Board exported(String caseType, String agency, String field, String from, String to,
      Authentication caller) {
    Map<String, String> values = DashboardPages.values(PARAMS, caseType, agency, field, from, to);
    return slaBoard.board(filter(values), CallerScope.of(caller));
  }

  private SlaBoard.Filter filter(Map<String, String> values) {
    return DashboardParams.slaFilter(values.get("agency"), values.get("caseType"), values.get("field"), values.get("from"),
        values.get("to"), pages.today(), pages.referenceData());
  }

  private List<BreachRow> breachRows(SlaBoard.Board board, Locale locale) {
    List<BreachRow> rows = new ArrayList<>();
    for (SlaBoard.Breach b : board.breaches()) {
      rows.add(new BreachRow(b.caseCode(), "/ho-so/" + b.caseCode(), pages.caseLabels().type(b.caseType()),
          pages.stage(b.stage(), locale), b.agencyName() != null ? b.agencyName() : b.agency(),
          pages.caseLabels().dueDay(b.dueAt()), b.workingDaysOverdue(), b.daysOverdue(), b.escalationLevel()));
    }
    return rows;
  }

  private List<String> headers() {
    return List.of("no", "code", "type", "stage", "agency", "due", "working-days", "days", "escalation").stream()
        .map(column -> pages.message("staff.sla-board.breaches." + column, DashboardPages.VIETNAMESE)).toList();
  }

  /** The rows of the files, in Vietnamese (whatever the page's language): the numbers as numbers. */
  private List<List<Object>> rows(SlaBoard.Board board) {
    List<List<Object>> rows = new ArrayList<>();
    Locale vi = DashboardPages.VIETNAMESE;
    for (SlaBoard.Breach b : board.breaches()) {
      rows.add(List.of(rows.size() + 1, b.caseCode(),
          pages.message("staff.case-type." + b.caseType(), vi), pages.stage(b.stage(), vi),
          b.agencyName() != null ? b.agencyName() : (b.agency() == null ? "" : b.agency()),
          pages.caseLabels().dueDay(b.dueAt()), b.workingDaysOverdue(), b.daysOverdue(), b.escalationLevel()));
    }
    return rows;
  }

  private static String fileName(SlaBoard.Board board, String extension) {
    Instant asOf = board.asOf();
    return "ho-so-qua-han-" + asOf.atZone(vn.dondoc.app.DondocApplication.ZONE).toLocalDate() + "." + extension;
  }
}
