package vn.dondoc.app.camunda;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import vn.dondoc.app.security.SecurityConfig;
import vn.dondoc.app.staff.StaffPage;
import vn.dondoc.app.web.ForbiddenException;

/**
 * What a signed-in person who is not an admin sees for Cockpit, Tasklist or Admin: the staff error page with a
 * Vietnamese 403 that points them to their workspace (SecurityConfig forwards here; any method, as it forwards).
 */
@Controller
@StaffPage(everyoneSignedIn = true)
public class EngineRefusedPage {

  public static final String PATH = SecurityConfig.ENGINE_REFUSED_PAGE;

  @RequestMapping(PATH)
  String refused() {
    throw new ForbiddenException("forbidden.engine.webapp");
  }
}
