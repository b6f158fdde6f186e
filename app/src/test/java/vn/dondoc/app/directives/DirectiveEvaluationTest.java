package vn.dondoc.app.directives;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.dondoc.app.directives.DirectiveEvaluation.Document;
import vn.dondoc.app.directives.DirectiveEvaluation.Score;

/**
 * The reader against the labelled set: prints the figures docs/PERFORMANCE.md reports ("Directive
 * import") and every task it got wrong, and holds the lines that matter most: no date wrong without a
 * flag on any set, no labelled development task missing, and no set scoring fewer tasks right than
 * was last measured (the guards below; raise them when the reader improves, never lower them).
 */
class DirectiveEvaluationTest {

  /** Tasks with lead and deadline both right, per set, as measured on 06/12/2026 after the second round (docs/PERFORMANCE.md). */
  private static final Map<String, Integer> BOTH_RIGHT_AT_LEAST =
      Map.of("dev", 176, "held-out", 51, "held-out-2", 11, "held-out-3", 49, "held-out-4", 63);

  @Test
  void scoresTheReaderOnTheLabelledTexts() {
    List<Document> documents = DirectiveEvaluation.documents();
    AppendixParser parser = new AppendixParser(SeedAgencies.matcher());
    StringBuilder report = new StringBuilder(Score.header()).append('\n');
    Map<String, Score> scores = new LinkedHashMap<>();
    for (String set : documents.stream().map(Document::set).distinct().toList()) {
      Score score = DirectiveEvaluation.score(
          set, documents.stream().filter(d -> d.set().equals(set)).toList(), parser);
      report.append(score.row()).append('\n');
      scores.put(set, score);
      score.misses().forEach(m -> System.out.println("[" + set + "] " + m));
    }
    System.out.println(report);
    Score dev = scores.get("dev");
    assertThat(dev).isNotNull();
    assertThat(dev.labelled()).isGreaterThan(0);
    assertThat(dev.found()).as("labelled tasks found").isEqualTo(dev.labelled());
    assertThat(scores.keySet()).containsAll(BOTH_RIGHT_AT_LEAST.keySet());
    scores.forEach((set, score) -> {
      assertThat(score.silentlyWrongDates())
          .as("dates wrong without a flag, %s", set)
          .isZero();
      assertThat(score.bothRight())
          .as("tasks with lead and deadline right, %s", set)
          .isGreaterThanOrEqualTo(BOTH_RIGHT_AT_LEAST.getOrDefault(set, 0));
    });
  }
}
