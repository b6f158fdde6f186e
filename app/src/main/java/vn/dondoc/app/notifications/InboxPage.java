package vn.dondoc.app.notifications;

import java.util.List;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import vn.dondoc.app.security.Caller;
import vn.dondoc.app.staff.StaffPage;
import vn.dondoc.app.time.DisplayDates;
import vn.dondoc.app.time.HanoiTime;
import vn.dondoc.app.web.NotFoundException;

/**
 * The inbox as a page ({@value #PATH}): the signed-in person's notifications and their groups', newest first,
 * each linking to its case, unread ones marked; one or all marked read. The header of every staff page shows the
 * unread count ({@link InboxBadge}).
 */
@Controller
@StaffPage(everyoneSignedIn = true)
class InboxPage {

  static final String PATH = "/hop-thu";
  private static final int SHOWN = 100;

  private final Inbox inbox;

  InboxPage(Inbox inbox) {
    this.inbox = inbox;
  }

  /** A notification as the page shows it. */
  record Row(
      long id,
      String caseCode,
      String href,
      String subject,
      String body,
      String at,
      boolean read) {}

  @GetMapping(value = PATH, produces = "text/html")
  String page(Authentication authentication, Model model) {
    Inbox.Owner owner = owner(authentication);
    // stored in both languages (BilingualText), shown in the reader's
    Locale locale = LocaleContextHolder.getLocale();
    List<Row> rows = inbox.entries(owner, SHOWN).stream()
        .map(e -> new Row(
            e.id(),
            e.caseCode(),
            "/ho-so/" + e.caseCode(),
            BilingualText.subjectIn(e.subject(), locale),
            BilingualText.bodyIn(e.body(), locale),
            DisplayDates.TIME_AND_DAY.format(e.createdAt().atZone(HanoiTime.ZONE)),
            e.read()))
        .toList();
    model.addAttribute("page", "inbox");
    model.addAttribute("rows", rows);
    model.addAttribute("shown", SHOWN);
    return "staff/inbox";
  }

  @PostMapping(PATH + "/{id}/da-doc")
  String read(@PathVariable long id, Authentication authentication) {
    if (!inbox.markRead(id, owner(authentication))) {
      throw new NotFoundException("inbox.not-found");
    }
    return "redirect:" + PATH;
  }

  @PostMapping(PATH + "/da-doc-tat-ca")
  String readAll(Authentication authentication) {
    inbox.markAllRead(owner(authentication));
    return "redirect:" + PATH;
  }

  static Inbox.Owner owner(Authentication authentication) {
    Caller caller = Caller.of(authentication);
    return new Inbox.Owner(caller.username(), caller.groups());
  }
}
