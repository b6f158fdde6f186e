package vn.dondoc.bench;

import java.util.Arrays;

/** Recorded durations in nanoseconds and their nearest-rank percentiles. */
final class Latencies {

  private long[] nanos = new long[1024];
  private int count;

  void add(long duration) {
    if (count == nanos.length) {
      nanos = Arrays.copyOf(nanos, count * 2);
    }
    nanos[count++] = duration;
  }

  int count() {
    return count;
  }

  long totalNanos() {
    long total = 0;
    for (int k = 0; k < count; k++) {
      total += nanos[k];
    }
    return total;
  }

  /** The nearest-rank percentile {@code q} (0 < q ≤ 1) in milliseconds. */
  double percentileMillis(double q) {
    if (count == 0) {
      return Double.NaN;
    }
    long[] sorted = Arrays.copyOf(nanos, count);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(q * count);
    return sorted[Math.max(0, Math.min(count, rank) - 1)] / 1e6;
  }
}
