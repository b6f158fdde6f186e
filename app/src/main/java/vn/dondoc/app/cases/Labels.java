package vn.dondoc.app.cases;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** A closed-list value with its label in the caller's language (Vietnamese unless Accept-Language asks otherwise). */
@Component
public class Labels {

  public record Labelled(String code, String label) {}

  private final MessageSource messages;

  Labels(MessageSource messages) {
    this.messages = messages;
  }

  /**
   * For a status: what happens next and who acts, told to the case's owner (key {@code <messageKey>.next}), one
   * sentence used wherever the owner reads the status; null for a value that has none.
   */
  public String next(CodedValue status) {
    return status == null
        ? null
        : messages.getMessage(
            status.messageKey() + ".next", null, null, LocaleContextHolder.getLocale());
  }

  public Labelled of(CodedValue value) {
    return value == null
        ? null
        : new Labelled(
            value.code(),
            messages.getMessage(
                value.messageKey(), null, value.code(), LocaleContextHolder.getLocale()));
  }
}
