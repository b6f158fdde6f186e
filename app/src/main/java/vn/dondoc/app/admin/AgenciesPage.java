package vn.dondoc.app.admin;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.dondoc.app.admin.AgencyAdministration.AgencyInput;
import vn.dondoc.app.admin.AgencyAdministration.AgencyRow;
import vn.dondoc.app.security.Caller;
import vn.dondoc.app.security.KeycloakAdminApi.KeycloakUnavailableException;
import vn.dondoc.app.staff.StaffForms;
import vn.dondoc.app.staff.StaffPage;
import vn.dondoc.app.web.ConflictException;
import vn.dondoc.app.web.InvalidFieldException;
import vn.dondoc.app.web.NotFoundException;

/**
 * The agencies page ({@value #PATH}): the table of agencies with a form to add one, and the drift between the
 * table and the realm's groups with a repair; an agency's page ({@code PATH/<code>}) edits it, and deactivates or
 * merges it after a confirmation that shows what the change touches ({@link AgencyChanges#effect}).
 */
@Controller
@StaffPage
class AgenciesPage {

  static final String PATH = AdminOnly.ROOT + "/co-quan";
  private static final String FORM = "admin-agencies";
  private static final String LABELS = "staff.admin.agencies.field.";

  private final AgencyChanges changes;
  private final AgencyAdministration table;
  private final StaffForms forms;

  AgenciesPage(AgencyChanges changes, AgencyAdministration table, StaffForms forms) {
    this.changes = changes;
    this.table = table;
    this.forms = forms;
  }

  /** A destructive change waiting for its confirmation: {@code action} is deactivate or merge. */
  record Confirmation(String action, AgencyRow into, AgencyAdministration.Effect effect) {}

  @GetMapping(value = PATH, produces = "text/html")
  String page(Model model) {
    model.addAttribute("page", FORM);
    model.addAttribute("agencies", table.all());
    model.addAttribute("kinds", AgencyAdministration.KINDS);
    try {
      model.addAttribute("drift", changes.drift());
    } catch (KeycloakUnavailableException e) {
      model.addAttribute("realmUnavailable", true);
    }
    return "staff/admin-agencies";
  }

  @GetMapping(value = PATH + "/{code}", produces = "text/html")
  String agency(@PathVariable String code, Model model) {
    AgencyRow agency =
        table.find(code).orElseThrow(() -> new NotFoundException("agency.not-found"));
    model.addAttribute("page", FORM);
    model.addAttribute("agency", agency);
    model.addAttribute("kinds", AgencyAdministration.KINDS);
    model.addAttribute(
        "others",
        table.all().stream()
            .filter(row -> row.active() && !row.code().equals(code))
            .toList());
    return "staff/admin-agency";
  }

  @PostMapping(PATH)
  String create(
      @RequestParam(required = false) String code,
      @RequestParam(required = false) String name,
      @RequestParam(required = false) String shortName,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String aliases,
      Authentication admin,
      RedirectAttributes redirect) {
    Map<String, String> typed = StaffForms.typed(
        "code", code, "name", name, "shortName", shortName, "kind", kind, "aliases", aliases);
    try {
      AgencyChanges.Outcome outcome = changes.create(
          new AgencyInput(code, name, shortName, kind, lines(aliases)),
          Caller.of(admin).username());
      saved(redirect, outcome, "staff.admin.agencies.created", outcome.agency().name());
    } catch (InvalidFieldException e) {
      forms.rejected(redirect, e, LABELS + e.field(), typed);
    }
    return "redirect:" + PATH;
  }

