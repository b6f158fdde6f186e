package vn.dondoc.app.feedback;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import vn.dondoc.app.attachments.AttachmentClaim;
import vn.dondoc.app.staff.StaffForms;

/**
 * What an officer types on the intake page for an item received by hotline, letter, e-mail or at the
 * counter, as typed (every value a text, checked by {@link FeedbackStaffIntake}).
 *
 * @param receivedOn the day it was received, yyyy-MM-dd (the date input) or dd/MM/yyyy
 * @param receivedTime the hour it was received, HH:mm; empty: now for today, the start of the day before
 * @param senderConsent the sender agreed that their details are kept and used to answer them
 */
public record StaffIntakeForm(
    String channel,
    String receivedOn,
    String receivedTime,
    String type,
    String field,
    String locality,
    String title,
    String content,
    String senderName,
    String senderEmail,
    String senderPhone,
    boolean senderConsent,
    boolean consentToPublish) {

  /** The form's fields as typed, in its order, to fill it in again after a refusal. */
  Map<String, String> typed() {
    Map<String, String> typed = StaffForms.typed(
        "channel",
        channel,
        "receivedOn",
        receivedOn,
        "receivedTime",
        receivedTime,
        "type",
        type,
        "field",
        field,
        "locality",
        locality,
        "title",
        title,
        "content",
        content,
        "senderName",
        senderName,
        "senderEmail",
        senderEmail,
        "senderPhone",
        senderPhone);
    typed.put("senderConsent", Boolean.toString(senderConsent));
    typed.put("consentToPublish", Boolean.toString(consentToPublish));
    return typed;
  }

  /** The submission the feedback service stores; codes that are not in the lists are left null (refused as missing). */
  FeedbackSubmission submission(List<AttachmentClaim> files) {
    return new FeedbackSubmission(
        coded(type, FeedbackType::fromCode),
        coded(field, FeedbackField::fromCode),
        locality,
        title,
        content,
        new FeedbackSubmission.Contact(senderName, optional(senderEmail), optional(senderPhone)),
        consentToPublish,
        files);
  }

  /** An optional field left empty is absent, as in the API's JSON. */
  private static String optional(String text) {
    return text == null || text.isBlank() ? null : text;
  }

  static <T> T coded(String code, Function<String, T> parse) {
    if (code == null || code.isBlank()) {
      return null;
    }
    try {
      return parse.apply(code.strip());
    } catch (IllegalArgumentException unknown) {
      return null;
    }
  }
}
