package vn.dondoc.app.reports;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.dondoc.app.agencies.ReferenceData;
import vn.dondoc.app.documents.DocxRenderer;
import vn.dondoc.app.documents.OfficialDocument;
import vn.dondoc.app.documents.PdfRenderer;
import vn.dondoc.app.documents.ReportProperties;
import vn.dondoc.app.security.Caller;
import vn.dondoc.app.security.KeycloakDirectory;
import vn.dondoc.app.security.Roles;
import vn.dondoc.app.staff.StaffPage;
import vn.dondoc.app.tasks.TaskReportFilter;
import vn.dondoc.app.web.ForbiddenException;
import vn.dondoc.app.web.InvalidFieldException;
import vn.dondoc.app.web.TableExport;

/**
 * The standing office's periodic report ({@value #PATH}): the day, the previous report's day and the scope in
 * the URL; the draft text, computed from the figures, in a text area to edit; exported as DOCX or PDF with
 * the edited text and "Phụ lục 01" computed again for the same scope and day.
 */
@Controller
@StaffPage
class PeriodicReportPage {

  static final String PATH = "/bao-cao-dinh-ky";
  private static final String DOCX_TYPE =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

  private final PeriodicReports reports;
  private final ReportProperties properties;
  private final ReferenceData referenceData;
  private final MessageSource messages;
  private final Clock clock;
  private final KeycloakDirectory directory;
  private final DocxRenderer docx = new DocxRenderer();
  private final PdfRenderer pdf;

  PeriodicReportPage(
      PeriodicReports reports,
      ReportProperties properties,
      ReferenceData referenceData,
      MessageSource messages,
      Clock clock,
      KeycloakDirectory directory) {
    this.reports = reports;
    this.properties = properties;
    this.referenceData = referenceData;
    this.messages = messages;
    this.clock = clock;
    this.directory = directory;
    this.pdf = new PdfRenderer(properties.fontDirectory());
  }

  @GetMapping(value = PATH, produces = "text/html")
  String page(
      @RequestParam(required = false) String asOf,
      @RequestParam(required = false) String since,
      @RequestParam(required = false) String directive,
      @RequestParam(required = false) String agency,
      @RequestParam(required = false) String section,
      Authentication caller,
      Model model) {
    requireRole(caller);
    Map<String, String> values = new LinkedHashMap<>();
    values.put("asOf", asOf);
    values.put("since", since);
    values.put("directive", directive);
    values.put("agency", agency);
    values.put("section", section);
    Map<String, String> filterErrors = new LinkedHashMap<>();
    TaskReportFilter filter;
    LocalDate previous;
    try {
      filter =
          TaskReportFilter.of(directive, agency, section, null, null, asOf, clock, referenceData);
      previous = since(since, filter.asOf());
    } catch (InvalidFieldException e) {
      filterErrors.put(
          e.field(),
          messages.getMessage(e.messageKey(), e.arguments(), LocaleContextHolder.getLocale()));
      filter = TaskReportFilter.of(null, null, null, null, null, null, clock, referenceData);
      previous = null;
    }
    model.addAttribute("page", "periodic-report");
    model.addAttribute("filter", values);
    model.addAttribute("filterErrors", filterErrors);
    model.addAttribute("asOfValue", filter.asOf().toString());
    model.addAttribute(
        "draft", String.join("\n", PeriodicReportText.draft(reports.figures(filter, previous))));
    ReportProperties.Signature signature = properties.signature(signerProfile());
    model.addAttribute("signerTitle", signature.title());
    model.addAttribute("signerName", signature.name());
    model.addAttribute("agencies", referenceData.agencies());
    return "staff/periodic-report";
  }

  /** The document with the text as edited: one paragraph a line, blank lines left out. */
  @PostMapping(PATH + "/tep")
  ResponseEntity<byte[]> export(
      @RequestParam(required = false) String asOf,
      @RequestParam(required = false) String directive,
      @RequestParam(required = false) String agency,
      @RequestParam(required = false) String section,
      @RequestParam(defaultValue = "") String body,
      @RequestParam(required = false) String signerTitle,
      @RequestParam(required = false) String signerName,
      @RequestParam(defaultValue = "pdf") String format,
      Authentication caller) {
    requireRole(caller);
    TaskReportFilter filter =
        TaskReportFilter.of(directive, agency, section, null, null, asOf, clock, referenceData);
    List<String> paragraphs = Arrays.stream(body.split("\\R"))
        .map(String::strip)
        .filter(line -> !line.isEmpty())
        .toList();
    OfficialDocument document = reports.document(
        filter,
        paragraphs,
        blank(signerTitle) ? properties.signerTitle() : signerTitle.strip(),
        signerName == null ? "" : signerName.strip());
    String name = "bao-cao-" + filter.asOf();
    return "docx".equals(format)
        ? TableExport.attachment(docx.render(document), DOCX_TYPE, name + ".docx")
        : TableExport.attachment(pdf.render(document), "application/pdf", name + ".pdf");
  }

  /** The configured signer as the realm has them; none when not configured, unknown, or Keycloak does not answer. */
  private Optional<KeycloakDirectory.Profile> signerProfile() {
    if (properties.signer() == null || properties.signer().isBlank()) {
      return Optional.empty();
    }
    try {
      return directory.profileOf(properties.signer().strip());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static LocalDate since(String value, LocalDate asOf) {
    if (blank(value)) {
      return null;
    }
    try {
      LocalDate day = LocalDate.parse(value.strip());
      if (!day.isBefore(asOf)) {
        throw new InvalidFieldException("since", "validation.period.reversed");
      }
      return day;
    } catch (DateTimeParseException e) {
      throw new InvalidFieldException("since", "validation.date.invalid");
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static void requireRole(Authentication caller) {
    if (!Caller.of(caller).hasAnyRole(Roles.STANDING_OFFICE, Roles.ADMIN)) {
      throw new ForbiddenException("staff.error.forbidden");
    }
  }
}
