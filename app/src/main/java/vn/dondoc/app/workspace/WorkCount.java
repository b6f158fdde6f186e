package vn.dondoc.app.workspace;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import vn.dondoc.app.security.Caller;
import vn.dondoc.app.staff.StaffPage;

/** The number of steps waiting for the caller, beside "Việc của tôi" in the menu of every staff page. */
@ControllerAdvice(annotations = StaffPage.class)
class WorkCount {

  private final MyWork work;

  WorkCount(MyWork work) {
    this.work = work;
  }

  @ModelAttribute("workCount")
  long workCount(Authentication authentication) {
    return work.count(Caller.of(authentication));
  }
}
