package vn.dondoc.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CPU accounting of bench/throughput's closed loops: what is divided by what, and that /proc is read. */
class CpuUseTest {

  @Test
  void eachPartyIsChargedItsOwnTicksPerAcceptedOperationAndTheRestOfTheMachineIsOther() {
    CpuUse.Snapshot before = new CpuUse.Snapshot(Map.of("app", 1_000L, "postgresql", 500L), 10_000);
    // 4 s of app, 2 s of PostgreSQL, 8 s of the machine busy in all: 2 s by nobody named
    CpuUse.Snapshot after = new CpuUse.Snapshot(Map.of("app", 1_400L, "postgresql", 700L), 10_800);

    String properties = CpuUse.properties("closed.cpu", before, after, 200, 10);

    assertThat(properties)
        .contains(
            "closed.cpu.app_ms_per_op=20.00\n",
            "closed.cpu.postgresql_ms_per_op=10.00\n",
            "closed.cpu.other_ms_per_op=10.00\n",
            "closed.cpu.total_ms_per_op=40.00\n");
  }

  @Test
  void nothingIsReportedWithoutAnAcceptedOperationOrWithoutProc() {
    CpuUse.Snapshot snapshot = new CpuUse.Snapshot(Map.of("app", 1L), 10);
    assertThat(CpuUse.properties("p", snapshot, snapshot, 0, 1)).isEmpty();
    assertThat(CpuUse.properties("p", snapshot, new CpuUse.Snapshot(Map.of(), 0), 5, 1))
        .isEmpty();
  }

  @Test
  void theTicksOfAProcessGrowWithTheWorkItDoes() {
    assumeTrue(CpuUse.available(), "Linux's /proc");
    CpuUse cpu = new CpuUse(Map.of("self", ProcessHandle.current().pid()));
    CpuUse.Snapshot before = cpu.take();
    long turns = 0;
    for (long until = System.nanoTime() + 300_000_000L; System.nanoTime() < until; ) {
      turns++; // busy, not sleeping
    }
    CpuUse.Snapshot after = cpu.take();

    assertThat(turns).isPositive();
    assertThat(after.ticks().get("self") - before.ticks().get("self"))
        .as("ticks of 10 ms in 300 ms of work")
        .isGreaterThanOrEqualTo(10);
    assertThat(after.machineBusy()).isGreaterThan(before.machineBusy());
    assertThat(after.ticks()).containsKeys("postgresql", "elasticsearch");
  }
}
