package vn.dondoc.app.staff;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;
import vn.dondoc.app.agencies.ReferenceData;
import vn.dondoc.app.security.Caller;
import vn.dondoc.app.security.Roles;
import vn.dondoc.app.web.CaseNotFoundException;
import vn.dondoc.app.web.ForbiddenException;
import vn.dondoc.app.web.NotFoundException;
import vn.dondoc.app.web.ServiceUnavailableException;

/**
 * What every staff page's layout needs, for controllers marked {@link StaffPage}; and their error
 * pages: a case the caller may not see is "not found" (404) like one that does not exist, and a
 * service that is down says so (503), both inside the staff layout. Ordered before the API's problem
 * JSON handler, which covers the same packages.
 */
@ControllerAdvice(annotations = StaffPage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class StaffPageModel {

  static final String NOT_STAFF = "staff.error.not-staff";

  private final ReferenceData reference;
  private final InboxCount inbox;

  StaffPageModel(ReferenceData reference, InboxCount inbox) {
    this.reference = reference;
    this.inbox = inbox;
  }

  /** The signed-in person and the names of their agencies, as the header shows them. */
  record SignedIn(Caller caller, List<String> agencyNames) {}

  @ExceptionHandler({CaseNotFoundException.class, NotFoundException.class})
  ModelAndView notFound(Authentication authentication, HttpServletRequest request) {
    return error(HttpStatus.NOT_FOUND, "staff.error.not-found", authentication, request);
  }

  @ExceptionHandler(ForbiddenException.class)
  ModelAndView forbidden(
      ForbiddenException e, Authentication authentication, HttpServletRequest request) {
    return error(HttpStatus.FORBIDDEN, e.messageKey(), authentication, request);
  }

  @ExceptionHandler(ServiceUnavailableException.class)
  ModelAndView unavailable(
      ServiceUnavailableException e, Authentication authentication, HttpServletRequest request) {
    return error(HttpStatus.SERVICE_UNAVAILABLE, e.messageKey(), authentication, request);
  }

  private ModelAndView error(
      HttpStatus status,
      String messageKey,
      Authentication authentication,
      HttpServletRequest request) {
    ModelAndView view = new ModelAndView("staff/error", status);
    Model model = new ExtendedModelMap();
    layout(model, authentication, request);
    model.addAttribute("page", "error");
    model.addAttribute("messageKey", messageKey);
    view.addAllObjects(model.asMap());
    return view;
  }

  /** Staff pages are for staff and experts: a citizen or an innovator gets a 403 that says where their pages are. */
  @ModelAttribute
  void staffOnly(Authentication authentication, HttpServletRequest request) {
    if (request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE)
        instanceof HandlerMethod handler) {
      StaffPage page = handler.getBeanType().getAnnotation(StaffPage.class);
      Caller caller = Caller.of(authentication);
      if (page != null
          && !page.everyoneSignedIn()
          && caller.username() != null
          && !caller.hasAnyRole(Roles.STAFF)
          && !caller.hasRole(Roles.EXPERT)) {
        throw new ForbiddenException(NOT_STAFF);
      }
    }
  }

  @ModelAttribute
  void layout(Model model, Authentication authentication, HttpServletRequest request) {
    Caller caller = Caller.of(authentication);
    String lang = LocaleContextHolder.getLocale().getLanguage();
    String other = "en".equals(lang) ? "vi" : "en";
    model.addAttribute("caller", caller);
    model.addAttribute(
        "signedIn",
        new SignedIn(
            caller,
            caller.agencies().stream()
                .map(code -> reference.agencyName(code).orElse(code))
                .toList()));
    model.addAttribute("nav", StaffNavigation.visibleTo(caller));
    model.addAttribute(
        "inboxUnread", caller.username() == null ? 0L : inbox.unread(authentication));
    model.addAttribute("lang", "en".equals(lang) ? "en" : "vi");
    model.addAttribute("otherLang", other);
    model.addAttribute(
        "otherLangUrl",
        UriComponentsBuilder.fromPath(request.getRequestURI())
            .query(request.getQueryString())
            .replaceQueryParam("lang", other)
            // "continue" marks Spring Security's return after a login; it means nothing afterwards.
            .replaceQueryParam("continue")
            .build(true)
            .toUriString());
    if (!model.containsAttribute("errors")) {
      model.addAttribute("errors", Map.of());
    }
    if (!model.containsAttribute("values")) {
      model.addAttribute("values", Map.of());
    }
  }
}
