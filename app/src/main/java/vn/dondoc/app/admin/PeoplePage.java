package vn.dondoc.app.admin;

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
import vn.dondoc.app.agencies.ReferenceData;
import vn.dondoc.app.security.Caller;
import vn.dondoc.app.security.KeycloakAdminApi;
import vn.dondoc.app.staff.StaffForms;
import vn.dondoc.app.staff.StaffPage;
import vn.dondoc.app.web.ConflictException;
import vn.dondoc.app.web.ForbiddenException;
import vn.dondoc.app.web.InvalidFieldException;
import vn.dondoc.app.web.NotFoundException;

/**
 * The people page ({@value #PATH}): find people and create one; a person's page ({@code PATH/<username>}) gives and
 * takes roles and agency membership, lists their open steps with a hand-over to a colleague, and deactivates the
 * account once nothing is left (after a confirmation). Keycloak keeps the people ({@link People}).
 */
@Controller
@StaffPage
class PeoplePage {

  static final String PATH = AdminOnly.ROOT + "/nguoi-dung";
  private static final String FORM = "admin-people";
  private static final String LABELS = "staff.admin.people.field.";

  private final People people;
  private final PersonWork work;
  private final ReferenceData reference;
  private final StaffForms forms;

  PeoplePage(People people, PersonWork work, ReferenceData reference, StaffForms forms) {
    this.people = people;
    this.work = work;
    this.reference = reference;
    this.forms = forms;
  }

  @GetMapping(value = PATH, produces = "text/html")
  String page(@RequestParam(name = "q", required = false) String query, Model model) {
    model.addAttribute("page", FORM);
    model.addAttribute("q", query == null ? "" : query);
    model.addAttribute("found", query == null || query.isBlank() ? null : people.find(query));
    model.addAttribute("roles", People.ROLES);
    model.addAttribute("agencies", reference.agencies());
    model.addAttribute("untitledLeaders", untitledLeaders());
    return "staff/admin-people";
  }

  /** The leaders without a job title; none listed when Keycloak does not answer (the page says so when searched). */
  private List<People.Person> untitledLeaders() {
    try {
      return people.leadersWithoutTitle();
    } catch (KeycloakAdminApi.KeycloakUnavailableException e) {
      return List.of();
    }
  }

  @GetMapping(value = PATH + "/{username}", produces = "text/html")
  String person(@PathVariable String username, Authentication admin, Model model) {
    People.Person person = people.existing(username);
    model.addAttribute("page", FORM);
    model.addAttribute("person", person);
    model.addAttribute("roles", People.ROLES);
    model.addAttribute("agencies", reference.agencies());
    model.addAttribute("steps", work.open(username, admin));
    return "staff/admin-person";
  }

  @PostMapping(PATH)
  String create(
      @RequestParam(required = false) String username,
      @RequestParam(required = false) String firstName,
      @RequestParam(required = false) String lastName,
      @RequestParam(required = false) String email,
      @RequestParam(required = false) String role,
      @RequestParam(required = false) String agency,
      @RequestParam(required = false) String leader,
      @RequestParam(required = false) String temporaryPassword,
      Authentication admin,
      RedirectAttributes redirect) {
    Map<String, String> typed = StaffForms.typed(
        "username",
        username,
        "firstName",
        firstName,
        "lastName",
        lastName,
        "email",
        email,
        "role",
        role,
        "agency",
        agency,
        "leader",
        leader);
    try {
      People.Created created = people.create(
          new People.NewPerson(
              username,
              firstName,
              lastName,
              email,
              role,
              agency,
              leader != null,
              temporaryPassword),
          Caller.of(admin).username());
      String mail = temporaryPassword != null && !temporaryPassword.isEmpty()
          ? "staff.admin.people.created.password"
          : created.mailSent()
              ? "staff.admin.people.created.mail"
              : "staff.admin.people.created.no-mail";
      forms.accepted(
          redirect, FORM, mail, created.person().username(), created.person().email());
      return "redirect:" + PATH + "/" + created.person().username();
    } catch (InvalidFieldException e) {
      forms.rejected(redirect, e, LABELS + e.field(), typed);
      return "redirect:" + PATH;
    }
  }

  @PostMapping(PATH + "/{username}/vai-tro")
  String roles(
      @PathVariable String username,
      @RequestParam(name = "roles", required = false) List<String> roles,
      Authentication admin,
      RedirectAttributes redirect) {
    return change(
        redirect,
        username,
        () -> people.setRoles(username, roles, Caller.of(admin).username()),
        "staff.admin.people.roles-saved");
  }

