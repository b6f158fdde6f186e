package vn.dondoc.app.portal;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * The language of a request. The API keeps answering in the language of Accept-Language (Vietnamese
 * when there is none). Pages are Vietnamese unless the visitor chose English with {@code ?lang=en}
 * (remembered in the cookie {@value #COOKIE}): a browser's Accept-Language does not switch them,
 * because the portal is a Vietnamese public service first.
 */
public class PortalLocaleResolver implements LocaleResolver {

  public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
  static final String COOKIE = "dondoc-lang";
  private static final String CHOSEN = PortalLocaleResolver.class.getName() + ".CHOSEN";

  private final AcceptHeaderLocaleResolver api = new AcceptHeaderLocaleResolver();

  public PortalLocaleResolver() {
    api.setDefaultLocale(VIETNAMESE);
  }

  @Override
  public Locale resolveLocale(HttpServletRequest request) {
    if (isApi(request)) {
      return api.resolveLocale(request);
    }
    if (request.getAttribute(CHOSEN) instanceof Locale chosen) {
      return chosen;
    }
    if (request.getCookies() != null) {
      for (Cookie cookie : request.getCookies()) {
        if (COOKIE.equals(cookie.getName())) {
          return supported(cookie.getValue());
        }
      }
    }
    return VIETNAMESE;
  }

  /** Called by the {@code lang} parameter ({@link PortalWebConfig}): remembers vi or en for a year. */
  @Override
  public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
    Locale chosen = supported(locale == null ? null : locale.getLanguage());
    request.setAttribute(CHOSEN, chosen);
    if (response != null) {
      Cookie cookie = new Cookie(COOKIE, chosen.getLanguage());
      cookie.setPath("/");
      cookie.setMaxAge(365 * 24 * 3600);
      cookie.setHttpOnly(true);
      cookie.setAttribute("SameSite", "Lax");
      response.addCookie(cookie);
    }
  }

  static Locale supported(String language) {
    return "en".equalsIgnoreCase(language) ? Locale.ENGLISH : VIETNAMESE;
  }

  private static boolean isApi(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.startsWith("/api/")
        || path.startsWith("/actuator")
        || path.startsWith("/engine-rest");
  }
}
