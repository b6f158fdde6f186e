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
  private static final String SUBJECT_SEPARATOR = " / ";
  private static final String BODY_SEPARATOR = "\n\n---\n";

  /** A subject and a body, ready for {@link NotificationService}. */
  public record Text(String subject, String body) {}

  private final MessageSource messages;

  BilingualText(MessageSource messages) {
    this.messages = messages;
  }

  public Text render(String caseCode, String key, Object... arguments) {
    String subject =
        "[" + caseCode + "] " + messages.getMessage(key + ".subject", arguments, VIETNAMESE)
            + SUBJECT_SEPARATOR + messages.getMessage(key + ".subject", arguments, Locale.ENGLISH);
    String body = messages.getMessage(key + ".body", arguments, VIETNAMESE)
        + BODY_SEPARATOR
        + messages.getMessage(key + ".body", arguments, Locale.ENGLISH);
    return new Text(subject, body);
  }

  /**
   * What a page shows of a stored subject: the half in the reader's language, without the leading {@code [case code]}
   * (the page shows the case beside it). A subject written in one language only is shown as it is.
   */
  public static String subjectIn(String subject, Locale locale) {
    String text = subject.startsWith("[") && subject.indexOf("] ") > 0
        ? subject.substring(subject.indexOf("] ") + 2)
        : subject;
    int split = text.indexOf(SUBJECT_SEPARATOR);
    if (split < 0) {
      return text;
    }
    return english(locale)
        ? text.substring(split + SUBJECT_SEPARATOR.length())
        : text.substring(0, split);
  }

  /** What a page shows of a stored body: the part in the reader's language (Vietnamese above the rule, English below). */
  public static String bodyIn(String body, Locale locale) {
    int split = body.indexOf(BODY_SEPARATOR);
    if (split < 0) {
      return body;
    }
    return english(locale)
        ? body.substring(split + BODY_SEPARATOR.length())
        : body.substring(0, split);
  }

  private static boolean english(Locale locale) {
    return locale != null && "en".equals(locale.getLanguage());
  }
}