  @PostMapping(PATH + "/{code}")
  String edit(
      @PathVariable String code,
      @RequestParam(required = false) String name,
      @RequestParam(required = false) String shortName,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String aliases,
      Authentication admin,
      RedirectAttributes redirect) {
    Map<String, String> typed =
        StaffForms.typed("name", name, "shortName", shortName, "kind", kind, "aliases", aliases);
    try {
      AgencyChanges.Outcome outcome = changes.edit(
          code,
          new AgencyInput(code, name, shortName, kind, lines(aliases)),
          Caller.of(admin).username());
      saved(redirect, outcome, "staff.admin.agencies.edited", outcome.agency().name());
    } catch (InvalidFieldException e) {
      forms.rejected(redirect, e, LABELS + e.field(), typed);
    } catch (ConflictException e) {
      redirect.addFlashAttribute("notice", forms.message(e.messageKey()));
    }
    return "redirect:" + PATH + "/" + code;
  }

  /** Without {@code confirmed}: the confirmation with the effect; with it, the deactivation. */
  @PostMapping(PATH + "/{code}/ngung")
  String deactivate(
      @PathVariable String code,
      @RequestParam(required = false) String confirmed,
      Authentication admin,
      RedirectAttributes redirect) {
    try {
      if (confirmed == null) {
        AgencyAdministration.Effect effect = changes.effect(code);
        if (effect.openWork()) {
          throw new ConflictException("staff.admin.agencies.open-work");
        }
        redirect.addFlashAttribute("confirmation", new Confirmation("deactivate", null, effect));
      } else {
        AgencyChanges.Outcome outcome =
            changes.deactivate(code, Caller.of(admin).username());
        saved(
            redirect,
            outcome,
            "staff.admin.agencies.deactivated",
            outcome.agency().name());
      }
    } catch (ConflictException e) {
      redirect.addFlashAttribute("notice", forms.message(e.messageKey()));
    }
    return "redirect:" + PATH + "/" + code;
  }

  /** Without {@code confirmed}: the confirmation with the effect; with it, the merge into {@code into}. */
  @PostMapping(PATH + "/{code}/hop-nhat")
  String merge(
      @PathVariable String code,
      @RequestParam(required = false) String into,
      @RequestParam(required = false) String confirmed,
      Authentication admin,
      RedirectAttributes redirect) {
    Map<String, String> typed = StaffForms.typed("into", into);
    try {
      AgencyRow target = table.checkMerge(code, into);
      if (confirmed == null) {
        redirect.addFlashAttribute(
            "confirmation", new Confirmation("merge", target, changes.effect(code)));
        redirect.addFlashAttribute("values", typed);
      } else {
        AgencyChanges.Outcome outcome =
            changes.merge(code, target.code(), Caller.of(admin).username());
        saved(
            redirect,
            outcome,
            "staff.admin.agencies.merged",
            outcome.agency().name(),
            target.name());
      }
    } catch (InvalidFieldException e) {
      forms.rejected(redirect, e, LABELS + e.field(), typed);
    } catch (ConflictException e) {
      redirect.addFlashAttribute("notice", forms.message(e.messageKey()));
    }
    return "redirect:" + PATH + "/" + code;
  }

  @PostMapping(PATH + "/dong-bo")
  String repair(Authentication admin, RedirectAttributes redirect) {
    try {
      int repaired = changes.repair(null, Caller.of(admin).username()).size();
      forms.accepted(redirect, FORM, "staff.admin.agencies.repaired", repaired);
    } catch (KeycloakUnavailableException e) {
      redirect.addFlashAttribute("notice", forms.message("staff.admin.agencies.realm-unavailable"));
    }
    return "redirect:" + PATH + "#drift";
  }

  private void saved(
      RedirectAttributes redirect, AgencyChanges.Outcome outcome, String key, Object... arguments) {
    forms.accepted(redirect, FORM, key, arguments);
    if (!outcome.realmSynced()) {
      redirect.addFlashAttribute(
          "notice",
          forms.message(key, arguments) + " " + forms.message("staff.admin.agencies.realm-behind"));
    }
  }

  /** One alias per line, blank lines dropped. */
  static List<String> lines(String text) {
    return text == null
        ? List.of()
        : Arrays.stream(text.split("\\R"))
            .map(String::strip)
            .filter(line -> !line.isEmpty())
            .toList();
  }
}
