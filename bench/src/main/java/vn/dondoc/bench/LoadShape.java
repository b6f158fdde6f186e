package vn.dondoc.bench;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * The two ways the load generator offers work, both bounded in count and time. Open loop: arrivals at a fixed
 * rate whatever the answers do, each latency counted from the instant the request was due to be sent (so a
 * stalled server is not hidden by the generator waiting for it). Closed loop: a fixed number of workers, each
 * sending its next request when the previous one was answered, which finds the throughput at that concurrency.
 */
final class LoadShape {

  /** What one operation came to: accepted, or refused with a reason ("HTTP 503", "timeout"). */
  record Outcome(boolean accepted, String refusal) {
    static final Outcome ACCEPTED = new Outcome(true, null);

    static Outcome refused(String why) {
      return new Outcome(false, why);
    }
  }

  /** What a load step measured. {@code seconds} is the time from the first arrival to the last answer. */
  static final class Figures {
    final String label;
    final double offeredRate;
    final int workers;
    int sent;
    int accepted;
    int notSent;
    double seconds;
    final Latencies latencies = new Latencies();
    final Map<String, Integer> refusals = new ConcurrentHashMap<>();

    Figures(String label, double offeredRate, int workers) {
      this.label = label;
      this.offeredRate = offeredRate;
      this.workers = workers;
    }

    synchronized void record(Outcome outcome, long nanos) {
      if (outcome.accepted()) {
        accepted++;
        latencies.add(nanos);
      } else {
        refusals.merge(outcome.refusal() == null ? "refused" : outcome.refusal(), 1, Integer::sum);
      }
    }

    int refused() {
      return sent - accepted;
    }

    double acceptedPerSecond() {
      return seconds == 0 ? 0 : accepted / seconds;
    }

    double p(double q) {
      return latencies.percentileMillis(q);
    }

    /** Met: nothing refused or left unsent, the offered rate kept up to 5 %, and p99 within the limit. */
    boolean keeps(double p99LimitMillis) {
      return refused() == 0
          && notSent == 0
          && accepted > 0
          && p(0.99) <= p99LimitMillis
          && (offeredRate == 0 || acceptedPerSecond() >= 0.95 * offeredRate);
    }

    String refusalsText() {
      return refusals.isEmpty() ? "none" : new TreeMap<>(refusals).toString();
    }

    /** key=value lines for the run's properties file, under {@code prefix}. */
    String properties(String prefix) {
      return String.format(
          Locale.ROOT,
          """
          %1$s.label=%2$s
          %1$s.offered_per_s=%3$.1f
          %1$s.workers=%4$d
          %1$s.sent=%5$d
          %1$s.accepted=%6$d
          %1$s.refused=%7$d
          %1$s.not_sent=%8$d
          %1$s.refusals=%9$s
          %1$s.seconds=%10$.2f
          %1$s.accepted_per_s=%11$.1f
          %1$s.p50_ms=%12$.1f
          %1$s.p99_ms=%13$.1f
          %1$s.max_ms=%14$.1f
          """,
          prefix,
          label,
          offeredRate,
          workers,
          sent,
          accepted,
          refused(),
          notSent,
          refusalsText(),
          seconds,
          acceptedPerSecond(),
          p(0.5),
          p(0.99),
          p(1.0));
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "%s: offered %.0f/s, workers %d: %d sent, %d accepted (%.1f/s), %d refused %s, %d not sent;"
              + " p50 %.1f ms, p99 %.1f ms, max %.1f ms",
          label,
          offeredRate,
          workers,
          sent,
          accepted,
          acceptedPerSecond(),
          refused(),
          refusalsText(),
          notSent,
          p(0.5),
          p(0.99),
          p(1.0));
    }
  }

  private LoadShape() {}

  /**
   * {@code rate} arrivals a second for {@code seconds}; at most {@code maxInFlight} operations outstanding (an
   * arrival beyond that is counted as not sent, the generator's own limit, not the server's refusal). Waits up
   * to 60 s for the last answers.
   */
  static Figures openLoop(
      String label,
      double rate,
      int seconds,
      int maxInFlight,
      Supplier<CompletableFuture<Outcome>> operation)
      throws InterruptedException {
    Figures figures = new Figures(label, rate, 0);
    int total = (int) Math.round(rate * seconds);
    AtomicInteger inFlight = new AtomicInteger();
    CountDownLatch answered = new CountDownLatch(total);
    long start = System.nanoTime();
    long[] lastAnswer = {start};
    for (int i = 0; i < total; i++) {
      long due = start + (long) (i * 1e9 / rate);
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      if (inFlight.get() >= maxInFlight) {
        synchronized (figures) {
          figures.notSent++;
        }
        answered.countDown();
        continue;
      }
      inFlight.incrementAndGet();
      synchronized (figures) {
        figures.sent++;
      }
      CompletableFuture<Outcome> future;
      try {
        future = operation.get();
      } catch (RuntimeException e) {
        future = CompletableFuture.completedFuture(Outcome.refused(e.getClass().getSimpleName()));
      }
      future.whenComplete((outcome, error) -> {
        long now = System.nanoTime();
        figures.record(
            error != null ? Outcome.refused(error.getClass().getSimpleName()) : outcome, now - due);
        synchronized (lastAnswer) {
          lastAnswer[0] = Math.max(lastAnswer[0], now);
        }
        inFlight.decrementAndGet();
        answered.countDown();
      });
    }
    if (!answered.await(60, TimeUnit.SECONDS)) {
      Bench.log(
          "%s: %d answers still missing after 60 s, counted as refused",
          label, answered.getCount());
    }
    synchronized (lastAnswer) {
      figures.seconds = Math.max(seconds, (lastAnswer[0] - start) / 1e9);
    }
    return figures;
  }

  /** An operation run by a closed-loop worker; returns its outcome. */
  @FunctionalInterface
  interface Operation {
    Outcome run(int worker) throws Exception;
  }

  /** {@code workers} threads, each running the operation back to back for {@code seconds}. */
  static Figures closedLoop(String label, int workers, int seconds, Operation operation)
      throws InterruptedException {
    Figures figures = new Figures(label, 0, workers);
    long start = System.nanoTime();
    long end = start + seconds * 1_000_000_000L;
    Thread[] threads = new Thread[workers];
    long[] lastAnswer = {start};
    for (int w = 0; w < workers; w++) {
      int worker = w;
      threads[w] = new Thread(
          () -> {
            while (System.nanoTime() < end) {
              long t0 = System.nanoTime();
              synchronized (figures) {
                figures.sent++;
              }
              Outcome outcome;
              try {
                outcome = operation.run(worker);
              } catch (Exception e) {
                outcome = Outcome.refused(e.getClass().getSimpleName()
                    + (e.getMessage() == null
                        ? ""
                        : ": "
                            + e.getMessage()
                                .substring(0, Math.min(80, e.getMessage().length()))));
              }
              long now = System.nanoTime();
              figures.record(outcome, now - t0);
              synchronized (lastAnswer) {
                lastAnswer[0] = Math.max(lastAnswer[0], now);
              }
            }
          },
          label + "-" + w);
      threads[w].start();
    }
    for (Thread thread : threads) {
      thread.join(seconds * 1000L + 120_000);
    }
    synchronized (lastAnswer) {
      figures.seconds = (lastAnswer[0] - start) / 1e9;
    }
    return figures;
  }
}
