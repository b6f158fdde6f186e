/**
 * The staff pages' foundations: the page model and navigation, form handling, case labels; InboxCount, which
 * notifications answers, for the header's badge. May use (capability-dependencies.txt, the layers of
 * docs/ARCHITECTURE.md): agencies, security, time, web.
 */
package vn.dondoc.app.staff;
