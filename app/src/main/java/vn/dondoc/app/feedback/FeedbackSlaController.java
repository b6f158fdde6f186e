package vn.dondoc.app.feedback;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.dondoc.app.search.CallerScope;
import vn.dondoc.app.web.InvalidFieldException;

/** The SLA board for feedback: clocks by state, the breaches oldest first, and each agency's figures. */
@RestController
class FeedbackSlaController {

  private final FeedbackSlaReport report;

  FeedbackSlaController(FeedbackSlaReport report) {
    this.report = report;
  }

  @GetMapping("/api/v1/feedback/sla")
  FeedbackSlaReport.Report sla(
      @RequestParam(required = false) String agency,
      @RequestParam(required = false) String field,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      Authentication caller) {
    if (field != null) {
      try {
        FeedbackField.fromCode(field);
      } catch (IllegalArgumentException e) {
        throw new InvalidFieldException("field", "validation.value.invalid");
      }
    }
    if (from != null && to != null && to.isBefore(from)) {
      throw new InvalidFieldException("to", "validation.period.reversed");
    }
    return report.report(
        new FeedbackSlaReport.Filter(agency, field, from, to), CallerScope.of(caller));
  }
}
