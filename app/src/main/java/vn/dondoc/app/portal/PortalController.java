package vn.dondoc.app.portal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import vn.dondoc.app.agencies.ReferenceData;
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
      // pages of other capabilities with the portal's look: transparency figures, the innovator area
      "/so-lieu", "/sang-kien-cua-toi", "/sang-kien-cua-toi/**"};

  private final PortalPages pages;
  private final ReferenceData reference;

  PortalController(PortalPages pages, ReferenceData reference) {
    this.pages = pages;
    this.reference = reference;
  }

  @GetMapping("/")
  String home(Model model) {
    return pages.render(model, "home", "/");
  }

  @GetMapping("/gui-phan-anh")
  String send(Model model) {
    model.addAttribute("types", pages.labelled(FeedbackType.values()));
    model.addAttribute("fields", pages.labelled(FeedbackField.values()));
    model.addAttribute("localities", reference.localities());
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
}
