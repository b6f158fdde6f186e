package vn.dondoc.app.notifications;

import java.util.Map;
import java.util.stream.IntStream;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.dondoc.app.security.Caller;
import vn.dondoc.app.security.KeycloakDirectory;
import vn.dondoc.app.staff.StaffForms;
import vn.dondoc.app.staff.StaffPage;
import vn.dondoc.app.web.InvalidFieldException;

/**
 * The signed-in person's e-mail settings ({@value #PATH}, linked from the inbox): reminders, breaches, escalations,
 * panel invitations and scoring deadlines by e-mail at once, or gathered in one e-mail a day at an hour they
 * choose (Hanoi time). Shows the address the e-mails go to, which is the account's in Keycloak.
 */
@Controller
@StaffPage
class StaffMailPage {

  static final String PATH = InboxPage.PATH + "/cai-dat";
  private static final String FORM = "mail-settings";

  private final StaffMailSettings settings;
  private final KeycloakDirectory directory;
  private final StaffForms forms;

  StaffMailPage(StaffMailSettings settings, KeycloakDirectory directory, StaffForms forms) {
    this.settings = settings;
    this.directory = directory;
    this.forms = forms;
  }

  /** An hour of the day as the select offers it: 7 as "07:00". */
  record Hour(int value, String label) {}

  @GetMapping(value = PATH, produces = "text/html")
  String page(Authentication authentication, Model model) {
    String username = Caller.of(authentication).username();
    StaffMailSettings.Choice choice = settings.choice(username);
    model.addAttribute("page", "inbox");
    model.addAttribute("delivery", choice.delivery().name());
    model.addAttribute("digestHour", choice.digestHour());
    model.addAttribute(
        "hours",
        IntStream.range(0, 24)
            .mapToObj(h -> new Hour(h, String.format("%02d:00", h)))
            .toList());
    String address;
    boolean known = true;
    try {
      address = directory
          .profileOf(username)
          .map(KeycloakDirectory.Profile::email)
          .filter(e -> !e.isBlank())
          .orElse(null);
    } catch (IllegalStateException keycloakDown) {
      address = null;
      known = false;
    }
    model.addAttribute("address", address);
    model.addAttribute("addressKnown", known);
    return "staff/mail-settings";
  }

  @PostMapping(PATH)
  String save(
      @RequestParam(required = false) String delivery,
      @RequestParam(required = false) String hour,
      Authentication authentication,
      RedirectAttributes redirect) {
    Map<String, String> typed = StaffForms.typed("delivery", delivery, "hour", hour);
    try {
      settings.save(Caller.of(authentication).username(), choice(delivery, hour));
    } catch (InvalidFieldException e) {
      forms.rejected(redirect, e, "staff.mail-settings." + e.field(), typed);
      return "redirect:" + PATH;
    }
    forms.accepted(redirect, FORM, "staff.mail-settings.saved");
    return "redirect:" + PATH;
  }

  /** The choice the form sent: a delivery, and for the digest an hour from 0 to 23. */
  static StaffMailSettings.Choice choice(String delivery, String hour) {
    StaffMailSettings.Delivery chosen;
    try {
      chosen = StaffMailSettings.Delivery.valueOf(delivery == null ? "" : delivery);
    } catch (IllegalArgumentException e) {
      throw new InvalidFieldException(
          "delivery",
          delivery == null || delivery.isBlank()
              ? "validation.required"
              : "validation.value.invalid");
    }
    if (chosen == StaffMailSettings.Delivery.IMMEDIATE && (hour == null || hour.isBlank())) {
      return StaffMailSettings.Choice.IMMEDIATE;
    }
    int digestHour;
    try {
      digestHour = Integer.parseInt(hour == null ? "" : hour.strip());
    } catch (NumberFormatException e) {
      throw new InvalidFieldException("hour", "validation.range", 0, 23);
    }
    if (digestHour < 0 || digestHour > 23) {
      throw new InvalidFieldException("hour", "validation.range", 0, 23);
    }
    return new StaffMailSettings.Choice(chosen, digestHour);
  }
}
