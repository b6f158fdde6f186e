package vn.dondoc.app.notifications;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import vn.dondoc.app.staff.InboxCount;

/** The unread count the header of every staff page shows next to the link to the inbox. */
@Component
public class InboxBadge implements InboxCount {

  private final Inbox inbox;

  InboxBadge(Inbox inbox) {
    this.inbox = inbox;
  }

  @Override
  public long unread(Authentication authentication) {
    return inbox.unread(InboxPage.owner(authentication));
  }
}
