package vn.dondoc.app.notifications;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** The unread count the header of every staff page shows next to the link to the inbox. */
@Component
public class InboxBadge {

  private final Inbox inbox;

  InboxBadge(Inbox inbox) {
    this.inbox = inbox;
  }

  public long unread(Authentication authentication) {
    return inbox.unread(InboxPage.owner(authentication));
  }
}
