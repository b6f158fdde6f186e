package vn.dondoc.app.staff;

import org.springframework.security.core.Authentication;

/**
 * The unread count the header of every staff page shows next to the link to the inbox ({@link StaffPageModel}).
 * Notifications owns the inbox and implements it (notifications.InboxBadge), so that the page foundations need to
 * know nothing of notifications, whose pages are built on them.
 */
public interface InboxCount {

  long unread(Authentication authentication);
}
