package vn.dondoc.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where the machine's CPU time went during a timed phase, by process, read from Linux's /proc before and after
 * it: the app's JVM, the load generator's (when it is another process), PostgreSQL's server processes,
 * Elasticsearch's, and the rest of the machine (Keycloak, the kernel's loopback traffic). On two cores every
 * party competes with the app, so a ratio of throughputs is only half the story: CPU milliseconds per
 * accepted operation say which party grew. Elsewhere than Linux nothing is read and nothing is reported.
 */
final class CpuUse {

  /** USER_HZ, the unit of /proc's CPU times: fixed at 100 by the kernel's ABI on every architecture we run. */
  private static final double MS_PER_TICK = 10;

  private static final Path PROC = Path.of("/proc");

  /** Ticks by party, and the machine's busy ticks, at one instant. */
  record Snapshot(Map<String, Long> ticks, long machineBusy) {}

  private final Map<String, Long> pids;

  /**
   * @param pids the JVMs to account by name ("app", "generator"); PostgreSQL and Elasticsearch are found by
   *     their process names
   */
  CpuUse(Map<String, Long> pids) {
    this.pids = pids;
  }

  static boolean available() {
    return Files.isReadable(PROC.resolve("stat"));
  }

  /**
   * Waits (at most a minute) until the machine's cores were less than 15 % busy over two seconds: Elasticsearch
   * merging the segments a phase wrote, or the JIT still compiling, would otherwise run on the next phase's
   * cores (measured 01/12/2026: Elasticsearch took 8.5 ms of CPU per bare engine start after the service's
   * phase, against 4.5 per submission over HTTP, indexing included).
   */
  static void waitUntilQuiet() throws InterruptedException {
    for (int tries = 0; tries < 30 && available(); tries++) {
      long before = machineBusy();
      Thread.sleep(2000);
      if ((machineBusy() - before)
              * MS_PER_TICK
              / (2000.0 * Runtime.getRuntime().availableProcessors())
          < 0.15) {
        return;
      }
    }
  }

  /**
   * A timed closed loop (LoadShape.closedLoop) with the CPU it took and the size of the search index it ran on
   * ({@code index}, IndexSize), logged and returned as key=value lines under {@code prefix}.
   */
  String closedLoop(
      String prefix,
      String label,
      int workers,
      int seconds,
      LoadShape.Operation operation,
      String index)
      throws InterruptedException {
    long indexed = IndexSize.count(index);
    Snapshot before = take();
    LoadShape.Figures figures = LoadShape.closedLoop(label, workers, seconds, operation);
    String used = properties(prefix + ".cpu", before, take(), figures.accepted, figures.seconds);
    Bench.log("%s (index: %d cases)%n%s", figures, indexed, used);
    return figures.properties(prefix) + used + prefix + ".indexed_cases=" + indexed + "\n";
  }

  Snapshot take() {
    Map<String, Long> ticks = new LinkedHashMap<>();
    if (!available()) {
      return new Snapshot(ticks, 0);
    }
    pids.forEach((name, pid) -> ticks.put(name, processTicks(pid, false)));
    long postgres = 0;
    long elasticsearch = 0;
    try (Stream<Path> entries = Files.list(PROC)) {
      for (Path entry : (Iterable<Path>) entries::iterator) {
        String name = entry.getFileName().toString();
        if (!name.chars().allMatch(Character::isDigit)
            || pids.containsValue(Long.parseLong(name))) {
          continue;
        }
        String comm = read(entry.resolve("comm")).strip();
        if (comm.equals("postgres")) {
          // with the children's: the postmaster collects the time of autovacuum workers and
          // backends that ended
          postgres += processTicks(Long.parseLong(name), true);
        } else if (comm.equals("java")
            && read(entry.resolve("cmdline")).contains("org.elasticsearch.bootstrap")) {
          elasticsearch += processTicks(Long.parseLong(name), false);
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot list /proc", e);
    }
    ticks.put("postgresql", postgres);
    ticks.put("elasticsearch", elasticsearch);
    return new Snapshot(ticks, machineBusy());
  }

  /**
   * key=value lines under {@code prefix}: CPU ms per accepted operation by party, "other" for the rest of the
   * machine's busy time, and the machine's busy share of its cores. Nothing when /proc could not be read.
   */
  static String properties(
      String prefix, Snapshot before, Snapshot after, int accepted, double seconds) {
    if (after.machineBusy() == 0 || accepted == 0) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    long accounted = 0;
    for (Map.Entry<String, Long> party : after.ticks().entrySet()) {
      long used = party.getValue() - before.ticks().getOrDefault(party.getKey(), party.getValue());
      accounted += used;
      out.append(line(prefix, party.getKey(), used * MS_PER_TICK / accepted));
    }
    long busy = after.machineBusy() - before.machineBusy();
    out.append(line(prefix, "other", Math.max(0, busy - accounted) * MS_PER_TICK / accepted));
    out.append(line(prefix, "total", busy * MS_PER_TICK / accepted));
    out.append(String.format(
        Locale.ROOT,
        "%s.machine_busy_share=%.2f%n",
        prefix,
        busy * MS_PER_TICK / (seconds * 1000 * Runtime.getRuntime().availableProcessors())));
    return out.toString();
  }

  private static String line(String prefix, String party, double msPerOperation) {
    return String.format(Locale.ROOT, "%s.%s_ms_per_op=%.2f%n", prefix, party, msPerOperation);
  }

  /** utime + stime of a process and of its threads (and cutime + cstime, its ended children's); 0 once it is gone. */
  private static long processTicks(long pid, boolean withChildren) {
    String stat = read(PROC.resolve(Long.toString(pid)).resolve("stat"));
    if (stat.isEmpty()) {
      return 0;
    }
    // the command name (field 2) may hold spaces: count fields after its closing parenthesis
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    long own = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    return withChildren ? own + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : own;
  }

  /** user + nice + system + irq + softirq + steal of the first line of /proc/stat: idle and iowait left out. */
  private static long machineBusy() {
    String[] cpu =
        read(PROC.resolve("stat")).lines().findFirst().orElseThrow().trim().split("\\s+");
    return Long.parseLong(cpu[1])
        + Long.parseLong(cpu[2])
        + Long.parseLong(cpu[3])
        + Long.parseLong(cpu[6])
        + Long.parseLong(cpu[7])
        + Long.parseLong(cpu[8]);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      return ""; // a process that ended between the listing and the read
    }
  }
}
