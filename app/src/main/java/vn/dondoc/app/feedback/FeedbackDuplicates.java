package vn.dondoc.app.feedback;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.dondoc.app.camunda.CaseKeys;
import vn.dondoc.processes.FeedbackHandling;
import vn.dondoc.processes.FeedbackHandling.Var;
import vn.dondoc.search.CaseDocument;
import vn.dondoc.search.CaseIndex;

/**
 * Lists open items that may be the same matter, for the classifier: the same sender (e-mail or
 * phone) and similar text. Similar text comes from search; while search is down the list has only
 * the same-sender items, and classification goes on.
 */
@Component(FeedbackHandling.Duplicates.BEAN)
class FeedbackDuplicates implements FeedbackHandling.Duplicates {

  private static final Logger log = LoggerFactory.getLogger(FeedbackDuplicates.class);
  private static final int MAX = 5;

  private final FeedbackRepository repository;
  private final JdbcClient jdbc;
  private final CaseIndex index;

  FeedbackDuplicates(FeedbackRepository repository, JdbcClient jdbc, CaseIndex index) {
    this.repository = repository;
    this.jdbc = jdbc;
    this.index = index;
  }

  @Override
  public void findFor(DelegateTask task) {
    FeedbackRepository.Item item = repository.findByCode(CaseKeys.caseCode(task)).orElseThrow();
    long id = item.id();
    Map<String, String> found = new LinkedHashMap<>();
    jdbc.sql("""
            select other.code, other.title from feedback_item other, feedback_item me
            where me.id = ? and other.id <> me.id and other.closed_at is null
              and ((me.contact_email is not null and other.contact_email = me.contact_email)
                or (me.contact_phone is not null and other.contact_phone = me.contact_phone))
            order by other.submitted_at desc limit ?""")
        .params(id, MAX)
        .query((rs, n) -> Map.entry(rs.getString("code"), rs.getString("title") + " (cùng người gửi)"))
        .list().forEach(sameSender -> found.put(sameSender.getKey(), sameSender.getValue()));
    try {
      for (CaseDocument similar : index.similarOpenCases(FeedbackService.CASE_TYPE, item.title() + " " + item.content(),
          item.code(), MAX)) {
        found.putIfAbsent(similar.code(), similar.title() + " (nội dung tương tự)");
      }
    } catch (IOException | ElasticsearchException e) {
      log.warn("Similar items for {} not looked up, search is unavailable: {}", item.code(), e.getMessage());
    }
    if (!found.isEmpty()) {
      task.setVariableLocal(Var.POSSIBLE_DUPLICATES, found.entrySet().stream().limit(MAX)
          .map(e -> e.getKey() + " – " + e.getValue()).collect(Collectors.joining("\n")));
    }
  }
}
