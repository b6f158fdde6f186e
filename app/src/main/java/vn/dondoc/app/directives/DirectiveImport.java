package vn.dondoc.app.directives;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import vn.dondoc.app.agencies.ReferenceData;
import vn.dondoc.app.time.DeadlineParser.Kind;
import vn.dondoc.app.web.InvalidFieldException;

/**
 * Reads a directive's appendix into draft tasks. Stateless: nothing is stored; the drafts go back to the
 * page, where people correct them before the tasks are issued.
 */
@Service
public class DirectiveImport {

  /** Appendices are a few pages; a megabyte of text is far beyond any. */
  static final int MAX_TEXT_BYTES = 1024 * 1024;

  /**
   * Party symbols "17-TB/CQTTBCĐ" and State symbols "71/NQ-CP", "66.7/2025/NQ-CP" (DOMAIN.md §3.7),
   * issuers in capitals with Đ.
   */
  static final Pattern NUMBER = Pattern.compile(
      "^\\d+(\\.\\d+)?-\\p{Lu}[\\p{Lu}\\p{Ll}]*/[\\p{Lu}Đ][\\p{Lu}\\p{Ll}Đ-]*$"
          + "|^\\d+(\\.\\d+)?(/\\d{4})?/[\\p{Lu}Đ][\\p{Lu}\\p{Ll}Đ]*(-[\\p{Lu}Đ][\\p{Lu}\\p{Ll}Đ]*)*$");

  private static final DateTimeFormatter VIETNAMESE_DATE =
      DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);

  private final ReferenceData referenceData;

  public DirectiveImport(ReferenceData referenceData) {
    this.referenceData = referenceData;
  }

  /** The directive the appendix belongs to, as the caller gave it. */
  public record Directive(String type, String number, String date, String issuer, String title) {}

  /** The directive with its date read; the drafts; and what needs a person's attention. */
  public record Result(DirectiveView directive, List<DraftTask> drafts, Summary summary) {}

  public record DirectiveView(
      String type, String number, LocalDate date, String issuer, String title) {}

  /** Counts over the drafts; {@code flags} counts drafts per flag name (values such as agency names left out). */
  public record Summary(
      int drafts,
      int flagged,
      int withDueDate,
      int recurring,
      int withoutDeadline,
      int collectiveLead,
      Map<String, Integer> flags) {}

  /**
   * @param textField the name of the field the text came in ("appendixText" or "file"), for error messages
   */
  public Result read(Directive directive, String text, String textField) {
    DirectiveView header = header(directive);
    List<DraftTask> drafts = drafts(text, textField);
    return new Result(header, drafts, summary(drafts));
  }

  /** The draft tasks of a directive's text, whose header is read apart (the desk reads it from the text). */
  List<DraftTask> drafts(String text, String textField) {
    if (text == null || text.isBlank()) {
      throw new InvalidFieldException(textField, "validation.required");
    }
    if (text.getBytes(StandardCharsets.UTF_8).length > MAX_TEXT_BYTES) {
      throw new InvalidFieldException(
          textField, "validation.text.too-large", MAX_TEXT_BYTES / 1024 / 1024);
    }
    return new AppendixParser(new AgencyMatcher(referenceData.agencies())).parse(text);
  }

  /** The directive's header checked (number as a symbol, a real date), before a long read of its document starts. */
  DirectiveView header(Directive directive) {
    if (directive == null) {
      throw new InvalidFieldException("directive", "validation.required");
    }
    if (directive.number() == null || directive.number().isBlank()) {
      throw new InvalidFieldException("directive.number", "validation.required");
    }
    if (!NUMBER.matcher(directive.number().strip()).matches()) {
      throw new InvalidFieldException("directive.number", "validation.directive.number");
    }
    LocalDate date = date(directive.date());
    return new DirectiveView(
        directive.type(), directive.number().strip(), date, directive.issuer(), directive.title());
  }

  private static LocalDate date(String written) {
    if (written == null || written.isBlank()) {
      throw new InvalidFieldException("directive.date", "validation.required");
    }
    try {
      return written.contains("/")
          ? LocalDate.parse(written.strip(), VIETNAMESE_DATE)
          : LocalDate.parse(written.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidFieldException("directive.date", "validation.directive.date");
    }
  }

  static Summary summary(List<DraftTask> drafts) {
    Map<String, Integer> flags = new TreeMap<>();
    drafts.forEach(d -> d.flags().stream()
        .map(f -> f.contains(":") ? f.substring(0, f.indexOf(':')) : f)
        .distinct()
        .forEach(f -> flags.merge(f, 1, Integer::sum)));
    return new Summary(
        drafts.size(),
        (int) drafts.stream().filter(d -> !d.flags().isEmpty()).count(),
        (int) drafts.stream().filter(d -> d.deadline().dueDate() != null).count(),
        (int) drafts.stream().filter(d -> d.deadline().kind() == Kind.RECURRING).count(),
        (int) drafts.stream()
            .filter(d -> d.deadline().kind() == Kind.DEADLINE && d.deadline().dueDate() == null)
            .count(),
        (int) drafts.stream()
            .filter(d -> d.lead() != null && d.lead().generic() != null)
            .count(),
        flags);
  }
}
