package vn.dondoc.app.directives;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.dondoc.app.time.DeadlineParser.Kind;

/**
 * Scores the appendix reader against the labelled texts of src/test/resources/directives (see README.md
 * there): lead, co-operating agencies, date and kind, and the dates that are wrong with no flag at all.
 * Run by {@link DirectiveEvaluationTest}; its figures go to docs/PERFORMANCE.md "Directive import".
 */
final class DirectiveEvaluation {

  static final Path RESOURCES = Path.of(
      System.getProperty("dondoc.repository", ".."),
      "app",
      "src",
      "test",
      "resources",
      "directives");
  static final Path SHARED_SOURCES =
      Path.of(System.getProperty("dondoc.repository", ".."), "..", "shared", "sources");

  /** One labelled task. {@code lead}: agency code, collective name or the organisation as written; "-" for none. */
  record Label(
      String code,
      String lead,
      Set<String> coOperating,
      LocalDate date,
      String kind,
      String deadlineText) {}

  /** One text of the set: where it is read from, from which line on, and its labels. */
  record Document(String set, String name, String text, List<Label> labels) {}

  /** Counts over one set of documents. */
  record Score(
      String set,
      int labelled,
      int found,
      int extra,
      int leadPredicted,
      int leadLabelled,
      int leadRight,
      int coPredicted,
      int coLabelled,
      int coRight,
      int datePredicted,
      int dateLabelled,
      int dateRight,
      int kindRight,
      int bothRight,
      int wrongDates,
      int silentlyWrongDates,
      List<String> misses) {

    String row() {
      return String.format(
          Locale.ROOT,
          "| %s | %d | %d | %d | %s / %s | %s / %s | %s / %s | %s | %d (%s) | %d | %d |",
          set,
          labelled,
          found,
          extra,
          pct(leadRight, leadPredicted),
          pct(leadRight, leadLabelled),
          pct(coRight, coPredicted),
          pct(coRight, coLabelled),
          pct(dateRight, datePredicted),
          pct(dateRight, dateLabelled),
          pct(kindRight, labelled),
          bothRight,
          pct(bothRight, labelled),
          wrongDates,
          silentlyWrongDates);
    }

    static String header() {
      return "| set | tasks labelled | found | extra drafts | lead P / R | co-operating P / R | date P / R | kind right | lead+deadline right | wrong dates | silently wrong |\n"
          + "|---|---|---|---|---|---|---|---|---|---|---|";
    }
  }

  private static String pct(int part, int whole) {
    return whole == 0 ? "–" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
  }

  /** Flags that tell a person to check the deadline: a wrong date under one of them is not silent. */
  private static final Set<String> DEADLINE_FLAGS = Set.of(
      "AMBIGUOUS_DEADLINE",
      "SHARED_DEADLINE",
      "SPLIT_BY_DEADLINE",
      "ALSO_RECURRING",
      "DATE_NOT_DEADLINE",
      "DURATION_WITHOUT_START",
      "NO_DEADLINE",
      "DEADLINE_WITHOUT_VERB");

  static List<Document> documents() {
    List<Document> documents = new ArrayList<>();
    for (String line : lines(RESOURCES.resolve("sets.tsv"))) {
      String[] f = line.split("\t");
      Path source = f[1].startsWith("shared:")
          ? SHARED_SOURCES.resolve(f[1].substring(7))
          : RESOURCES.resolve(f[1]);
      List<String> text = lines(source, false);
      int from = 0;
      while (from < text.size() && !text.get(from).contains(f[2])) {
        from++;
      }
      documents.add(new Document(
          f[0],
          f[1],
          String.join("\n", text.subList(from, text.size())),
          labels(RESOURCES.resolve(f[3]))));
    }
    return documents;
  }

  private static List<Label> labels(Path file) {
    return lines(file).stream()
        .map(line -> line.split("\t", -1))
        .map(f -> new Label(
            f[0],
            f[1],
            f[2].equals("-")
                ? Set.of()
                : Arrays.stream(f[2].split(",")).map(String::strip).collect(Collectors.toSet()),
            f[3].equals("-") ? null : LocalDate.parse(f[3]),
            f[4],
            f.length > 5 ? f[5] : ""))
        .toList();
  }

  private static List<String> lines(Path file) {
    return lines(file, true);
  }

