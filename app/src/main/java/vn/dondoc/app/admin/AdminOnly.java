package vn.dondoc.app.admin;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import vn.dondoc.app.security.Caller;
import vn.dondoc.app.security.Roles;
import vn.dondoc.app.web.ForbiddenException;

/**
 * Only the admin group reaches the administration pages: anyone else signed in gets the staff layout's
 * 403 page, in Vietnamese, saying where their work is (instead of the bare 403 a security rule would give).
 */
@ControllerAdvice(basePackageClasses = AdminOnly.class)
class AdminOnly {

  /** Where the administration pages live. */
  static final String ROOT = "/quan-tri";

  @ModelAttribute
  void adminOnly(Authentication authentication) {
    if (!Caller.of(authentication).hasRole(Roles.ADMIN)) {
      throw new ForbiddenException("staff.admin.forbidden");
    }
  }
}
