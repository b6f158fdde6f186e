package vn.dondoc.app.directives;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import vn.dondoc.app.security.Caller;
import vn.dondoc.app.security.Roles;
import vn.dondoc.app.staff.StaffPage;
import vn.dondoc.app.time.DisplayDates;
import vn.dondoc.app.web.ForbiddenException;

/**
 * The standing office's directive desk ({@value #PATH}): every directive in Dondoc with its tasks, the drafts in
 * preparation and the upload of a new directive;
 * {@value #PATH}/{id}, one draft's header and task table (desk.js, with {@link DirectiveDeskController}).
 */
@Controller
@StaffPage
class DirectiveDeskPage {

  static final String PATH = "/van-ban-chi-dao";
  private static final int LISTED = 50;
  /** Every directive in Dondoc, as far as one page sensibly lists them. */
  private static final int DIRECTIVES_LISTED = 1000;

  /**
   * A directive in the desk's list, however it came into Dondoc (the desk, the import API, the demo data): its
   * tasks are on the monitoring board ({@code /giam-sat?directive=…}); {@code draft}: its draft when the desk issued it, else null.
   */
  record IssuedRow(
      String symbol, String type, String title, String issuedDay, int tasks, Long draft) {}

  /** The words desk.js shows, keys desk.js.* (the levels' and kinds' labels included). */
  private static final List<String> WORDS = List.of(
      "saving",
      "saved",
      "network",
      "checking",
      "issuing",
      "issued",
      "errors",
      "split",
      "merge",
      "delete",
      "expand",
      "expand-do",
      "send-all",
      "send-all-confirm",
      "send-all-on",
      "cancel",
      "collective",
      "unknown-agency",
      "flag-checked",
      "as-written",
      "due-date",
      "changes",
      "changes-added",
      "changes-removed",
      "changes-changed",
      "changes-none",
      "field.content",
      "field.lead",
      "field.deadline",
      "conflict-added",
      "conflict-removed",
      "conflict-changed",
      "total",
      "read-only",
      "cooperating-hint",
      "kind.DEADLINE",
      "kind.PERIODIC_REPORT",
      "kind.RECURRING",
      "kind.NONE",
      "level.L1",
      "level.L2",
      "level.L3",
      "level.L4",
      "unsaved");

  private final DeskDrafts drafts;
  private final DirectiveDesk desk;
  private final DirectiveRepository directives;
  private final MessageSource messages;
  private final ObjectMapper json;

  DirectiveDeskPage(
      DeskDrafts drafts,
      DirectiveDesk desk,
      DirectiveRepository directives,
      MessageSource messages,
      ObjectMapper json) {
    this.drafts = drafts;
    this.desk = desk;
    this.directives = directives;
    this.messages = messages;
    this.json = json;
  }

  @GetMapping(value = PATH, produces = "text/html")
  String desk(Authentication caller, Model model) {
    requireRole(caller);
    model.addAttribute("page", "directive-desk");
    model.addAttribute("drafts", drafts.recent(LISTED));
    Map<String, Long> issuedDrafts = drafts.issued();
    model.addAttribute(
        "directives",
        directives.list(DIRECTIVES_LISTED, 0).stream()
            .map(d -> new IssuedRow(
                d.symbol(),
                d.type().code(),
                d.title(),
                DisplayDates.DAY.format(d.issuedOn()),
                d.tasks(),
                issuedDrafts.get(d.symbol())))
            .toList());
    return "staff/directive-desk";
  }

  @GetMapping(value = PATH + "/{id}", produces = "text/html")
  String draft(@PathVariable long id, Authentication caller, Model model)
      throws JsonProcessingException {
    requireRole(caller);
    model.addAttribute("page", "directive-desk");
    DeskDrafts.Draft draft = desk.draft(id);
    model.addAttribute("draft", draft);
    // once issued, the page is the directive's: its symbol, title and date, no longer "a draft"
    DirectiveRepository.Directive issued = draft.issuedSymbol() == null
        ? null
        : directives.findBySymbol(draft.issuedSymbol()).orElse(null);
    model.addAttribute("issued", issued);
    model.addAttribute(
        "issuedDay", issued == null ? null : DisplayDates.DAY.format(issued.issuedOn()));
    model.addAttribute("types", DirectiveType.values());
    Map<String, String> words = new LinkedHashMap<>();
    WORDS.forEach(word -> words.put(
        word, messages.getMessage("desk.js." + word, null, LocaleContextHolder.getLocale())));
    model.addAttribute("words", json.writeValueAsString(words));
    return "staff/directive-draft";
  }

  private static void requireRole(Authentication caller) {
    if (!Caller.of(caller).hasRole(Roles.STANDING_OFFICE)) {
      throw new ForbiddenException("staff.error.forbidden");
    }
  }
}
