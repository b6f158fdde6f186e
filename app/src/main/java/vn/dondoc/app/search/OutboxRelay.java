package vn.dondoc.app.search;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dondoc.search.CaseIndex;
import vn.dondoc.search.VersionedCase;

/**
 * Drains the outbox into Elasticsearch. Safe on many nodes (rows are locked with SKIP LOCKED) and
 * when Elasticsearch is down: rows stay and are retried with a growing delay, nothing is dropped.
 */
@Component
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxRelay {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

  private final Outbox outbox;
  private final CaseIndex index;
  private final Map<String, CaseProjector> projectors;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final int batchSize;
  private final Duration maxBackoff;
  private final Timer lag;
  private volatile boolean indexReady;

  public OutboxRelay(
      Outbox outbox,
      CaseIndex index,
      List<CaseProjector> projectors,
      TransactionTemplate transaction,
      Clock clock,
      MeterRegistry meters,
      OutboxProperties settings) {
    this.outbox = outbox;
    this.index = index;
    this.projectors =
        projectors.stream().collect(Collectors.toMap(CaseProjector::caseType, Function.identity()));
    this.transaction = transaction;
    this.clock = clock;
    this.batchSize = settings.batchSize();
    this.maxBackoff = settings.maxBackoff();
    this.lag = Timer.builder("dondoc.search.lag")
        .description("From the committed change to its indexing")
        .publishPercentiles(0.5, 0.99)
        .register(meters);
    Gauge.builder("dondoc.outbox.backlog", outbox, Outbox::backlog)
        .description("Changes not yet in search")
        .register(meters);
  }

  @Scheduled(fixedDelayString = "${dondoc.outbox.poll-interval}")
  public void relay() {
    int relayed;
    do {
      Integer count = transaction.execute(status -> relayBatch());
      relayed = count == null ? 0 : count;
    } while (relayed == batchSize);
  }

  /** One batch in one transaction: rows locked, projected, written, then deleted or rescheduled. */
  private int relayBatch() {
    List<Outbox.Entry> entries = outbox.lockDue(batchSize);
    if (entries.isEmpty()) {
      return 0;
    }
    Map<String, List<Outbox.Entry>> entriesByCode = new LinkedHashMap<>();
    List<VersionedCase> documents = new ArrayList<>();
    List<Long> done = new ArrayList<>();
    for (Outbox.Entry entry : entries) {
      Optional<VersionedCase> projected;
      try {
        projected = project(entry);
      } catch (RuntimeException e) {
        // One unreadable case must not hold up the others; it is retried and its error kept on the
        // row.
        log.error("Cannot project {} {}: {}", entry.caseType(), entry.caseId(), e.toString());
        reschedule(List.of(entry), e.toString());
        continue;
      }
      if (projected.isEmpty()) {
        done.add(entry.id());
        continue;
      }
      String code = projected.get().document().code();
      if (!entriesByCode.containsKey(code)) {
        documents.add(projected.get());
      }
      entriesByCode.computeIfAbsent(code, c -> new ArrayList<>()).add(entry);
    }
    try {
      if (!indexReady) {
        index.ensureExists();
        indexReady = true;
      }
      Map<String, String> failed = index.index(documents);
      entriesByCode.forEach((code, forCode) -> {
        if (failed.containsKey(code)) {
          reschedule(forCode, failed.get(code));
        } else {
          forCode.forEach(e -> {
            done.add(e.id());
            lag.record(Duration.between(e.createdAt(), clock.instant()));
          });
        }
      });
    } catch (IOException | RuntimeException e) {
      log.warn(
          "Search is unavailable, {} change(s) wait in the outbox: {}",
          entries.size(),
          e.getMessage());
      indexReady = false;
      entriesByCode.values().forEach(forCode -> reschedule(forCode, e.toString()));
    }
    outbox.delete(done);
    return entries.size();
  }

  private Optional<VersionedCase> project(Outbox.Entry entry) {
    CaseProjector projector = projectors.get(entry.caseType());
    if (projector == null) {
      throw new IllegalStateException("no projector for case type " + entry.caseType());
    }
    return projector.project(entry.caseId());
  }

  private void reschedule(List<Outbox.Entry> entries, String error) {
    int attempts = entries.stream().mapToInt(Outbox.Entry::attempts).max().orElse(0);
    Duration delay =
        Duration.ofMillis(Math.min(maxBackoff.toMillis(), 500L << Math.min(attempts, 10)));
    outbox.retryLater(entries.stream().map(Outbox.Entry::id).toList(), delay, error);
  }
}
