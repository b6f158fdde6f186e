package vn.dondoc.app.workspace;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.dondoc.app.attachments.AttachmentPageController;
import vn.dondoc.app.attachments.AttachmentRef;
import vn.dondoc.app.attachments.AttachmentService;
import vn.dondoc.app.evidence.EvidenceService;
import vn.dondoc.app.extensions.ExtensionService;
import vn.dondoc.app.feedback.FeedbackService;
import vn.dondoc.app.initiatives.InitiativeService;

/**
 * What a step's page shows beside its form: the case's documents (the citizen's attachments, the
 * extension's roadmap documents, the completion evidence, the proposal's files) and the cases it is
 * linked to (task ↔ extension ↔ evidence ↔ feedback ↔ initiative). Read by case code from the
 * capabilities' tables; a file is listed only where the caller may open it ({@code /tep/{id}} checks again).
 */
@Component
class CaseDossier {

  /** A document to view inline (PDF, image) or download. */
  record Document(String name, String group, String href, String contentType, long sizeKb, boolean inline) {}

  /** Another case this one is linked to, with the relation in words (message key). */
  record Related(String code, String relationKey) {}

  private static final List<String> INLINE = List.of("application/pdf", "image/png", "image/jpeg", "image/gif", "image/webp");

  private final JdbcClient jdbc;
  private final AttachmentService attachments;

  CaseDossier(JdbcClient jdbc, AttachmentService attachments) {
    this.jdbc = jdbc;
    this.attachments = attachments;
  }

  List<Document> documents(String code) {
    List<Document> documents = new ArrayList<>();
    idOf("select id from feedback_item where code = ?", code)
        .forEach(id -> add(documents, "work.documents.feedback", FeedbackService.CASE_TYPE, id));
    idOf("select id from extension_request where case_code = ?", code)
        .forEach(id -> add(documents, "work.documents.extension", ExtensionService.OWNER_TYPE, id));
    idOf("select id from initiative where case_code = ?", code)
        .forEach(id -> add(documents, "work.documents.initiative", InitiativeService.OWNER_TYPE, id));
    // a task's completion evidence, newest report first, and the documents of its extension requests
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
        select t.case_code from extension_request e join task t on t.id = e.task_id where e.case_code = ?""", code)
        .forEach(c -> related.add(new Related(c, "work.related.task-of-extension")));
    codes("""
        select e.case_code from extension_request e join task t on t.id = e.task_id where t.case_code = ?
        order by e.requested_at""", code)
        .forEach(c -> related.add(new Related(c, "work.related.extension")));
    codes("""
        select f.code from feedback_item f join task t on t.source_feedback_id = f.id where t.case_code = ?""", code)
        .forEach(c -> related.add(new Related(c, "work.related.source-feedback")));
    codes("""
        select t.case_code from task t join feedback_item f on t.source_feedback_id = f.id where f.code = ?""", code)
        .forEach(c -> related.add(new Related(c, "work.related.spawned-task")));
    codes("""
        select f.code from initiative i join feedback_item f on i.feedback_id = f.id where i.case_code = ?""", code)
        .forEach(c -> related.add(new Related(c, "work.related.initiative-feedback")));
    codes("""
        select i.case_code from initiative i join feedback_item f on i.feedback_id = f.id
        where f.code = ? and i.case_code is not null""", code)
        .forEach(c -> related.add(new Related(c, "work.related.feedback-initiative")));
    return related;
  }

  private void add(List<Document> documents, String group, String ownerType, long ownerId) {
    for (AttachmentRef ref : attachments.listFor(ownerType, ownerId)) {
      documents.add(new Document(ref.filename(), group, AttachmentPageController.path(ref.id()), ref.contentType(),
          Math.max(1, (ref.sizeBytes() + 1023) / 1024), INLINE.contains(ref.contentType())));
    }
  }

  private List<Long> idOf(String sql, String code) {
    return jdbc.sql(sql).param(code).query(Long.class).list();
  }

  private List<String> codes(String sql, String code) {
    return jdbc.sql(sql).param(code).query(String.class).list();
  }
}
