package vn.dondoc.app.initiatives;

import java.math.BigDecimal;
import java.time.Instant;

/** An initiative as stored (table initiative). */
public record Initiative(
    long id,
    String caseCode,
    InitiativeStatus status,
    InitiativeCategory category,
    String title,
    String problem,
    String solution,
    String expectedProduct,
    String techGroup,
    String orderingAgency,
    String receivingAgency,
    String resourcesNeeded,
    String ipStatus,
    String proposer,
    String proposerName,
    String organisation,
    String taxCode,
    boolean publishProposer,
    Instant submittedAt,
    BigDecimal meanScore,
    BigDecimal spread,
    String decisionReason,
    Instant decidedAt,
    Long feedbackId,
    String processInstanceId,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  public boolean isDraft() {
    return status == InitiativeStatus.DRAFT || status == InitiativeStatus.RETURNED;
  }
}
