package vn.dondoc.app.staff;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.dondoc.app.web.ConflictException;
import vn.dondoc.app.web.ForbiddenException;
import vn.dondoc.app.web.InvalidFieldException;
import vn.dondoc.app.web.InvalidFieldsException;

/**
 * Post/redirect/get for staff forms. A rejected post goes back to the form's page with each message
 * next to its field ({@code errors}: field name to message, shown by {@code staff/layout :: field-error})
 * and what was typed ({@code values}); an accepted one tells staff.js to drop the form's kept draft
 * ({@code draftDone}) and shows a notice. All three are flash attributes, so the page URL stays a GET
 * that a re-login can come back to.
 */
@Component
public class StaffForms {

  private final MessageSource messages;

  StaffForms(MessageSource messages) {
    this.messages = messages;
  }

  /** The field's label followed by the service's message, e.g. "Tên tìm kiếm là bắt buộc". */
  public void rejected(
      RedirectAttributes redirect,
      InvalidFieldException e,
      String labelKey,
      Map<String, String> values) {
    rejected(
        redirect,
        e.field(),
        label(labelKey) + " " + message(e.messageKey(), e.arguments()),
        values);
  }

  /**
   * Every refused field's message next to it (all of them when the service found several), with what was typed.
   * With a label prefix each message follows its field's label ("Tên … là bắt buộc"); without one (null) the
   * messages stand alone, as a step form's do (whole sentences under their fields).
   */
  public void rejectedAll(
      RedirectAttributes redirect,
      InvalidFieldException e,
      String labelPrefix,
      Map<String, String> values) {
    Map<String, String> errors = new LinkedHashMap<>();
    for (InvalidFieldException one :
        e instanceof InvalidFieldsException several ? several.all() : List.of(e)) {
      String label = labelPrefix == null ? "" : label(labelPrefix + one.field()) + " ";
      errors.putIfAbsent(one.field(), label + message(one.messageKey(), one.arguments()));
    }
    redirect.addFlashAttribute("errors", errors);
    redirect.addFlashAttribute("values", new LinkedHashMap<>(values));
  }

  /** A message of its own (a whole sentence, e.g. a conflict) next to a field. */
  public void rejected(
      RedirectAttributes redirect, String field, String message, Map<String, String> values) {
    Map<String, String> errors = new LinkedHashMap<>();
    errors.put(field, message);
    redirect.addFlashAttribute("errors", errors);
    redirect.addFlashAttribute("values", new LinkedHashMap<>(values));
  }

  /** The post was taken: staff.js forgets the draft of the form {@code data-draft="formId"}. */
  public void accepted(
      RedirectAttributes redirect, String formId, String noticeKey, Object... arguments) {
    redirect.addFlashAttribute("draftDone", formId);
    redirect.addFlashAttribute("notice", message(noticeKey, arguments));
  }

  /**
   * A decision form's post: where it came from and goes, what was typed (field name to text; the first
   * is the decision, where a refusal is shown). Its fields are a step form's, whose messages are whole
   * sentences.
   */
  public record Post(String formPage, String donePage, String formId, Map<String, String> typed) {}

  /**
   * Runs a form's action with post/redirect/get and returns the redirect. Bad input goes back to the
   * form with each message next to its field; a refusal (403) next to the decision; a conflict (the case
   * has moved on meanwhile, e.g. decided in Tasklist) to the done page with the message as a notice;
   * success to the done page with {@code noticeKey}.
   */
  public String attempt(
      RedirectAttributes redirect,
      Post post,
      Runnable action,
      String noticeKey,
      Object... arguments) {
    try {
      action.run();
    } catch (InvalidFieldException e) {
      rejectedAll(redirect, e, null, post.typed());
      return "redirect:" + post.formPage();
    } catch (ForbiddenException e) {
      rejected(
          redirect, post.typed().keySet().iterator().next(), message(e.messageKey()), post.typed());
      return "redirect:" + post.formPage();
    } catch (ConflictException e) {
      redirect.addFlashAttribute("notice", message(e.messageKey()));
      return "redirect:" + post.donePage();
    }
    accepted(redirect, post.formId(), noticeKey, arguments);
    return "redirect:" + post.donePage();
  }

  /** What was typed into the named fields of a post, in that order (absent as empty). */
  public static Map<String, String> typed(HttpServletRequest request, List<String> names) {
    Map<String, String> typed = new LinkedHashMap<>();
    for (String name : names) {
      String value = request.getParameter(name);
      typed.put(name, value == null ? "" : value);
    }
    return typed;
  }

  /** What was typed, by field name in the form's order, from name-value pairs (null as empty). */
  public static Map<String, String> typed(String... namesAndValues) {
    Map<String, String> typed = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      typed.put(namesAndValues[i], namesAndValues[i + 1] == null ? "" : namesAndValues[i + 1]);
    }
    return typed;
  }

  public String message(String key, Object... arguments) {
    return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
  }

  private String label(String key) {
    return message(key);
  }
}
