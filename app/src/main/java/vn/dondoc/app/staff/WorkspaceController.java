package vn.dondoc.app.staff;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.dondoc.app.security.Caller;
import vn.dondoc.app.security.Roles;

/**
 * The workspace home, where staff land after signing in: the pages their roles use. People without a
 * staff role (innovators, experts, citizens) are told where their own pages are.
 */
@Controller
@StaffPage
class WorkspaceController {

  @GetMapping(value = StaffNavigation.HOME, produces = "text/html")
  String home(Model model, Authentication authentication) {
    model.addAttribute("page", "workspace");
    model.addAttribute("staff", Caller.of(authentication).hasAnyRole(Roles.STAFF));
    return "staff/workspace";
  }
}
