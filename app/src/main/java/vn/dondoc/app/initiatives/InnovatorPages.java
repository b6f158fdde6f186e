package vn.dondoc.app.initiatives;

import jakarta.servlet.http.HttpServletResponse;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.dondoc.app.agencies.ReferenceData;
import vn.dondoc.app.attachments.AttachmentClaim;
import vn.dondoc.app.attachments.AttachmentService;
import vn.dondoc.app.cases.Labels;
import vn.dondoc.app.forms.StepForms;
import vn.dondoc.app.portal.PortalPages;
import vn.dondoc.app.security.Caller;
import vn.dondoc.app.security.Roles;
import vn.dondoc.app.time.DisplayDates;
import vn.dondoc.app.time.HanoiTime;
import vn.dondoc.app.web.CaseNotFoundException;
import vn.dondoc.app.web.ConflictException;
import vn.dondoc.app.web.ForbiddenException;
import vn.dondoc.app.web.InvalidFieldException;
import vn.dondoc.app.web.InvalidFieldsException;
import vn.dondoc.processes.InitiativeSelection;
import vn.dondoc.processes.InitiativeSelection.Var;

/**
 * The innovator area (browser login, portal look): my initiatives and what each waits for, a draft to write,
 * save and submit, the history of a submission, and the answer to a request for completion. Server-rendered
 * forms with Spring Security's CSRF token; they call {@link InitiativeService} as the API does, as the
 * signed-in person ({@link Caller}, the page session mapped as a token is), so the same rules apply. A refused input is shown next to its
 * field, with what was typed, and nothing is stored.
 */
@Controller
@RequestMapping(path = InnovatorPages.PATH, produces = "text/html")
class InnovatorPages {

  static final String PATH = "/sang-kien-cua-toi";
  private static final ZoneId ZONE = HanoiTime.ZONE;

  private final InitiativeService service;
  private final InnovatorDrafts drafts;
  private final InitiativeRepository initiatives;
  private final AttachmentService attachments;
  private final ReferenceData referenceData;
  private final PortalPages pages;
  private final Labels labels;
  private final MessageSource messages;
  private final JdbcClient jdbc;

  private final StepForms forms;

  InnovatorPages(
      InitiativeService service,
      InnovatorDrafts drafts,
      InitiativeRepository initiatives,
      AttachmentService attachments,
      ReferenceData referenceData,
      PortalPages pages,
      Labels labels,
      MessageSource messages,
      JdbcClient jdbc,
      StepForms forms) {
    this.forms = forms;
    this.service = service;
    this.drafts = drafts;
    this.initiatives = initiatives;
    this.attachments = attachments;
    this.referenceData = referenceData;
    this.pages = pages;
    this.labels = labels;
    this.messages = messages;
    this.jdbc = jdbc;
  }

  /**
   * What the draft form posts: text as typed (checked by the service), files as claims of the upload endpoint
   * with the names they were chosen under (shown again, with the claims, when the form is refused).
   */
  record DraftForm(
      String category,
      String title,
      String problem,
      String solution,
      String expectedProduct,
      String techGroup,
      String orderingAgency,
      String receivingAgency,
      String resourcesNeeded,
      String ipStatus,
      String organisation,
      String taxCode,
      Boolean publishProposer,
      List<String> attachmentId,
      List<String> attachmentToken,
      List<String> attachmentName) {

    /** The uploaded files a refused post carried, still staged and claimable. */
    List<KeptUpload> kept() {
      List<KeptUpload> kept = new ArrayList<>();
      for (int i = 0; attachmentId != null && i < attachmentId.size(); i++) {
        kept.add(new KeptUpload(
            attachmentId.get(i),
            attachmentToken != null && i < attachmentToken.size() ? attachmentToken.get(i) : "",
            attachmentName != null && i < attachmentName.size() ? attachmentName.get(i) : ""));
      }
      return kept;
    }

    static DraftForm of(Initiative i) {
      return new DraftForm(
          i.category() == null ? null : i.category().code(),
          i.title(),
          i.problem(),
          i.solution(),
          i.expectedProduct(),
          i.techGroup(),
          i.orderingAgency(),
          i.receivingAgency(),
          i.resourcesNeeded(),
          i.ipStatus(),
          i.organisation(),
          i.taxCode(),
          i.publishProposer(),
          List.of(),
          List.of(),
          List.of());
    }

    static DraftForm empty(Authentication caller) {
      return new DraftForm(
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          Caller.claim(caller, "organisation"),
          Caller.claim(caller, "tax_code"),
          false,
          List.of(),
          List.of(),
          List.of());
    }
  }

