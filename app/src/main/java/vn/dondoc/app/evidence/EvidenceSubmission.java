package vn.dondoc.app.evidence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import vn.dondoc.app.attachments.AttachmentClaim;
import vn.dondoc.app.tasks.EvidenceLevel;

/** A completion report as the lead agency sends it: what was done and the evidence for it. */
public record EvidenceSubmission(String summary, List<Item> items) {

  /** One piece of evidence; which fields are required depends on its kind. */
  public record Item(EvidenceKind kind, EvidenceLevel level, String description, String documentNumber,
      LocalDate documentDate, String systemUrl, LocalDate goLiveDate, String figureName, BigDecimal figureValue,
      String figureUnit, AttachmentClaim attachment) {}
}
