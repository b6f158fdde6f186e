package vn.dondoc.app.tasks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A task as stored (table task), with its directive's reference and its co-operating agencies. */
public record TaskRecord(
    long id,
    String caseCode,
    String taskCode,
    Long directiveId,
    String directiveSymbol,
    LocalDate directiveIssuedOn,
    String directiveType,
    Long sourceFeedbackId,
    String sourceFeedbackCode,
    String section,
    TaskField field,
    String content,
    boolean recurring,
    boolean reportsMonthly,
    String leadAgency,
    List<String> cooperatingAgencies,
    String deadlineText,
    LocalDate originalDeadline,
    LocalDate currentDeadline,
    String expectedProduct,
    EvidenceLevel evidenceLevel,
    TaskStatus status,
    Instant acknowledgedAt,
    Instant completionReportedAt,
    Instant completionVerifiedAt,
    LocalDate completedOn,
    int missedReports,
    String processInstanceId,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  private static final int TITLE_LENGTH = 160;

  /** A short title for lists and forms: the content up to a word boundary. */
  public String title() {
    String text = content.strip().replaceAll("\\s+", " ");
    if (text.length() <= TITLE_LENGTH) {
      return text;
    }
    int cut = text.lastIndexOf(' ', TITLE_LENGTH);
    return text.substring(0, cut > TITLE_LENGTH / 2 ? cut : TITLE_LENGTH) + "…";
  }

  /** Whether a member of this agency works on the task, as lead or co-operating agency. */
  public boolean involves(String agency) {
    return leadAgency.equals(agency) || cooperatingAgencies.contains(agency);
  }

  public Timeliness timelinessOn(LocalDate day, int nearDueDays) {
    return Timeliness.of(status, originalDeadline, completedOn, day, nearDueDays);
  }
}