  /** A file uploaded for a refused post: its claim goes with the next post. */
  record KeptUpload(String id, String token, String name) {}

  /** A row of my list: where it is, and what happens next and who acts. */
  record Row(
      long id,
      String caseCode,
      String title,
      String status,
      String statusLabel,
      String next,
      String date) {}

  /** A line of a submission's history. */
  record Event(String at, String label, String note) {}

  @GetMapping
  String list(Authentication caller, Model model, HttpServletResponse response) {
    if (!Caller.of(caller).hasRole(Roles.INNOVATOR)) {
      return notInnovator(model, response);
    }
    List<Row> rows = initiatives.ofProposer(caller.getName()).stream()
        .map(i -> new Row(
            i.id(),
            i.caseCode(),
            i.title(),
            i.status().code(),
            labels.of(i.status()).label(),
            next(i),
            DisplayDates.DAY.format(
                (i.submittedAt() != null ? i.submittedAt() : i.createdAt()).atZone(ZONE))))
        .toList();
    model.addAttribute("rows", rows);
    return pages.render(model, "innovator-list", PATH);
  }

  @GetMapping("/moi")
  String newDraft(Authentication caller, Model model, HttpServletResponse response) {
    if (!Caller.of(caller).hasRole(Roles.INNOVATOR)) {
      return notInnovator(model, response);
    }
    return form(model, null, DraftForm.empty(caller), null);
  }

  @PostMapping("/moi")
  String create(
      @ModelAttribute DraftForm form,
      @RequestParam(defaultValue = "save") String action,
      Authentication caller,
      Model model,
      RedirectAttributes redirect,
      HttpServletResponse response) {
    return save(null, form, action, caller, model, redirect, response);
  }

  @GetMapping("/{id}")
  String show(
      @PathVariable long id, Authentication caller, Model model, HttpServletResponse response) {
    if (!Caller.of(caller).hasRole(Roles.INNOVATOR)) {
      return notInnovator(model, response);
    }
    Initiative initiative = mine(id, caller);
    if (initiative == null) {
      return notFound(model, response);
    }
    if (initiative.status() == InitiativeStatus.DRAFT) {
      return form(model, initiative, DraftForm.of(initiative), null);
    }
    return detail(model, initiative, null, null);
  }

  @PostMapping("/{id}")
  String update(
      @PathVariable long id,
      @ModelAttribute DraftForm form,
      @RequestParam(defaultValue = "save") String action,
      Authentication caller,
      Model model,
      RedirectAttributes redirect,
      HttpServletResponse response) {
    return save(id, form, action, caller, model, redirect, response);
  }

  @PostMapping("/{id}/bo-sung")
  String complete(
      @PathVariable long id,
      @RequestParam(name = Var.COMPLETION_REPLY, required = false) String reply,
      Authentication caller,
      Model model,
      RedirectAttributes redirect,
      HttpServletResponse response) {
    if (!Caller.of(caller).hasRole(Roles.INNOVATOR)) {
      return notInnovator(model, response);
    }
    Initiative initiative = mine(id, caller);
    if (initiative == null || initiative.caseCode() == null) {
      return notFound(model, response);
    }
    try {
      service.completeSubmission(
          initiative.caseCode(), Map.of(Var.COMPLETION_REPLY, reply == null ? "" : reply), caller);
    } catch (InvalidFieldException e) {
      return detail(model, initiative, reply, error(e));
    } catch (ConflictException e) {
      model.addAttribute("problem", message(e.getMessage()));
      return detail(model, initiative, reply, null);
    }
    redirect.addFlashAttribute("draftDone", "initiative-completion");
    redirect.addFlashAttribute("notice", message("portal.innovator.completed"));
    return "redirect:" + PATH + "/" + id;
  }

