package vn.dondoc.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A new bench/run keeps every section another tool marked in docs/PERFORMANCE.md, whatever its name. */
class MarkedSectionsTest {

  @Test
  void everyMarkedSectionIsKeptWholeWithItsNestedOnesAndTheNotesAreNotASection() {
    String lag = """
        <!-- outbox-lag: bench/outbox-lag replaces this section -->
        ## Outbox lag
        <!-- outbox-lag-run 5 -->
        five a second
        <!-- /outbox-lag-run 5 -->
        <!-- /outbox-lag -->""";
    String throughput = """
        <!-- throughput -->
        ## Throughput
        <!-- /throughput -->""";
    String report = "# Performance\n\n## Search latency\n\n| a | b |\n\n" + lag + "\n\n"
        + throughput + "\n\n" + "<!-- notes: written by hand, kept by bench/run -->\n## Notes\n";

    assertThat(Bench.markedSections(report)).containsExactly(lag, throughput);
    assertThat(Bench.markedSections("# Performance\n")).isEmpty();
  }

  @Test
  void theSlaBoardsSummaryRowIsKeptAsBenchSlaBoardWroteIt() {
    String measured = SlaBoardBench.SUMMARY_ROW + " ≤ 100 ms | 57 / 69 ms | yes |";
    assertThat(Bench.slaBoardRow("| figure | target |\n" + measured + "\n")).isEqualTo(measured);
    assertThat(Bench.slaBoardRow("# Performance\n")).contains("not measured by bench/run");
  }
}
