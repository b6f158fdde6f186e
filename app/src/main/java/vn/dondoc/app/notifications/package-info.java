/**
 * Telling people: the inbox (and its badge, staff.InboxCount), the mail queue and relay, staff digests, the
 * notices on a case (CaseNotices, NoticeBanner). May use (capability-dependencies.txt, the layers of
 * docs/ARCHITECTURE.md): security, staff, time, web.
 */
package vn.dondoc.app.notifications;
