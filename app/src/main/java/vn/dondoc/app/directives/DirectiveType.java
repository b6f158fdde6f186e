package vn.dondoc.app.directives;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import vn.dondoc.app.cases.CodedValue;

/** Kinds of instrument that assign tasks (DOMAIN.md §2.0). Labels: key {@code DirectiveType.<code>}. */
public enum DirectiveType implements CodedValue {
  RESOLUTION,
  CONCLUSION,
  REGULATION,
  PLAN,
  PROGRAMME,
  CONCLUSION_NOTICE,
  OFFICIAL_LETTER,
  GOVERNMENT_RESOLUTION,
  DECISION,
  DIRECTIVE,
  DISPATCH,
  NOTICE;

  @JsonValue
  @Override
  public String code() {
    return name();
  }

  @JsonCreator
  public static DirectiveType fromCode(String code) {
    return CodedValue.byCode(DirectiveType.class, code);
  }
}
