package vn.dondoc.app.portal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import vn.dondoc.app.feedback.FeedbackStartForm;

/**
 * The public portal, without login: Thymeleaf renders each page in the visitor's language
 * ({@link PortalLocaleResolver}); the page's script then talks to the public JSON API (bearer-less,
 * stateless, so there is no session or cookie for a forged request to ride on, and no CSRF token).
 */
@Controller
@RequestMapping(produces = "text/html")
class PortalController {

  /** Every page, for the security chain and the language switch. */
  static final String[] PAGES = {
    "/",
    "/gui-phan-anh",
    "/theo-doi",
    "/tra-loi",
    "/tra-loi/*",
    "/sang-kien",
    // pages of other capabilities with the portal's look: transparency figures, the innovator area
    "/so-lieu",
    "/sang-kien-cua-toi",
    "/sang-kien-cua-toi/**",
    "/dang-nhap-tam-ngung"
  };

  /**
   * The API's messages (predicates, shown after the field's label) that the page puts in place of form-js's
   * own English ones when it checks a field before sending: form-js rule → message key.
   */
  private static final Map<String, String> FORM_VALIDATION_MESSAGES = Map.of(
      "required",
      "validation.required",
      "maxLength",
      "validation.size.max.n",
      "email",
      "validation.email",
      "phone",
      "validation.phone",
      "pattern",
      "validation.value.invalid");

  private final PortalPages pages;
  private final MessageSource messages;
  private final FeedbackStartForm startForm;

  PortalController(PortalPages pages, MessageSource messages, FeedbackStartForm startForm) {
    this.pages = pages;
    this.messages = messages;
    this.startForm = startForm;
  }

  @GetMapping("/")
  String home(Model model) {
    return pages.render(model, "home", "/");
  }

  /** The feedback process's start form, rendered by form-js on the page ({@link FeedbackStartForm}). */
  @GetMapping("/gui-phan-anh")
  String send(Model model) {
    Locale locale = LocaleContextHolder.getLocale();
    Map<String, String> validation = new LinkedHashMap<>();
    FORM_VALIDATION_MESSAGES.forEach(
        (name, key) -> validation.put(name, messages.getMessage(key, null, key, locale)));
    model.addAttribute(
        "form",
        Map.of(
            "schema",
            startForm.schema(locale),
            "apiFields",
            FeedbackStartForm.API_FIELDS,
            "errorFields",
            FeedbackStartForm.API_ERROR_FIELDS,
            "validation",
            validation));
    return pages.render(model, "send", "/gui-phan-anh");
  }

  @GetMapping("/theo-doi")
  String follow(Model model) {
    return pages.render(model, "follow", "/theo-doi");
  }

  @GetMapping("/tra-loi")
  String answers(Model model) {
    return pages.render(model, "answers", "/tra-loi");
  }

  @GetMapping("/tra-loi/{code}")
  String answer(@PathVariable String code, Model model) {
    model.addAttribute("code", code);
    return pages.render(model, "answer", "/tra-loi/" + code);
  }

  @GetMapping("/sang-kien")
  String initiatives(Model model) {
    return pages.render(model, "initiatives", "/sang-kien");
  }

  /** Where a staff login lands while Keycloak does not answer (vn.dondoc.app.security.KeycloakLogin). */
  @GetMapping("/dang-nhap-tam-ngung")
  String loginUnavailable(Model model, HttpServletResponse response) {
    response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
    response.setHeader(HttpHeaders.RETRY_AFTER, "60");
    return pages.render(model, "login-unavailable", "/dang-nhap-tam-ngung");
  }
}
