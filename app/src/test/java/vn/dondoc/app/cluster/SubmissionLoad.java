package vn.dondoc.app.cluster;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import vn.dondoc.app.support.Api;
import vn.dondoc.app.support.Feedback;

/**
 * Anonymous feedback submissions in a few threads, spread over the live nodes in turn, each with an
 * Idempotency-Key and a marker word of its own; every answer is kept for the checks afterwards.
 */
final class SubmissionLoad implements AutoCloseable {

  /** One submission and how it ended; {@code status} 0 when no HTTP answer came (the node was gone). */
  record Outcome(
      String key,
      String marker,
      String node,
      int status,
      String code,
      String contentType,
      String retryAfter,
      String detail) {

    boolean accepted() {
      return status == 201;
    }

    /** Refused as the API promises for an outage: 503, problem JSON and a Retry-After. */
    boolean cleanFailure() {
      return status == 503
          && contentType != null
          && contentType.startsWith("application/problem+json")
          && retryAfter != null;
    }
  }

  private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
  private final AtomicInteger turn = new AtomicInteger();
  private final List<Thread> threads = new ArrayList<>();
  private volatile List<AppNode> nodes;
  private volatile boolean running = true;

  SubmissionLoad(List<AppNode> nodes, int threadCount) {
    this.nodes = List.copyOf(nodes);
    for (int i = 0; i < threadCount; i++) {
      Thread thread = new Thread(this::run, "submission-load-" + i);
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
  }

  /** From now on only these nodes get requests (as a load balancer does once a node is marked down). */
  void useOnly(List<AppNode> live) {
    nodes = List.copyOf(live);
  }

  /** Stops the threads and returns every outcome. */
  List<Outcome> stop() throws InterruptedException {
    running = false;
    for (Thread thread : threads) {
      thread.join(60_000);
    }
    return List.copyOf(outcomes);
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }

  private void run() {
    while (running) {
      List<AppNode> current = nodes;
      AppNode node = current.get(Math.floorMod(turn.getAndIncrement(), current.size()));
      outcomes.add(submit(node, UUID.randomUUID().toString(), Feedback.marker()));
    }
  }

  /** One submission (also used to retry one with the same key and marker). */
  static Outcome submit(AppNode node, String key, String marker) {
    try {
      Api.Response response = new Api(node.url())
          .postJson(
              "/api/v1/feedback",
              Api.toJson(Feedback.valid(marker)),
              null,
              Map.of("Idempotency-Key", key));
      String code = response.status() == 201 ? response.json().path("code").asText() : null;
      String detail = response.status() == 201 ? null : response.raw().body();
      return new Outcome(
          key,
          marker,
          node.name(),
          response.status(),
          code,
          response.contentType(),
          response.header("Retry-After"),
          detail);
    } catch (UncheckedIOException e) {
      return new Outcome(
          key, marker, node.name(), 0, null, null, null, e.getCause().toString());
    }
  }
}
