package vn.dondoc.app.staff;

import java.util.List;
import vn.dondoc.app.security.Caller;
import vn.dondoc.app.security.Roles;
import vn.dondoc.app.security.StaffSession;

/**
 * The staff menu: one list, in the order shown. Whoever adds a staff page adds its line here (and only
 * once the page exists), with the roles that may use it.
 */
public final class StaffNavigation {

  /** "Việc của tôi", where staff and experts land (vn.dondoc.app.workspace). */
  public static final String HOME = StaffSession.STAFF_HOME;

  public static final String SEARCH = "/tim-kiem";

  /**
   * @param page the id the page's controller puts into the model as {@code page} (marks the current item)
   * @param messageKey the label, staff.nav.* in messages*.properties
   * @param roles who sees the link; empty: every staff role
   */
  public record Link(String path, String page, String messageKey, String... roles) {

    boolean visibleTo(Caller caller) {
      return caller.hasAnyRole(roles.length == 0 ? Roles.STAFF : roles);
    }
  }

  static final List<Link> LINKS = List.of(
      new Link(
          HOME,
          "workspace",
          "staff.nav.workspace",
          Roles.STANDING_OFFICE,
          Roles.AGENCY_OFFICER,
          Roles.AGENCY_LEADER,
          Roles.REVIEWER,
          Roles.SUPERVISOR,
          Roles.ADMIN,
          Roles.EXPERT),
      new Link(SEARCH, "search", "staff.nav.search"),
      new Link(
          "/lam-viec/nhiem-vu",
          "tasks",
          "staff.nav.tasks",
          Roles.AGENCY_OFFICER,
          Roles.AGENCY_LEADER),
      // Domain verifiers are agency staff: their agency's verifications are in the same queue.
      new Link(
          "/tham-dinh",
          "review",
          "staff.nav.review",
          Roles.REVIEWER,
          Roles.AGENCY_OFFICER,
          Roles.AGENCY_LEADER),
      new Link(
          HOME + "/phan-anh",
          "feedback-queue",
          "staff.nav.feedback-queue",
          Roles.AGENCY_OFFICER,
          Roles.AGENCY_LEADER),
      // Feedback received by hotline, letter, e-mail or at the counter, recorded for its sender
      // (vn.dondoc.app.feedback).
      new Link(
          HOME + "/tiep-nhan",
          "intake",
          "staff.nav.intake",
          Roles.STANDING_OFFICE,
          Roles.AGENCY_OFFICER,
          Roles.AGENCY_LEADER),
      // The supervisor dashboards (vn.dondoc.app.dashboards): the SLA board is scoped to the
      // caller's cases.
      new Link("/giam-sat", "sla-board", "staff.nav.sla-board"),
      new Link(
          "/giam-sat/xep-hang",
          "ranking",
          "staff.nav.ranking",
          Roles.STANDING_OFFICE,
          Roles.SUPERVISOR,
          Roles.ADMIN),
      // The directive desk (vn.dondoc.app.directives): a directive read, corrected and issued as
      // tasks.
      new Link(
          "/van-ban-chi-dao", "directive-desk", "staff.nav.directive-desk", Roles.STANDING_OFFICE),
      new Link(
          "/bao-cao-dinh-ky",
          "periodic-report",
          "staff.nav.periodic-report",
          Roles.STANDING_OFFICE,
          Roles.ADMIN),
      // Administration (vn.dondoc.app.admin).
      new Link(
          "/quan-tri/lich-lam-viec", "admin-calendar", "staff.nav.admin-calendar", Roles.ADMIN),
      new Link("/quan-tri/thoi-han", "admin-sla", "staff.nav.admin-sla", Roles.ADMIN),
      new Link("/quan-tri/van-hanh", "admin-operations", "staff.nav.admin-operations", Roles.ADMIN),
      new Link("/quan-tri/co-quan", "admin-agencies", "staff.nav.admin-agencies", Roles.ADMIN),
      new Link("/quan-tri/nguoi-dung", "admin-people", "staff.nav.admin-people", Roles.ADMIN),
      new Link("/quan-tri/nhat-ky", "admin-audit", "staff.nav.admin-audit", Roles.ADMIN));

  public static List<Link> visibleTo(Caller caller) {
    return LINKS.stream().filter(link -> link.visibleTo(caller)).toList();
  }

  /** Every path of the menu (for tests that open each page). */
  public static List<String> paths() {
    return LINKS.stream().map(Link::path).toList();
  }

  private StaffNavigation() {}
}
