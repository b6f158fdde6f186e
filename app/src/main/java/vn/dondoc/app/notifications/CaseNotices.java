package vn.dondoc.app.notifications;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The word that came back to the people working on a case and waits for them: evidence returned for more, the
 * standing office's question about an extension, an extension decided, a draft answer sent back by the leader,
 * a feedback item returned for rerouting, an initiative returned to its proposer. Read from the audit log (what
 * the step recorded when it was taken: its note and who wrote it), never from a process variable, which a later
 * step could have overwritten. A notice stands until the case records the answer to it ({@link Kind#answeredBy}):
 * new evidence, the reply, the agency's next report, a new draft.
 *
 * <p>An extension request (GH-…) is recorded on its task's case: its notices are its task's events that name it.
 */
@Component
public class CaseNotices {

  private static final List<String> TASK_CLOSED = List.of("TASK_COMPLETED", "TASK_WITHDRAWN");
  private static final List<String> AGENCY_MOVED = List.of(
      "TASK_ACKNOWLEDGED",
      "TASK_PROGRESS_REPORTED",
      "TASK_COMPLETION_REPORTED",
      "EXTENSION_REQUESTED");

  /** What came back, by the audit action that records it, and the actions that answer it. */
  public enum Kind {
    EVIDENCE_RETURNED("EVIDENCE_RETURNED", join(List.of("TASK_COMPLETION_REPORTED"), TASK_CLOSED)),
    EXTENSION_QUESTION(
        "EXTENSION_INFO_REQUESTED",
        join(
            List.of("EXTENSION_INFO_PROVIDED", "EXTENSION_APPROVED", "EXTENSION_REJECTED"),
            TASK_CLOSED)),
    EXTENSION_APPROVED("EXTENSION_APPROVED", join(AGENCY_MOVED, TASK_CLOSED)),
    EXTENSION_REJECTED("EXTENSION_REJECTED", join(AGENCY_MOVED, TASK_CLOSED)),
    ANSWER_SENT_BACK(
        "ANSWER_SENT_BACK", List.of("ANSWER_DRAFTED", "ASKED_SENDER", "ANSWERED", "CLOSED")),
    FEEDBACK_RETURNED("RETURNED", List.of("CLASSIFIED", "HANDLED_CENTRALLY", "CLOSED")),
    INITIATIVE_RETURNED(
        "INITIATIVE_RETURNED", List.of("INITIATIVE_COMPLETED", "INITIATIVE_CLOSED_INCOMPLETE"));

    final String action;
    final List<String> answeredBy;

    Kind(String action, List<String> answeredBy) {
      this.action = action;
      this.answeredBy = answeredBy;
    }

    static Optional<Kind> of(String action) {
      for (Kind kind : values()) {
        if (kind.action.equals(action)) {
          return Optional.of(kind);
        }
      }
      return Optional.empty();
    }
  }

  /**
   * A notice: its kind, the note as written (empty when none), who wrote it (a username; null for the system), when,
   * and for an approved extension the new deadline (yyyy-MM-dd).
   */
  public record Notice(Kind kind, String note, String author, Instant at, String deadline) {}

  /** One audit event as the rule reads it. */
  record Event(String action, String author, String note, String deadline, Instant at) {}

  private static final String[] ACTIONS = actions();

  private final JdbcClient jdbc;

  CaseNotices(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Notice> of(String caseCode) {
    return Optional.ofNullable(of(List.of(caseCode)).get(caseCode));
  }

  /** The standing notice of each of these cases that has one. */
  public Map<String, Notice> of(Collection<String> caseCodes) {
    if (caseCodes.isEmpty()) {
      return Map.of();
    }
    String[] codes = caseCodes.toArray(String[]::new);
    Map<String, String> taskOfExtension = new HashMap<>();
    jdbc.sql(
            "select e.case_code, t.case_code as task_code from extension_request e join task t on t.id = e.task_id"
                + " where e.case_code = any(?)")
        .param(codes)
        .query(rs -> {
          taskOfExtension.put(rs.getString("case_code"), rs.getString("task_code"));
        });
    Set<String> recorded = new HashSet<>(caseCodes);
    recorded.addAll(taskOfExtension.values());
    Map<String, List<Event>> byCase = new HashMap<>();
    jdbc.sql("""
            select case_code, action, actor, coalesce(detail->>'note', detail->>'reason') as note,
              detail->>'deadline' as deadline, detail->>'extension' as extension, occurred_at
            from audit_event where case_code = any(?) and action = any(?)
            order by occurred_at desc, id desc""").params(recorded.toArray(String[]::new), ACTIONS).query(rs -> {
      Event event = new Event(
          rs.getString("action"),
          rs.getString("actor"),
          rs.getString("note"),
          rs.getString("deadline"),
          rs.getTimestamp("occurred_at").toInstant());
      String extension = rs.getString("extension");
      // an extension's events count for its own case too
      if (extension != null && taskOfExtension.containsKey(extension)) {
        byCase.computeIfAbsent(extension, c -> new ArrayList<>()).add(event);
      }
      byCase.computeIfAbsent(rs.getString("case_code"), c -> new ArrayList<>()).add(event);
    });
    Map<String, Notice> notices = new HashMap<>();
    for (String code : caseCodes) {
      standing(byCase.getOrDefault(code, List.of())).ifPresent(notice -> notices.put(code, notice));
    }
    return notices;
  }

  /** The newest notice among a case's events (newest first) that no later event answers. */
  static Optional<Notice> standing(List<Event> newestFirst) {
    Set<String> later = new HashSet<>();
    for (Event event : newestFirst) {
      Optional<Kind> kind = Kind.of(event.action());
      if (kind.isPresent() && kind.get().answeredBy.stream().noneMatch(later::contains)) {
        return Optional.of(new Notice(
            kind.get(),
            event.note() == null ? "" : event.note().strip(),
            event.author(),
            event.at(),
            event.deadline()));
      }
      later.add(event.action());
    }
    return Optional.empty();
  }

  private static String[] actions() {
    Set<String> actions = new HashSet<>();
    for (Kind kind : Kind.values()) {
      actions.add(kind.action);
      actions.addAll(kind.answeredBy);
    }
    return actions.toArray(String[]::new);
  }

  private static List<String> join(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return List.copyOf(all);
  }
}
