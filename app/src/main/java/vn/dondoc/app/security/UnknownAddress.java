package vn.dondoc.app.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.RequestPath;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * A GET of an address no page answers (a mistyped or outdated link): the security chain lets it through so
 * that the visitor sees the portal's "page not found" ({@link PortalErrorViews}) instead of the staff login.
 * Addresses served outside Spring MVC (the Camunda webapps, the login's own) are never matched.
 */
@Component
public class UnknownAddress implements RequestMatcher {

  private static final List<String> SERVED_ELSEWHERE =
      List.of("/camunda", "/engine-rest", "/oauth2/", "/login", "/logout");

  private final RequestMappingHandlerMapping pages;

  UnknownAddress(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping pages) {
    this.pages = pages;
  }

  @Override
  public boolean matches(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!HttpMethod.GET.matches(request.getMethod())
        || SERVED_ELSEWHERE.stream().anyMatch(path::startsWith)) {
      return false;
    }
    // The handler mapping reads the parsed path, which the DispatcherServlet only sets later: set
    // it for the look-up.
    RequestPath parsed = ServletRequestPathUtils.hasParsedRequestPath(request)
        ? ServletRequestPathUtils.getParsedRequestPath(request)
        : null;
    ServletRequestPathUtils.parseAndCache(request);
    try {
      return pages.getHandler(request) == null;
    } catch (Exception e) {
      return false; // an address some page answers, by another method or media type: its own rules
      // apply
    } finally {
      if (parsed == null) {
        ServletRequestPathUtils.clearParsedRequestPath(request);
      } else {
        ServletRequestPathUtils.setParsedRequestPath(parsed, request);
      }
    }
  }
}
