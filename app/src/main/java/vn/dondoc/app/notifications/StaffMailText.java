package vn.dondoc.app.notifications;

import java.time.Instant;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;
import vn.dondoc.app.time.DisplayDates;
import vn.dondoc.app.time.HanoiTime;
import vn.dondoc.app.web.SiteProperties;

/**
 * The words of staff e-mails, in Vietnamese, as plain text and as HTML: the notification (its bilingual subject
 * and body as the inbox shows them) with the link to its case page, and a footer with the link to the
 * recipient's e-mail settings; a digest lists its notifications, oldest first, each with its link.
 */
@Component
@EnableConfigurationProperties(SiteProperties.class)
class StaffMailText {

  /** A staff e-mail ready for the queue. */
  record Mail(String subject, String text, String html) {}

  /** One notification of a digest. */
  record Item(String caseCode, String subject, String body, Instant at) {}

  private final MessageSource messages;
  private final String baseUrl;

  StaffMailText(MessageSource messages, SiteProperties site) {
    this.messages = messages;
    this.baseUrl = site.publicBaseUrl().replaceAll("/+$", "");
  }

  Mail one(String caseCode, String subject, String body) {
    String link = caseLink(caseCode);
    String text = body + "\n\n" + message("staff-mail.case-link", caseCode) + ": " + link
        + "\n\n-- \n" + footer();
    String html = page(paragraphs(body) + "<p><a href=\"" + HtmlUtils.htmlEscape(link) + "\">"
        + escape(message("staff-mail.case-link", caseCode)) + "</a></p>");
    return new Mail(subject, text, html);
  }

  /** A digest of {@code items} (oldest first), sent on {@code at}. */
  Mail digest(List<Item> items, Instant at) {
    String day = DisplayDates.DAY.format(at.atZone(HanoiTime.ZONE));
    String subject = message("staff-mail.digest.subject", day, items.size());
    StringBuilder text = new StringBuilder(message("staff-mail.digest.intro", day)).append("\n");
    StringBuilder html = new StringBuilder("<p>")
        .append(escape(message("staff-mail.digest.intro", day)))
        .append("</p><ol>");
    for (Item item : items) {
      String time = DisplayDates.DAY_AND_TIME.format(item.at().atZone(HanoiTime.ZONE));
      String link = caseLink(item.caseCode());
      text.append("\n")
          .append(time)
          .append(" – ")
          .append(item.subject())
          .append("\n")
          .append(item.body())
          .append("\n")
          .append(message("staff-mail.case-link", item.caseCode()))
          .append(": ")
          .append(link)
          .append("\n");
      html.append("<li><p><strong>")
          .append(escape(item.subject()))
          .append("</strong><br><small>")
          .append(time)
          .append("</small></p>")
          .append(paragraphs(item.body()))
          .append("<p><a href=\"")
          .append(HtmlUtils.htmlEscape(link))
          .append("\">")
          .append(escape(message("staff-mail.case-link", item.caseCode())))
          .append("</a></p></li>");
    }
    html.append("</ol>");
    text.append("\n-- \n").append(footer());
    return new Mail(subject, text.toString(), page(html.toString()));
  }

  private String caseLink(String caseCode) {
    return UriComponentsBuilder.fromUriString(baseUrl)
        .path("/ho-so/{code}")
        .buildAndExpand(caseCode)
        .toUriString();
  }

  private String footer() {
    return message("staff-mail.footer", baseUrl + StaffMailPage.PATH);
  }

  private String page(String content) {
    return "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"></head>"
        + "<body style=\"font-family: Arial, sans-serif; line-height: 1.5\">" + content
        + "<hr><p style=\"color: #555; font-size: small\">"
        + escape(message("staff-mail.footer.html")) + " <a href=\""
        + HtmlUtils.htmlEscape(baseUrl + StaffMailPage.PATH) + "\">"
        + escape(baseUrl + StaffMailPage.PATH)
        + "</a></p></body></html>";
  }

  /** Text as HTML paragraphs: a blank line parts them, a line break stays one. */
  private static String paragraphs(String text) {
    StringBuilder html = new StringBuilder();
    for (String paragraph : text.strip().split("\\R\\s*\\R")) {
      html.append("<p>")
          .append(escape(paragraph.strip()).replaceAll("\\R", "<br>"))
          .append("</p>");
    }
    return html.toString();
  }

  private static String escape(String text) {
    return HtmlUtils.htmlEscape(text, "UTF-8");
  }

  private String message(String key, Object... arguments) {
    return messages.getMessage(key, arguments, BilingualText.VIETNAMESE);
  }
}