  private String save(
      Long id,
      DraftForm form,
      String action,
      Authentication caller,
      Model model,
      RedirectAttributes redirect,
      HttpServletResponse response) {
    if (!Caller.of(caller).hasRole(Roles.INNOVATOR)) {
      return notInnovator(model, response);
    }
    Initiative existing = id == null ? null : mine(id, caller);
    if (id != null && existing == null) {
      return notFound(model, response);
    }
    boolean submit = "submit".equals(action);
    try {
      Initiative saved = drafts.save(id, draft(form), submit, caller);
      redirect.addFlashAttribute("draftDone", "initiative-draft");
      redirect.addFlashAttribute(
          "notice", message(submit ? "portal.innovator.submitted" : "portal.innovator.saved"));
      return "redirect:" + PATH + "/" + saved.id();
    } catch (InvalidFieldException e) {
      return form(model, existing, form, error(e));
    } catch (ConflictException | ForbiddenException e) {
      model.addAttribute("problem", message(e.getMessage()));
      return form(model, existing, form, null);
    }
  }

  /** The form's text as the service takes it; a category that is not on the list is refused like a missing one. */
  private static InitiativeDraft draft(DraftForm f) {
    InitiativeCategory category = null;
    if (f.category() != null && !f.category().isBlank()) {
      category = Arrays.stream(InitiativeCategory.values())
          .filter(c -> c.code().equals(f.category()))
          .findFirst()
          .orElseThrow(() -> new InvalidFieldException("category", "validation.value.invalid"));
    }
    List<AttachmentClaim> claims = new ArrayList<>();
    List<String> ids = f.attachmentId() == null ? List.of() : f.attachmentId();
    List<String> tokens = f.attachmentToken() == null ? List.of() : f.attachmentToken();
    for (int i = 0; i < ids.size(); i++) {
      try {
        claims.add(new AttachmentClaim(
            UUID.fromString(ids.get(i)), i < tokens.size() ? tokens.get(i) : null));
      } catch (IllegalArgumentException e) {
        throw new InvalidFieldException("attachments", "validation.attachment.claim-invalid");
      }
    }
    return new InitiativeDraft(
        category,
        f.title(),
        f.problem(),
        f.solution(),
        f.expectedProduct(),
        f.techGroup(),
        f.orderingAgency(),
        f.receivingAgency(),
        f.resourcesNeeded(),
        f.ipStatus(),
        f.organisation(),
        f.taxCode(),
        Boolean.TRUE.equals(f.publishProposer()),
        claims);
  }

  private String form(
      Model model, Initiative initiative, DraftForm form, Map<String, String> errors) {
    model.addAttribute("initiative", initiative);
    model.addAttribute("form", form);
    model.addAttribute("errors", errors == null ? Map.of() : errors);
    model.addAttribute("limits", InitiativeService.TEXT_LIMITS);
    model.addAttribute("kept", form.kept());
    model.addAttribute("categories", pages.labelled(InitiativeCategory.values()));
    model.addAttribute("agencies", referenceData.agencies());
    model.addAttribute(
        "files",
        initiative == null
            ? List.of()
            : attachments.listFor(InitiativeService.OWNER_TYPE, initiative.id()));
    return pages.render(
        model,
        "innovator-draft",
        initiative == null ? PATH + "/moi" : PATH + "/" + initiative.id());
  }

  private String detail(
      Model model, Initiative initiative, String reply, Map<String, String> errors) {
    Locale locale = LocaleContextHolder.getLocale();
    model.addAttribute("initiative", initiative);
    model.addAttribute("statusLabel", labels.of(initiative.status()).label());
    model.addAttribute("categoryLabel", labels.of(initiative.category()).label());
    model.addAttribute("next", next(initiative));
    model.addAttribute(
        "submittedAt",
        initiative.submittedAt() == null
            ? null
            : DisplayDates.TIME_AND_DAY.format(initiative.submittedAt().atZone(ZONE)));
    model.addAttribute("history", history(initiative.caseCode(), locale));
    model.addAttribute(
        "request",
        initiative.status() == InitiativeStatus.RETURNED
            ? completionRequest(initiative.caseCode())
            : null);
    model.addAttribute("reply", reply);
    model.addAttribute("completionForm", forms.form(InitiativeSelection.FORM_COMPLETE_SUBMISSION));
    model.addAttribute("errors", errors == null ? Map.of() : errors);
    model.addAttribute("files", attachments.listFor(InitiativeService.OWNER_TYPE, initiative.id()));
    return pages.render(model, "innovator-initiative", PATH + "/" + initiative.id());
  }

