package vn.dondoc.app.notifications;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Notification texts from the message bundles, in Vietnamese with the English below: the subject
 * {@code [case code] <key>.subject} in both languages, the body {@code <key>.body} in Vietnamese, a
 * rule, then in English. Arguments may be {@link org.springframework.context.MessageSourceResolvable}s, which are
 * resolved in each language (a stage's name, a deadline).
 */
@Component
public class BilingualText {

  static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

  /** A subject and a body, ready for {@link NotificationService}. */
  public record Text(String subject, String body) {}

  private final MessageSource messages;

  BilingualText(MessageSource messages) {
    this.messages = messages;
  }

  public Text render(String caseCode, String key, Object... arguments) {
    String subject = "[" + caseCode + "] " + messages.getMessage(key + ".subject", arguments, VIETNAMESE) + " / "
        + messages.getMessage(key + ".subject", arguments, Locale.ENGLISH);
    String body = messages.getMessage(key + ".body", arguments, VIETNAMESE) + "\n\n---\n"
        + messages.getMessage(key + ".body", arguments, Locale.ENGLISH);
    return new Text(subject, body);
  }
}
