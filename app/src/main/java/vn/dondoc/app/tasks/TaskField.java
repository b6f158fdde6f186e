package vn.dondoc.app.tasks;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import vn.dondoc.app.cases.CodedValue;

/**
 * The field of a task: the sections of the 2026 appendix (DOMAIN.md §2.1.3), with digital
 * transformation split into its sub-sections. The evidence-verifier table reads it (databases go to Bộ
 * Công an, legal documents to Bộ Tư pháp). Labels: messages*.properties, key {@code TaskField.<code>}.
 */
public enum TaskField implements CodedValue {
  DIRECTION,
  INSTITUTIONS,
  HUMAN_RESOURCES,
  FINANCE,
  DIGITAL_INFRASTRUCTURE,
  ONLINE_SERVICES,
  PLATFORMS,
  DATABASES,
  INFORMATION_SECURITY,
  DIGITAL_TRANSFORMATION,
  SCIENCE_TECHNOLOGY,
  INTERNATIONAL;

  @JsonValue
  @Override
  public String code() {
    return name();
  }

  @JsonCreator
  public static TaskField fromCode(String code) {
    return CodedValue.byCode(TaskField.class, code);
  }
}
