package vn.dondoc.app.feedback;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import vn.dondoc.app.cases.CodedValue;
import vn.dondoc.app.tasks.TaskField;

/**
 * The seven content fields of PAKN (DOMAIN.md §2.5.1). Labels: messages*.properties, key {@code FeedbackField.<code>}.
 * Each belongs to a field of the task appendix ({@link #taskField()}): the programme's one vocabulary of fields, the
 * code search indexes and the supervisor's boards count under, so that "Thể chế" (a sender's word) and "Thể chế, quy
 * định, quy trình" (a task's) are one field to staff.
 */
public enum FeedbackField implements CodedValue {
  INSTITUTIONS("institutions", TaskField.INSTITUTIONS),
  SUPPORT_POLICY("support-policy", TaskField.SCIENCE_TECHNOLOGY),
  ADMINISTRATIVE_PROCEDURES("administrative-procedures", TaskField.ONLINE_SERVICES),
  DIGITAL_INFRASTRUCTURE("digital-infrastructure", TaskField.DIGITAL_INFRASTRUCTURE),
  DATA_GOVERNANCE("data-governance", TaskField.DATABASES),
  INFORMATION_SECURITY("information-security", TaskField.INFORMATION_SECURITY),
  DIGITAL_SKILLS("digital-skills", TaskField.HUMAN_RESOURCES);

  private final String code;
  private final TaskField taskField;

  FeedbackField(String code, TaskField taskField) {
    this.code = code;
    this.taskField = taskField;
  }

  @JsonValue
  @Override
  public String code() {
    return code;
  }

  /** The field of the programme's vocabulary (the task appendix's) this field belongs to. */
  public TaskField taskField() {
    return taskField;
  }

  /**
   * The vocabulary code of a stored feedback field code (what search indexes and filters on); a code that is
   * not a feedback field's (null, or already a vocabulary code) is returned as it is.
   */
  public static String vocabularyCode(String stored) {
    for (FeedbackField field : values()) {
      if (field.code.equals(stored)) {
        return field.taskField.code();
      }
    }
    return stored;
  }

  @JsonCreator
  public static FeedbackField fromCode(String code) {
    return CodedValue.byCode(FeedbackField.class, code);
  }
}
