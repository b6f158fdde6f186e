package vn.dondoc.app.workspace;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import vn.dondoc.app.camunda.ProcessDiagrams;
import vn.dondoc.app.camunda.UserTasks;
import vn.dondoc.app.cases.AuditLog;
import vn.dondoc.app.notifications.NoticeBanner;
import vn.dondoc.app.search.CallerScope;
import vn.dondoc.app.staff.CaseLabels;
import vn.dondoc.app.staff.StaffPage;
import vn.dondoc.app.web.CaseNotFoundException;
import vn.dondoc.app.web.ServiceUnavailableException;
import vn.dondoc.search.CaseDocument;
import vn.dondoc.search.CaseIndex;

/**
 * One case of any type on one page: its summary as search knows it, its deadline, its history (the
 * audit log: who did what when) and where it stands in its BPMN diagram. Who may not see the case
 * (the search scope of {@link CallerScope}, as on the search page and in the API's search) gets 404,
 * the same answer as for a code that does not exist.
 */
@Controller
@StaffPage
class CasePageController {

  private final CaseIndex index;
  private final AuditLog audit;
  private final NoticeBanner banners;
  private final ProcessDiagrams diagrams;
  private final UserTasks userTasks;
  private final CaseLabels labels;
  private final MessageSource messages;

  CasePageController(
      CaseIndex index,
      AuditLog audit,
      ProcessDiagrams diagrams,
      UserTasks userTasks,
      CaseLabels labels,
      MessageSource messages,
      NoticeBanner banners) {
    this.banners = banners;
    this.index = index;
    this.audit = audit;
    this.diagrams = diagrams;
    this.userTasks = userTasks;
    this.labels = labels;
    this.messages = messages;
  }

  /** A label and a value of the summary; value already in words. */
  record Fact(String label, String value) {}

  record HistoryRow(String when, String action, String actor, String note) {}

  @GetMapping(value = "/ho-so/{code}", produces = "text/html")
  String show(@PathVariable String code, Authentication caller, Model model) {
    if (code.length() > 40) {
      throw new CaseNotFoundException(code);
    }
    CaseDocument d;
    try {
      d = index
          .find(code, CallerScope.of(caller))
          .orElseThrow(() -> new CaseNotFoundException(code));
    } catch (IOException | ElasticsearchException e) {
      throw new ServiceUnavailableException("search.unavailable", e);
    }
    model.addAttribute("page", "case");
    model.addAttribute("c", d);
    model.addAttribute("type", labels.type(d.caseType()));
    model.addAttribute("status", labels.status(d.caseType(), d.status()));
    model.addAttribute("facts", facts(d));
    model.addAttribute("dueDay", labels.dueDay(d.dueAt()));
    model.addAttribute("daysLeft", d.closedAt() == null ? labels.daysLeft(d.dueAt()) : null);
    model.addAttribute("overdue", d.closedAt() == null && labels.overdue(d.dueAt()));
    model.addAttribute(
        "waitingAt", d.closedAt() == null ? userTasks.openNames(d.code()) : List.of());
    model.addAttribute(
        "history", audit.history(d.code()).stream().map(this::historyRow).toList());
    model.addAttribute(NoticeBanner.ATTRIBUTE, banners.of(d.code()));
    model.addAttribute("diagrams", diagrams.of(d.code()));
    return "staff/case";
  }

  private List<Fact> facts(CaseDocument d) {
    List<Fact> facts = new ArrayList<>();
    add(facts, "staff.case.lead-agency", labels.agency(d.leadAgency()));
    if (d.agencies() != null && d.agencies().size() > 1) {
      add(
          facts,
          "staff.case.agencies",
          String.join(", ", d.agencies().stream().map(labels::agency).toList()));
    }
    add(facts, "staff.search.field.field", labels.field(d.field()));
    add(facts, "staff.search.field.locality", labels.locality(d.locality()));
    add(facts, "staff.search.field.directive", d.directive());
    add(facts, "staff.search.field.section", d.section());
    add(facts, "staff.search.field.slaState", labels.slaState(d.slaState()));
    add(facts, "staff.search.field.timeliness", labels.timeliness(d.timeliness()));
    add(facts, "staff.case.created", labels.time(d.createdAt()));
    add(facts, "staff.case.updated", labels.time(d.updatedAt()));
    add(facts, "staff.case.closed", labels.time(d.closedAt()));
    return facts;
  }

  private void add(List<Fact> facts, String labelKey, String value) {
    if (value != null && !value.isBlank()) {
      facts.add(new Fact(message(labelKey), value));
    }
  }

  private HistoryRow historyRow(AuditLog.Event event) {
    Object note = event.detail().get("note");
    return new HistoryRow(
        labels.time(event.occurredAt()),
        messages.getMessage(
            "staff.audit." + event.action(),
            null,
            message("work.history.other"),
            LocaleContextHolder.getLocale()),
        event.actor() == null ? message("staff.case.system") : event.actor(),
        note == null ? null : note.toString());
  }

  private String message(String key) {
    return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
  }
}
