package vn.dondoc.app.workspace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.dondoc.app.attachments.AttachmentPageController;
import vn.dondoc.app.attachments.AttachmentRef;
import vn.dondoc.app.attachments.AttachmentService;
import vn.dondoc.app.evidence.EvidenceService;
import vn.dondoc.app.extensions.ExtensionService;
import vn.dondoc.app.feedback.FeedbackService;
import vn.dondoc.app.initiatives.InitiativeService;
import vn.dondoc.app.time.DisplayDates;
import vn.dondoc.processes.FeedbackHandling;

/**
 * What a step's page shows beside its form: the case's documents (the citizen's attachments, the
 * extension's roadmap documents, the completion evidence, the proposal's files) and the cases it is
 * linked to (task ↔ extension ↔ evidence ↔ feedback ↔ initiative). Read by case code from the
 * capabilities' tables; a file is listed only where the caller may open it ({@code /tep/{id}} checks again).
 */
@Component
class CaseDossier {

  /** A document to view inline (PDF, image) or download. */
  record Document(
      String name, String group, String href, String contentType, long sizeKb, boolean inline) {}

  /** A milestone of an extension request's committed roadmap. */
  record Milestone(String day, String text) {}

  /** A deadline a task has had: the original one, then each approved extension. */
  record DeadlineVersion(String day, String reasonKey, String extension) {}

  /** Another case this one is linked to, with the relation in words (message key). */
  record Related(String code, String relationKey) {}

  private static final List<String> INLINE =
      List.of("application/pdf", "image/png", "image/jpeg", "image/gif", "image/webp");

  private final JdbcClient jdbc;
  private final AttachmentService attachments;
  private final ObjectMapper json;

  CaseDossier(JdbcClient jdbc, AttachmentService attachments, ObjectMapper json) {
    this.jdbc = jdbc;
    this.attachments = attachments;
    this.json = json;
  }

  /** An extension request's roadmap, as the agency committed to it; empty for other cases. */
  List<Milestone> roadmap(String code) {
    List<Milestone> roadmap = new ArrayList<>();
    jdbc.sql("select milestones::text from extension_request where case_code = ?")
        .param(code)
        .query(String.class)
        .optional()
        .ifPresent(text -> {
          try {
            for (JsonNode milestone : json.readTree(text)) {
              String day = milestone.path("date").asText("");
              roadmap.add(new Milestone(
                  day.isEmpty() ? "" : DisplayDates.DAY.format(LocalDate.parse(day)),
                  milestone.path("milestone").asText("")));
            }
          } catch (JsonProcessingException | DateTimeParseException e) {
            throw new IllegalStateException("extension " + code + " has an unreadable roadmap", e);
          }
        });
    return roadmap;
  }

  /**
   * The deadlines of the task an extension request is for (or of the task itself): the original first,
   * then each approved change, so that the decider sees how often it has moved.
   */
  List<DeadlineVersion> deadlineHistory(String code) {
    return jdbc.sql("""
            select v.deadline, e.case_code as extension from task_deadline_version v join task t on t.id = v.task_id
            left join extension_request e on e.id = v.extension_id
            where t.case_code = ? or t.id = (select task_id from extension_request where case_code = ?)
            order by v.version""")
        .params(code, code)
        .query((rs, n) -> new DeadlineVersion(
            DisplayDates.DAY.format(rs.getDate("deadline").toLocalDate()),
            rs.getString("extension") == null ? "work.deadline.original" : "work.deadline.extended",
            rs.getString("extension")))
        .list();
  }

  List<Document> documents(String code) {
    List<Document> documents = new ArrayList<>();
    idOf("select id from feedback_item where code = ?", code)
        .forEach(id -> add(documents, "work.documents.feedback", FeedbackService.CASE_TYPE, id));
    idOf("select id from extension_request where case_code = ?", code)
        .forEach(id -> add(documents, "work.documents.extension", ExtensionService.OWNER_TYPE, id));
    idOf("select id from initiative where case_code = ?", code)
        .forEach(
            id -> add(documents, "work.documents.initiative", InitiativeService.OWNER_TYPE, id));
    // a task's completion evidence, newest report first, and the documents of its extension
    // requests
    idOf("""
        select s.id from evidence_submission s join task t on t.id = s.task_id
        where t.case_code = ? order by s.submitted_at desc, s.id desc""", code)
        .forEach(id -> add(documents, "work.documents.evidence", EvidenceService.OWNER_TYPE, id));
    idOf("""
        select e.id from extension_request e join task t on t.id = e.task_id
        where t.case_code = ? order by e.requested_at desc, e.id desc""", code)
        .forEach(id -> add(documents, "work.documents.extension", ExtensionService.OWNER_TYPE, id));
    return documents;
  }

  List<Related> related(String code) {
    List<Related> related = new ArrayList<>();
    codes("""
        select t.case_code from extension_request e join task t on t.id = e.task_id where e.case_code = ?""", code).forEach(c -> related.add(new Related(c, "work.related.task-of-extension")));
    codes("""
        select e.case_code from extension_request e join task t on t.id = e.task_id where t.case_code = ?
        order by e.requested_at""", code).forEach(c -> related.add(new Related(c, "work.related.extension")));
    codes("""
        select f.code from feedback_item f join task t on t.source_feedback_id = f.id where t.case_code = ?""", code).forEach(c -> related.add(new Related(c, "work.related.source-feedback")));
    codes("""
        select t.case_code from task t join feedback_item f on t.source_feedback_id = f.id where f.code = ?""", code).forEach(c -> related.add(new Related(c, "work.related.spawned-task")));
    codes("""
        select f.code from initiative i join feedback_item f on i.feedback_id = f.id where i.case_code = ?""", code).forEach(c -> related.add(new Related(c, "work.related.initiative-feedback")));
    codes("""
        select i.case_code from initiative i join feedback_item f on i.feedback_id = f.id
        where f.code = ? and i.case_code is not null""", code).forEach(c -> related.add(new Related(c, "work.related.feedback-initiative")));
    return related;
  }

  /**
   * The cases a step's data names as likely duplicates (FeedbackHandling's {@code possibleDuplicates}: an item a line,
   * its code first), as links beside the decision: the classifier opens them before choosing.
   */
  static List<Related> possibleDuplicates(Map<String, Object> data) {
    if (!(data.get(FeedbackHandling.Var.POSSIBLE_DUPLICATES) instanceof String text)) {
      return List.of();
    }
    return text.lines()
        .map(LEADING_CODE::matcher)
        .filter(Matcher::lookingAt)
        .map(m -> new Related(m.group(1), "work.related.possible-duplicate"))
        .toList();
  }

  private static final Pattern LEADING_CODE = Pattern.compile("\\s*([A-Z]+-[0-9]{4}-[0-9]{6,})\\b");

  private void add(List<Document> documents, String group, String ownerType, long ownerId) {
    for (AttachmentRef ref : attachments.listFor(ownerType, ownerId)) {
      documents.add(new Document(
          ref.filename(),
          group,
          AttachmentPageController.path(ref.id()),
          ref.contentType(),
          Math.max(1, (ref.sizeBytes() + 1023) / 1024),
          INLINE.contains(ref.contentType())));
    }
  }

  private List<Long> idOf(String sql, String code) {
    return jdbc.sql(sql).param(code).query(Long.class).list();
  }

  private List<String> codes(String sql, String code) {
    return jdbc.sql(sql).param(code).query(String.class).list();
  }
}
