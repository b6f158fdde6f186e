package vn.dondoc.app.tasks;

import java.time.Clock;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.dondoc.app.agencies.ReferenceData;

/** The task summary (figures by timeliness, in total and per group) over the tasks the caller sees. */
@RestController
class TaskSummaryController {

  private final TaskSummary summary;
  private final ReferenceData referenceData;
  private final Clock clock;

  TaskSummaryController(TaskSummary summary, ReferenceData referenceData, Clock clock) {
    this.summary = summary;
    this.referenceData = referenceData;
    this.clock = clock;
  }

  @GetMapping("/api/v1/tasks/summary")
  TaskSummary.Summary summary(
      @RequestParam(required = false) String directive,
      @RequestParam(required = false) String agency,
      @RequestParam(required = false) String agencyRole,
      @RequestParam(required = false) String section,
      @RequestParam(required = false) String field,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String asOf,
      @RequestParam(required = false) String groupBy,
      Authentication caller) {
    TaskReportFilter filter = TaskReportFilter.of(
        directive, agency, agencyRole, section, field, from, to, asOf, clock, referenceData);
    return summary.summary(
        filter,
        TaskScope.of(caller),
        TaskSummary.GroupBy.of(groupBy),
        LocaleContextHolder.getLocale());
  }
}
