package vn.dondoc.app.directives;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.dondoc.app.directives.DirectiveEvaluation.Document;
import vn.dondoc.app.directives.DirectiveEvaluation.Score;

/**
 * The reader against the labelled set: prints the figures docs/PERFORMANCE.md reports ("Directive
 * import") and every task it got wrong, and holds the line that matters most: on the texts developed
 * against, no date is wrong without a flag, and no labelled task goes missing.
 */
class DirectiveEvaluationTest {

  @Test
  void scoresTheReaderOnTheLabelledTexts() {
    List<Document> documents = DirectiveEvaluation.documents();
    AppendixParser parser = new AppendixParser(SeedAgencies.matcher());
    StringBuilder report = new StringBuilder(Score.header()).append('\n');
    Score dev = null;
    for (String set : documents.stream().map(Document::set).distinct().toList()) {
      Score score = DirectiveEvaluation.score(set, documents.stream().filter(d -> d.set().equals(set)).toList(), parser);
      report.append(score.row()).append('\n');
      if (set.equals("dev")) {
        dev = score;
      }
      score.misses().forEach(m -> System.out.println("[" + set + "] " + m));
    }
    System.out.println(report);
    assertThat(dev).isNotNull();
    assertThat(dev.labelled()).isGreaterThan(0);
    assertThat(dev.found()).as("labelled tasks found").isEqualTo(dev.labelled());
    assertThat(dev.silentlyWrongDates()).as("dates wrong without a flag").isZero();
  }
}
