package vn.dondoc.app.forms;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of FEEL that our forms' {@code conditional.hide} expressions use, evaluated on the server so
 * that it checks exactly the fields form-js shows: {@code a = "x"}, {@code a != "x"}, {@code a = null},
 * {@code not(a)}, joined by {@code or} / {@code and}. A form with any other expression is refused when the
 * forms are loaded (a test loads them all), rather than guessed at.
 */
final class FormCondition {

  private static final Pattern COMPARISON =
      Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)\\s*(!=|=)\\s*(null|\"[^\"]*\"|true|false)$");
  private static final Pattern NEGATION =
      Pattern.compile("^not\\(\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\)$");

  /** A disjunction of conjunctions of terms. */
  private final List<List<Term>> anyOf;

  private record Term(String variable, boolean negated, boolean equals, Object literal) {

    boolean holds(Map<String, Object> data) {
      Object value = data.get(variable);
      if (negated) {
        return !truthy(value);
      }
      boolean same = Objects.equals(normalise(value), literal);
      return equals == same;
    }

    private static Object normalise(Object value) {
      return value instanceof String s && s.isEmpty() ? null : value;
    }

    private static boolean truthy(Object value) {
      return value != null && !Boolean.FALSE.equals(value) && !"".equals(value);
    }
  }

  private FormCondition(List<List<Term>> anyOf) {
    this.anyOf = anyOf;
  }

  /** Parses {@code =expression}; throws IllegalArgumentException for anything outside the subset. */
  static FormCondition parse(String expression) {
    String body = expression.strip();
    if (!body.startsWith("=")) {
      throw new IllegalArgumentException("not a FEEL expression: " + expression);
    }
    List<List<Term>> anyOf = new ArrayList<>();
    for (String alternative : body.substring(1).split("\\s+or\\s+")) {
      List<Term> allOf = new ArrayList<>();
      for (String term : alternative.split("\\s+and\\s+")) {
        allOf.add(term(term.strip(), expression));
      }
      anyOf.add(allOf);
    }
    return new FormCondition(anyOf);
  }

  private static Term term(String text, String expression) {
    Matcher negation = NEGATION.matcher(text);
    if (negation.matches()) {
      return new Term(negation.group(1), true, false, null);
    }
    Matcher comparison = COMPARISON.matcher(text);
    if (!comparison.matches()) {
      throw new IllegalArgumentException("unsupported condition '" + text + "' in " + expression);
    }
    String literal = comparison.group(3);
    Object value = switch (literal) {
      case "null" -> null;
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> literal.substring(1, literal.length() - 1);
    };
    return new Term(comparison.group(1), false, "=".equals(comparison.group(2)), value);
  }

  boolean holds(Map<String, Object> data) {
    return anyOf.stream().anyMatch(allOf -> allOf.stream().allMatch(term -> term.holds(data)));
  }
}
