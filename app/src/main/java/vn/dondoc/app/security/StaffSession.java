package vn.dondoc.app.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * How a staff page notices that its session has ended, so that nothing typed is lost: staff.js asks
 * {@link #PROBE} before it sends a form; when the session is gone it keeps the form's text in the
 * tab's sessionStorage and reloads the page, which goes through the Keycloak login and comes back to
 * the same page, where the text is put back (Spring's saved request replays only GETs, never a post).
 */
@RestController
public class StaffSession {

  /**
   * {@code {"signedIn": true|false}}: whether the browser has a signed-in session; never redirects (and
   * answers 200 either way, so that an ended session is no error in the browser's console).
   */
  public static final String PROBE = "/phien";

  /** "Việc của tôi", where staff land after signing in (staff.StaffNavigation#HOME, vn.dondoc.app.workspace). */
  public static final String STAFF_HOME = "/lam-viec";

  record Probe(boolean signedIn) {}

  @GetMapping(PROBE)
  ResponseEntity<Probe> probe(Authentication authentication) {
    return ResponseEntity.ok()
        .header("Cache-Control", "no-store")
        .body(new Probe(authentication instanceof OAuth2AuthenticationToken));
  }

  /**
   * A form posted without JavaScript, or in the moment the session ended, fails the CSRF check because
   * its token belonged to the old session. Rather than a bare 403, the person is sent back to the page
   * the form was on (same origin only): the login runs, and staff.js restores the text it kept. A CSRF
   * failure inside a live session stays a 403.
   */
  public static class ExpiredFormHandler implements AccessDeniedHandler {

    private final AccessDeniedHandler forbidden = new AccessDeniedHandlerImpl();

    @Override
    public void handle(
        HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
        throws IOException, jakarta.servlet.ServletException {
      Authentication current = SecurityContextHolder.getContext().getAuthentication();
      if (denied instanceof CsrfException && (current == null || !current.isAuthenticated())) {
        response.sendRedirect(formPage(request));
        return;
      }
      forbidden.handle(request, response, denied);
    }

    /** The path of the page the form came from, if it was one of ours; the workspace home otherwise. */
    static String formPage(HttpServletRequest request) {
      String referer = request.getHeader("Referer");
      if (referer != null && !request.getRequestURI().endsWith("/logout")) {
        try {
          URI from = URI.create(referer);
          if (request.getServerName().equalsIgnoreCase(from.getHost())
              && request.getServerPort() == port(from)
              && from.getRawPath() != null
              && from.getRawPath().startsWith("/")) {
            return from.getRawPath() + (from.getRawQuery() == null ? "" : "?" + from.getRawQuery());
          }
        } catch (IllegalArgumentException e) {
          // not a URI: fall through
        }
      }
      return request.getRequestURI().endsWith("/logout") ? "/" : STAFF_HOME;
    }

    private static int port(URI uri) {
      return uri.getPort() >= 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    }
  }
}