  @PostMapping(PATH + "/{username}/co-quan")
  String agency(
      @PathVariable String username,
      @RequestParam(required = false) String agency,
      @RequestParam(required = false) String leader,
      Authentication admin,
      RedirectAttributes redirect) {
    return change(
        redirect,
        username,
        () ->
            people.setAgency(username, agency, leader != null, Caller.of(admin).username()),
        "staff.admin.people.agency-saved");
  }

  @PostMapping(PATH + "/{username}/don-vi-cong-tac")
  String affiliation(
      @PathVariable String username,
      @RequestParam(required = false) String affiliation,
      @RequestParam(required = false) String affiliationTaxCode,
      Authentication admin,
      RedirectAttributes redirect) {
    return change(
        redirect,
        username,
        () -> people.setAffiliation(
            username, affiliation, affiliationTaxCode, Caller.of(admin).username()),
        "staff.admin.people.affiliation-saved");
  }

  @PostMapping(PATH + "/{username}/chuc-vu")
  String jobTitle(
      @PathVariable String username,
      @RequestParam(required = false) String jobTitle,
      Authentication admin,
      RedirectAttributes redirect) {
    return change(
        redirect,
        username,
        () -> people.setJobTitle(username, jobTitle, Caller.of(admin).username()),
        "staff.admin.people.job-title-saved",
        Map.of("jobTitle", jobTitle == null ? "" : jobTitle));
  }

  @PostMapping(PATH + "/{username}/ban-giao")
  String handOver(
      @PathVariable String username,
      @RequestParam(required = false) String taskId,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String reason,
      Authentication admin,
      RedirectAttributes redirect) {
    return change(
        redirect,
        username,
        () -> work.handOver(admin, taskId, username, to, reason),
        "staff.admin.people.handed-over");
  }

  /** Without {@code confirmed}: the confirmation with the open steps counted; with it, the deactivation. */
  @PostMapping(PATH + "/{username}/ngung")
  String deactivate(
      @PathVariable String username,
      @RequestParam(required = false) String confirmed,
      Authentication admin,
      RedirectAttributes redirect) {
    int open = work.count(username);
    if (confirmed == null) {
      if (open > 0) {
        redirect.addFlashAttribute("notice", forms.message("staff.admin.people.open-work"));
      } else {
        redirect.addFlashAttribute("confirmDeactivate", true);
      }
      return "redirect:" + PATH + "/" + username;
    }
    return change(
        redirect,
        username,
        () -> people.deactivate(username, open, Caller.of(admin).username()),
        "staff.admin.people.deactivated");
  }

  @PostMapping(PATH + "/{username}/mat-khau")
  String password(
      @PathVariable String username,
      @RequestParam(required = false) String temporaryPassword,
      Authentication admin,
      RedirectAttributes redirect) {
    return change(
        redirect,
        username,
        () -> people.setTemporaryPassword(
            username, temporaryPassword, Caller.of(admin).username()),
        "staff.admin.people.password-set");
  }

  @PostMapping(PATH + "/{username}/gui-thu")
  String mail(@PathVariable String username, RedirectAttributes redirect) {
    People.Person person = people.existing(username);
    redirect.addFlashAttribute(
        "notice",
        forms.message(
            people.setPasswordMail(person)
                ? "staff.admin.people.mail-sent"
                : "staff.admin.people.no-mail",
            person.email()));
    return "redirect:" + PATH + "/" + username;
  }

  private String change(
      RedirectAttributes redirect, String username, Runnable change, String noticeKey) {
    return change(redirect, username, change, noticeKey, Map.of());
  }

  /** {@code typed}: what the form had, shown again under a refusal. */
  private String change(
      RedirectAttributes redirect,
      String username,
      Runnable change,
      String noticeKey,
      Map<String, String> typed) {
    try {
      change.run();
      forms.accepted(redirect, FORM, noticeKey);
    } catch (InvalidFieldException e) {
      forms.rejected(redirect, e, LABELS + e.field(), typed);
    } catch (ConflictException | ForbiddenException | NotFoundException e) {
      redirect.addFlashAttribute("notice", forms.message(messageKey(e)));
    }
    return "redirect:" + PATH + "/" + username;
  }

  private static String messageKey(RuntimeException e) {
    if (e instanceof ConflictException conflict) {
      return conflict.messageKey();
    }
    return e instanceof ForbiddenException forbidden
        ? forbidden.messageKey()
        : ((NotFoundException) e).messageKey();
  }
}
