package vn.dondoc.app.portal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import vn.dondoc.app.agencies.ReferenceData;
import vn.dondoc.app.attachments.AttachmentService;
import vn.dondoc.app.cases.CodedValue;
import vn.dondoc.app.cases.Labels;
import vn.dondoc.app.cases.Labels.Labelled;
import vn.dondoc.app.feedback.FeedbackField;
import vn.dondoc.app.feedback.FeedbackStatus;
import vn.dondoc.app.feedback.FeedbackType;

/**
 * What every page with the portal's look needs (templates/portal/fragments.html): its name for the
 * navigation, its path for the language switch, the language, and the page script's labels. Pages of
 * other capabilities (the transparency page, the innovator area) render through it too.
 */
@Component
public class PortalPages {

  /** Labels the page scripts show (messages*.properties, keys portal.js.*). */
  private static final List<String> SCRIPT_LABELS = List.of(
      "uploading",
      "uploaded",
      "upload-failed",
      "remove",
      "too-many-files",
      "network",
      "sending",
      "not-found",
      "empty",
      "total",
      "rating",
      "rated",
      "anonymous",
      "answered-at",
      "submitted-at",
      "decided-at",
      "field",
      "locality",
      "type",
      "proposer",
      "category",
      "tech-group",
      "status",
      "question",
      "answer",
      "open",
      "error-summary",
      "saved",
      "reply-sent",
      "rating-sent",
      "choose",
      "search",
      "no-results",
      "file-too-large",
      "file-type",
      "cancel",
      "count",
      "over-limit",
      "code-empty",
      "secret-empty",
      "next");

  private final MessageSource messages;
  private final Labels labels;
  private final ReferenceData reference;
  private final AttachmentService attachments;

  PortalPages(
      MessageSource messages,
      Labels labels,
      ReferenceData reference,
      AttachmentService attachments) {
    this.messages = messages;
    this.labels = labels;
    this.reference = reference;
    this.attachments = attachments;
  }

  /**
   * Fills the model for template {@code portal/<name>} and returns that view name. {@code path} is the
   * page's own address, query included, that the language switch reloads with {@code lang}.
   */
  public String render(Model model, String name, String path) {
    Locale locale = LocaleContextHolder.getLocale();
    model.addAttribute("page", name);
    model.addAttribute("path", path);
    model.addAttribute("lang", locale.getLanguage());
    model.addAttribute("otherLang", "en".equals(locale.getLanguage()) ? "vi" : "en");
    model.addAttribute("script", scriptData(locale));
    model.addAttribute("signedInName", signedInName());
    return "portal/" + name;
  }

  /** The name of the person signed in through the browser login (OIDC), or null for a visitor. */
  private static String signedInName() {
    Authentication session = SecurityContextHolder.getContext().getAuthentication();
    if (session instanceof OAuth2AuthenticationToken token
        && token.getPrincipal() instanceof OidcUser user) {
      return user.getFullName() != null ? user.getFullName() : user.getName();
    }
    return null;
  }

  /** A closed list's values with their labels in the request's language. */
  public List<Labelled> labelled(CodedValue[] values) {
    return Arrays.stream(values).map(labels::of).toList();
  }

  /** What the page script needs: its labels and the closed lists' labels, in the page's language. */
  private Map<String, Object> scriptData(Locale locale) {
    Map<String, String> text = new LinkedHashMap<>();
    SCRIPT_LABELS.forEach(
        key -> text.put(key, messages.getMessage("portal.js." + key, null, key, locale)));
    Map<String, String> fields = new LinkedHashMap<>();
    labelled(FeedbackField.values()).forEach(l -> fields.put(l.code(), l.label()));
    Map<String, String> types = new LinkedHashMap<>();
    labelled(FeedbackType.values()).forEach(l -> types.put(l.code(), l.label()));
    Map<String, String> next = new LinkedHashMap<>();
    Arrays.stream(FeedbackStatus.values())
        .forEach(status -> next.put(status.code(), labels.next(status)));
    Map<String, String> localities = new LinkedHashMap<>();
    reference.localities().forEach(l -> localities.put(l.code(), l.name()));
    // The upload limits the server enforces, so that the page refuses a file before it travels.
    return Map.of(
        "lang",
        locale.getLanguage(),
        "text",
        text,
        "fields",
        fields,
        "types",
        types,
        "localities",
        localities,
        "uploads",
        attachments.limits(),
        "next",
        next);
  }
}
