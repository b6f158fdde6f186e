package vn.dondoc.app.feedback;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.dondoc.app.attachments.AttachmentClaim;
import vn.dondoc.app.security.Caller;
import vn.dondoc.app.security.Roles;
import vn.dondoc.app.time.DisplayDates;
import vn.dondoc.app.time.HanoiTime;
import vn.dondoc.app.web.FieldProblems;
import vn.dondoc.app.web.ForbiddenException;
import vn.dondoc.app.web.InvalidFieldException;
import vn.dondoc.app.web.InvalidFieldsException;

/**
 * Staff intake: an officer of the standing office or of an agency records an item that reached them by
 * hotline, letter, e-mail or at the counter. Every problem of the form is refused at once, by the form's
 * field names, and nothing is stored; else the item takes the web item's path ({@link FeedbackService}),
 * its clock started when it was received.
 */
@Component
public class FeedbackStaffIntake {

  /** Who may record items for senders. */
  public static final String[] ROLES = {
    Roles.STANDING_OFFICE, Roles.AGENCY_OFFICER, Roles.AGENCY_LEADER
  };

  private static final DateTimeFormatter TYPED_DAY = DateTimeFormatter.ofPattern("d/M/uuuu");

  /** The submission's fields (Bean Validation's property paths) as the intake form names them. */
  private static final Map<String, String> FORM_FIELDS = Map.of(
      "contact.name",
      "senderName",
      "contact.email",
      "senderEmail",
      "contact.phone",
      "senderPhone",
      "attachments",
      "scan");

  private final FeedbackService service;
  private final Validator validator;
  private final Clock clock;
  private final Duration maxAge;

  FeedbackStaffIntake(
      FeedbackService service, Validator validator, Clock clock, FeedbackProperties settings) {
    this.service = service;
    this.validator = validator;
    this.clock = clock;
    this.maxAge = settings.intakeMaxAge();
  }

  public static boolean mayRecord(Caller caller) {
    return caller.hasAnyRole(ROLES);
  }

  /** The earliest day a receipt may be dated: older letters are not entered as if they had just arrived. */
  public LocalDate earliestDay() {
    return today().minusDays(maxAge.toDays());
  }

  public LocalDate today() {
    return LocalDate.now(clock.withZone(HanoiTime.ZONE));
  }

  /**
   * Records the item for its sender.
   *
   * @throws InvalidFieldException naming every refused field of the form
   */
  public FeedbackReceipt record(StaffIntakeForm form, List<AttachmentClaim> files, Caller officer) {
    if (!mayRecord(officer)) {
      throw new ForbiddenException("staff.error.forbidden");
    }
    FieldProblems problems = new FieldProblems();
    FeedbackChannel channel = StaffIntakeForm.coded(form.channel(), FeedbackChannel::fromCode);
    if (channel == null || channel == FeedbackChannel.WEB) {
      problems.add("channel", "validation.required");
    }
    Instant receivedAt = problems.check(() -> receivedAt(form.receivedOn(), form.receivedTime()));
    if (StaffIntakeForm.coded(form.type(), FeedbackType::fromCode) == null) {
      problems.add("type", "validation.required");
    }
    if (!form.senderConsent()) {
      problems.add("senderConsent", "validation.intake.consent");
    }
    FeedbackSubmission submission = form.submission(files);
    for (ConstraintViolation<FeedbackSubmission> violation : validator.validate(submission)) {
      String path = violation.getPropertyPath().toString();
      String field = FORM_FIELDS.getOrDefault(path.replaceAll("\\[\\d+].*", ""), path);
      Object max = violation.getConstraintDescriptor().getAttributes().get("max");
      String key = violation.getMessageTemplate().replaceAll("[{}]", "");
      switch (key) {
        case "validation.size.max" -> problems.add(field, "validation.size.max.n", max);
        case "validation.attachment.too-many.list" ->
          problems.add(field, "validation.attachment.too-many", max);
        default -> problems.add(field, key);
      }
    }
    problems.throwIfAny();
    try {
      return service.receiveOnBehalf(
          submission, channel, receivedAt, officer.username(), officer.name());
    } catch (InvalidFieldException refused) {
      throw onForm(refused);
    }
  }

  /**
   * When the item was received: the day at the hour typed; without an hour, now for today and the start
   * of an earlier day (its due date is the same whatever the hour). Not in the future, not before
   * {@link #earliestDay()}.
   */
  Instant receivedAt(String receivedOn, String receivedTime) {
    FieldProblems problems = new FieldProblems();
    LocalDate day = null;
    String typedDay = receivedOn == null ? "" : receivedOn.strip();
    if (typedDay.isEmpty()) {
      problems.add("receivedOn", "validation.required");
    } else {
      try {
        day = typedDay.contains("/")
            ? LocalDate.parse(typedDay, TYPED_DAY)
            : LocalDate.parse(typedDay);
      } catch (DateTimeParseException e) {
        problems.add("receivedOn", "validation.directive.date");
      }
    }
    LocalTime time = null;
    if (receivedTime != null && !receivedTime.isBlank()) {
      try {
        time = LocalTime.parse(receivedTime.strip());
      } catch (DateTimeParseException e) {
        problems.add("receivedTime", "validation.intake.time");
      }
    }
    problems.throwIfAny();
    Instant now = clock.instant();
    if (day.isAfter(today())) {
      problems.add("receivedOn", "validation.date.future");
    } else if (day.isBefore(earliestDay())) {
      problems.add(
          "receivedOn", "validation.intake.too-old", DisplayDates.DAY.format(earliestDay()));
    }
    problems.throwIfAny();
    Instant at = time != null
        ? day.atTime(time).atZone(HanoiTime.ZONE).toInstant()
        : day.equals(today()) ? now : day.atStartOfDay(HanoiTime.ZONE).toInstant();
    if (at.isAfter(now)) {
      problems.add("receivedTime", "validation.intake.time-future");
    }
    problems.throwIfAny();
    return at;
  }

  /** The service's refusal (locality, contact) moved onto the form's fields. */
  private static InvalidFieldException onForm(InvalidFieldException refused) {
    FieldProblems problems = new FieldProblems();
    List<InvalidFieldException> all =
        refused instanceof InvalidFieldsException several ? several.all() : List.of(refused);
    for (InvalidFieldException one : all) {
      if ("contact".equals(one.field())) {
        problems.add(
            "senderEmail", "validation.intake.unreachable"); // worded for the e-mail field's label
      } else {
        String field = one.field().replaceAll("\\[\\d+].*", "");
        problems.add(FORM_FIELDS.getOrDefault(field, field), one.messageKey(), one.arguments());
      }
    }
    problems.throwIfAny();
    throw refused;
  }
}
