package vn.dondoc.app.workspace;

import java.time.Instant;

/**
 * One step someone may work on, as "Việc của tôi" lists it: all in words a person reads.
 *
 * @param taskId the engine's task id (the page's address)
 * @param stepKey the model's task definition key (filters use it; never shown)
 * @param stepName the step's Vietnamese name from the model
 * @param caseType the case type's label
 * @param caseCode the case's code (the process's business key)
 * @param title the case's title
 * @param agency the agency the step is for, by name; null for central steps
 * @param due the step's due instant; null when it has none
 * @param dueDay dd/MM/yyyy
 * @param countdown "còn 3 ngày làm việc", "quá hạn 2 ngày làm việc"
 * @param returned word came back to the step and waits for its answer (evidence returned, a question about an
 *     extension, an extension decided, a draft sent back by the leader, an item returned for rerouting): {@code
 *     notifications.CaseNotices}, read from the case's record
 * @param returnNote the note it came with, as recorded
 * @param noticeKind which of those it is ({@code CaseNotices.Kind}), for the badge's words
 * @param assignee who has claimed it (null: the group's)
 * @param mine whether the caller has claimed it or it is assigned to them
 * @param href the page where the step is done
 */
public record WorkItem(
    String taskId,
    String stepKey,
    String stepName,
    String caseType,
    String caseCode,
    String title,
    String agency,
    Instant due,
    String dueDay,
    String countdown,
    boolean nearDue,
    boolean overdue,
    boolean returned,
    String returnNote,
    String noticeKind,
    String assignee,
    boolean mine,
    String href) {}
