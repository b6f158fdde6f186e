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

  /**
   * The field an appendix item's code suggests, by the 2026 appendix's sections (1 direction … 7
   * international; 5.a–5.e the parts of digital transformation); null when the code does not say.
   */
  public static TaskField ofAppendixCode(String code) {
    String[] parts = code == null ? new String[0] : code.split("\\.");
    if (parts.length == 0) {
      return null;
    }
    return switch (parts[0]) {
      case "1" -> DIRECTION;
      case "2" -> INSTITUTIONS;
      case "3" -> HUMAN_RESOURCES;
      case "4" -> FINANCE;
      case "5" ->
        parts.length < 2
            ? DIGITAL_TRANSFORMATION
            : switch (parts[1]) {
              case "a" -> DIGITAL_INFRASTRUCTURE;
              case "b" -> ONLINE_SERVICES;
              case "c" -> PLATFORMS;
              case "d" -> DATABASES;
              case "đ" -> INFORMATION_SECURITY;
              default -> DIGITAL_TRANSFORMATION;
            };
      case "6" -> SCIENCE_TECHNOLOGY;
      case "7" -> INTERNATIONAL;
      default -> null;
    };
  }

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