  private static List<String> lines(Path file, boolean dropComments) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
          .filter(l -> !dropComments || (!l.isBlank() && !l.startsWith("#")))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Score score(String set, List<Document> documents, AppendixParser parser) {
    int labelled = 0,
        found = 0,
        extra = 0,
        leadPredicted = 0,
        leadLabelled = 0,
        leadRight = 0,
        coPredicted = 0,
        coLabelled = 0,
        coRight = 0;
    int datePredicted = 0,
        dateLabelled = 0,
        dateRight = 0,
        kindRight = 0,
        bothRight = 0,
        wrong = 0,
        silent = 0;
    List<String> misses = new ArrayList<>();
    for (Document document : documents) {
      Map<String, DraftTask> drafts = parser.parse(document.text()).stream()
          .collect(Collectors.toMap(
              DraftTask::code, Function.identity(), (a, b) -> a, LinkedHashMap::new));
      Set<String> labelledCodes = new HashSet<>();
      for (Label label : document.labels()) {
        labelled++;
        labelledCodes.add(label.code());
        if (label.date() != null) {
          dateLabelled++;
        }
        coLabelled += label.coOperating().size();
        DraftTask draft = drafts.get(label.code());
        if (draft == null) {
          misses.add(document.name() + " " + label.code() + ": not found");
          continue;
        }
        found++;
        String lead = lead(draft);
        boolean leadOk = lead != null && same(lead, label.lead())
            || lead == null && label.lead().equals("-");
        if (lead != null) {
          leadPredicted++;
          leadRight += leadOk ? 1 : 0;
        }
        if (!label.lead().equals("-")) {
          leadLabelled++;
        }
        Set<String> co = new HashSet<>(draft.coOperating());
        coPredicted += co.size();
        coRight += (int) co.stream().filter(label.coOperating()::contains).count();
        LocalDate date = draft.deadline().dueDate();
        boolean dateOk = date == null ? label.date() == null : date.equals(label.date());
        if (date != null) {
          datePredicted++;
          dateRight += dateOk ? 1 : 0;
          if (!dateOk) {
            wrong++;
            boolean flagged = draft.flags().stream()
                .map(fl -> fl.contains(":") ? fl.substring(0, fl.indexOf(':')) : fl)
                .anyMatch(DEADLINE_FLAGS::contains);
            silent += flagged ? 0 : 1;
          }
        }
        boolean kindOk = kind(draft).equals(label.kind());
        kindRight += kindOk ? 1 : 0;
        if (leadOk && dateOk && kindOk) {
          bothRight++;
        } else {
          misses.add(document.name() + " " + label.code() + ": lead " + lead + " (label "
              + label.lead() + "), date " + date + " (label " + label.date() + "), kind "
              + kind(draft) + " (label " + label.kind() + ") flags " + draft.flags());
        }
      }
      extra +=
          (int) drafts.keySet().stream().filter(c -> !labelledCodes.contains(c)).count();
      drafts.keySet().stream()
          .filter(c -> !labelledCodes.contains(c))
          .forEach(c -> misses.add(document.name() + " " + c + ": not labelled"));
    }
    return new Score(
        set,
        labelled,
        found,
        extra,
        leadPredicted,
        leadLabelled,
        leadRight,
        coPredicted,
        coLabelled,
        coRight,
        datePredicted,
        dateLabelled,
        dateRight,
        kindRight,
        bothRight,
        wrong,
        silent,
        misses);
  }

  private static String lead(DraftTask draft) {
    if (draft.lead() == null) {
      return null;
    }
    return draft.lead().agency() != null
        ? draft.lead().agency()
        : draft.lead().generic() != null
            ? draft.lead().generic().name()
            : draft.lead().text();
  }

  private static boolean same(String predicted, String label) {
    return AgencyMatcher.fold(AgencyMatcher.nfc(predicted))
        .equals(AgencyMatcher.fold(AgencyMatcher.nfc(label)));
  }

  static String kind(DraftTask draft) {
    Kind kind = draft.deadline().kind();
    if (kind == Kind.DEADLINE
        && draft.deadline().dueDate() == null
        && draft.deadline().text().isEmpty()) {
      return "NONE";
    }
    return kind.name();
  }

  private DirectiveEvaluation() {}
}
