package vn.dondoc.app.feedback;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.dondoc.app.camunda.CaseKeys;
import vn.dondoc.processes.FeedbackHandling;
import vn.dondoc.processes.FeedbackHandling.Var;
import vn.dondoc.search.CaseIndex;
import vn.dondoc.search.SimilarItem;

/**
 * Lists open items that may be the same matter, for the classifier: the same sender (e-mail or phone) and
 * similar text. The same-sender items are read with the task, in its transaction (an indexed look-up). Similar
 * text comes from search, bounded so that its cost does not grow with the programme
 * (unanswered items of its field or locality from six months, {@link CaseIndex.SimilarityBounds#ofFeedback}), and is
 * looked up {@link #LOOKUP_DELAY} after the transaction that created the task commits, off the submitter's request:
 * the list is complete on the task a moment later, before anyone opens it. Only items sharing at least
 * {@link #MIN_SHARED_WORDS} of their words are listed, with that share. While search is down the list has only the
 * same-sender items, and classification goes on.
 */
@Component(FeedbackHandling.Duplicates.BEAN)
class FeedbackDuplicates implements FeedbackHandling.Duplicates {

  private static final Logger log = LoggerFactory.getLogger(FeedbackDuplicates.class);
  private static final int MAX = 5;

  /**
   * An item sharing fewer of its words with the new one is not shown as similar: the search always finds its closest
   * five, and a list of items with a sixth of their words in common ("bản giấy", "có", "đã") only costs the classifier
   * time. Sent again with a sentence left out, an item keeps well over half of its words.
   */
  static final double MIN_SHARED_WORDS = 0.3;

  /**
   * How long after the submission's commit the similar items are looked up: Elasticsearch shows what the relay wrote
   * after its next refresh (every second), so an item submitted a moment before this one is found too. Nobody opens
   * the task that soon.
   */
  static final Duration LOOKUP_DELAY = Duration.ofSeconds(2);

  private final FeedbackRepository repository;
  private final JdbcClient jdbc;
  private final CaseIndex index;
  private final RuntimeService runtime;
  private final ThreadPoolTaskScheduler lookups = new ThreadPoolTaskScheduler();

  FeedbackDuplicates(
      FeedbackRepository repository, JdbcClient jdbc, CaseIndex index, ProcessEngine engine) {
    this.repository = repository;
    this.jdbc = jdbc;
    this.index = index;
    this.runtime = engine.getRuntimeService();
    lookups.setPoolSize(2);
    lookups.setThreadNamePrefix("duplicates-");
    lookups.initialize();
  }

  @PreDestroy
  void stop() {
    lookups.shutdown();
  }

  @Override
  public void findFor(DelegateTask task) {
    FeedbackRepository.Item item =
        repository.findByCode(CaseKeys.caseCode(task)).orElseThrow();
    long id = item.id();
    Map<String, String> found = new LinkedHashMap<>();
    jdbc.sql("""
            select other.code, other.title from feedback_item other, feedback_item me
            where me.id = ? and other.id <> me.id and other.closed_at is null
              and ((me.contact_email is not null and other.contact_email = me.contact_email)
                or (me.contact_phone is not null and other.contact_phone = me.contact_phone))
            order by other.submitted_at desc limit ?""")
        .params(id, MAX)
        .query(
            (rs, n) -> Map.entry(rs.getString("code"), rs.getString("title") + " (cùng người gửi)"))
        .list()
        .forEach(sameSender -> found.put(sameSender.getKey(), sameSender.getValue()));
    // on the process instance, not the task: the later lookup then writes a row the task's
    // completion never
    // touches, so a person completing the task meanwhile is not refused for a concurrent change
    String instanceId = task.getProcessInstanceId();
    if (!found.isEmpty()) {
      runtime.setVariable(instanceId, Var.POSSIBLE_DUPLICATES, text(found));
    }
    Runnable later = () -> lookups.schedule(
        () -> addSimilar(instanceId, item, found), Instant.now().plus(LOOKUP_DELAY));
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          later.run();
        }
      });
    } else {
      later.run();
    }
  }

  /** Adds the similar items to the task's list, unless the task is gone (classified already). */
  private void addSimilar(
      String instanceId, FeedbackRepository.Item item, Map<String, String> sameSender) {
    Map<String, String> found = new LinkedHashMap<>(sameSender);
    try {
      for (SimilarItem similar : index.similarUnansweredFeedback(
          item.title() + " " + item.content(),
          item.code(),
          CaseIndex.SimilarityBounds.ofFeedback(
              FeedbackField.vocabularyCode(item.field()), item.locality(), item.submittedAt()),
          MAX)) {
        if (similar.sharedWords() < MIN_SHARED_WORDS) {
          continue;
        }
        found.putIfAbsent(
            similar.code(),
            String.format(
                Locale.ROOT,
                "%s (nội dung tương tự, trùng %d %% từ ngữ)",
                similar.title(),
                Math.round(similar.sharedWords() * 100)));
      }
    } catch (IOException | ElasticsearchException e) {
      log.warn(
          "Similar items for {} not looked up, search is unavailable: {}",
          item.code(),
          e.getMessage());
      return;
    }
    if (found.size() == sameSender.size()) {
      return;
    }
    try {
      runtime.setVariable(instanceId, Var.POSSIBLE_DUPLICATES, text(found));
    } catch (ProcessEngineException e) {
      log.debug(
          "Similar items for {} not added, its process {} is gone: {}",
          item.code(),
          instanceId,
          e.getMessage());
    }
  }

  private static String text(Map<String, String> found) {
    return found.entrySet().stream()
        .limit(MAX)
        .map(e -> e.getKey() + " – " + e.getValue())
        .collect(Collectors.joining("\n"));
  }
}
