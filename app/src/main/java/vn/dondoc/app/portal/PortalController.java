package vn.dondoc.app.portal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
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
import vn.dondoc.app.agencies.ReferenceData;
import vn.dondoc.app.cases.CodedValue;
import vn.dondoc.app.cases.Labels;
import vn.dondoc.app.cases.Labels.Labelled;
import vn.dondoc.app.feedback.FeedbackField;
import vn.dondoc.app.feedback.FeedbackType;

/**
 * The public portal, without login: Thymeleaf renders each page in the visitor's language
 * ({@link PortalLocaleResolver}); the page's script then talks to the public JSON API (bearer-less,
 * stateless, so there is no session or cookie for a forged request to ride on, and no CSRF token).
 */
@Controller
@RequestMapping(produces = "text/html")
class PortalController {

  /** Every page, for the security chain and the language switch. */
  static final String[] PAGES = {"/", "/gui-phan-anh", "/theo-doi", "/tra-loi", "/tra-loi/*", "/sang-kien",
      "/dang-nhap-tam-ngung"};

  /** Labels the page scripts show (messages*.properties, keys portal.js.*). */
  private static final List<String> SCRIPT_LABELS = List.of("uploading", "uploaded", "upload-failed", "remove",
      "too-many-files", "network", "sending", "not-found", "empty", "total", "rating", "rated", "anonymous",
      "answered-at", "submitted-at", "decided-at", "field", "locality", "type", "proposer", "category", "tech-group",
      "status", "question", "answer", "open", "error-summary", "saved", "reply-sent", "rating-sent");

  private final MessageSource messages;
  private final Labels labels;
  private final ReferenceData reference;

  PortalController(MessageSource messages, Labels labels, ReferenceData reference) {
    this.messages = messages;
    this.labels = labels;
    this.reference = reference;
  }

  @GetMapping("/")
  String home(Model model) {
    return page(model, "home", "/");
  }

  @GetMapping("/gui-phan-anh")
  String send(Model model) {
    model.addAttribute("types", labelled(FeedbackType.values()));
    model.addAttribute("fields", labelled(FeedbackField.values()));
    model.addAttribute("localities", reference.localities());
    return page(model, "send", "/gui-phan-anh");
  }

  @GetMapping("/theo-doi")
  String follow(Model model) {
    return page(model, "follow", "/theo-doi");
  }

  @GetMapping("/tra-loi")
  String answers(Model model) {
    return page(model, "answers", "/tra-loi");
  }

  @GetMapping("/tra-loi/{code}")
  String answer(@PathVariable String code, Model model) {
    model.addAttribute("code", code);
    return page(model, "answer", "/tra-loi/" + code);
  }

  @GetMapping("/sang-kien")
  String initiatives(Model model) {
    return page(model, "initiatives", "/sang-kien");
  }

  /** Where a staff login lands while Keycloak does not answer (vn.dondoc.app.security.KeycloakLogin). */
  @GetMapping("/dang-nhap-tam-ngung")
  String loginUnavailable(Model model, HttpServletResponse response) {
    response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
    response.setHeader(HttpHeaders.RETRY_AFTER, "60");
    return page(model, "login-unavailable", "/dang-nhap-tam-ngung");
  }

  private String page(Model model, String name, String path) {
    Locale locale = LocaleContextHolder.getLocale();
    model.addAttribute("page", name);
    model.addAttribute("path", path);
    model.addAttribute("lang", locale.getLanguage());
    model.addAttribute("otherLang", "en".equals(locale.getLanguage()) ? "vi" : "en");
    model.addAttribute("script", scriptData(locale));
    return "portal/" + name;
  }

  /** What the page script needs: its labels and the closed lists' labels, in the page's language. */
  private Map<String, Object> scriptData(Locale locale) {
    Map<String, String> text = new LinkedHashMap<>();
    SCRIPT_LABELS.forEach(key -> text.put(key, messages.getMessage("portal.js." + key, null, key, locale)));
    Map<String, String> fields = new LinkedHashMap<>();
    labelled(FeedbackField.values()).forEach(l -> fields.put(l.code(), l.label()));
    Map<String, String> types = new LinkedHashMap<>();
    labelled(FeedbackType.values()).forEach(l -> types.put(l.code(), l.label()));
    Map<String, String> localities = new LinkedHashMap<>();
    reference.localities().forEach(l -> localities.put(l.code(), l.name()));
    return Map.of("lang", locale.getLanguage(), "text", text, "fields", fields, "types", types, "localities", localities);
  }

  private List<Labelled> labelled(CodedValue[] values) {
    return Arrays.stream(values).map(labels::of).toList();
  }
}