  /** The actions of the audit log an innovator is told about, with what of them they may read. */
  private static final Map<String, String> HISTORY_NOTES = Map.of(
      "INITIATIVE_SUBMITTED",
      "",
      "INITIATIVE_RETURNED",
      "note",
      "INITIATIVE_COMPLETED",
      "reply",
      "INITIATIVE_RECLASSIFIED",
      "note",
      "INITIATIVE_TO_FEEDBACK",
      "",
      "INITIATIVE_CLOSED_INCOMPLETE",
      "",
      "INITIATIVE_NOT_SHORTLISTED",
      "",
      "INITIATIVE_SELECTED",
      "reason",
      "INITIATIVE_NOT_SELECTED",
      "reason",
      "INITIATIVE_DEFERRED",
      "reason");

  /** The submission's history, oldest first: who scored or sat on the panel is not the innovator's to read. */
  private List<Event> history(String caseCode, Locale locale) {
    if (caseCode == null) {
      return List.of();
    }
    return jdbc
        .sql(
            "select action, detail ->> 'note' as note, detail ->> 'reply' as reply, detail ->> 'reason' as reason,"
                + " occurred_at from audit_event where case_code = ? order by occurred_at, id")
        .param(caseCode)
        .query((rs, n) -> {
          String action = rs.getString("action");
          if (!HISTORY_NOTES.containsKey(action)) {
            return null;
          }
          String noteColumn = HISTORY_NOTES.get(action);
          return new Event(
              DisplayDates.TIME_AND_DAY.format(
                  rs.getTimestamp("occurred_at").toInstant().atZone(ZONE)),
              messages.getMessage("portal.innovator.history." + action, null, action, locale),
              noteColumn.isEmpty() ? null : rs.getString(noteColumn));
        })
        .list()
        .stream()
        .filter(e -> e != null)
        .toList();
  }

  /** What screening asked for: the note of the latest return. */
  private String completionRequest(String caseCode) {
    return jdbc.sql(
            "select detail ->> 'note' from audit_event where case_code = ? and action = 'INITIATIVE_RETURNED'"
                + " order by occurred_at desc, id desc limit 1")
        .param(caseCode)
        .query(String.class)
        .optional()
        .orElse(null);
  }

  /**
   * What happens next and who acts ({@link Labels#next}), with the day the running stage is due when a clock
   * runs for it (screening, completion): never "nothing" for someone waiting on others.
   */
  private String next(Initiative initiative) {
    String next = labels.next(initiative.status());
    if (initiative.caseCode() == null) {
      return next;
    }
    return jdbc.sql(
            "select due_at from sla_clock where case_code = ? and state = 'RUNNING' order by due_at limit 1")
        .param(initiative.caseCode())
        .query(Timestamp.class)
        .optional()
        .map(due -> next + " "
            + message("portal.next.due", DisplayDates.DAY.format(due.toInstant().atZone(ZONE))))
        .orElse(next);
  }

  private Initiative mine(long id, Authentication caller) {
    try {
      return service.own(id, caller);
    } catch (CaseNotFoundException e) {
      return null;
    }
  }

  /** Every refused field's message, in the order found; the claims (attachments[0]...) share the files' one place. */
  private Map<String, String> error(InvalidFieldException e) {
    Map<String, String> errors = new LinkedHashMap<>();
    for (InvalidFieldException one :
        e instanceof InvalidFieldsException several ? several.all() : List.of(e)) {
      String field = one.field().startsWith("attachments") ? "attachments" : one.field();
      errors.merge(
          field,
          message(one.messageKey(), one.arguments()),
          (a, b) -> a.equals(b) ? a : a + "; " + b);
    }
    return errors;
  }

  private String message(String key, Object... arguments) {
    return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
  }

  private String notInnovator(Model model, HttpServletResponse response) {
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    model.addAttribute("problem", message("portal.innovator.not-innovator"));
    return pages.render(model, "innovator-problem", PATH);
  }

  private String notFound(Model model, HttpServletResponse response) {
    response.setStatus(HttpServletResponse.SC_NOT_FOUND);
    model.addAttribute("problem", message("portal.innovator.not-found"));
    return pages.render(model, "innovator-problem", PATH);
  }
}
