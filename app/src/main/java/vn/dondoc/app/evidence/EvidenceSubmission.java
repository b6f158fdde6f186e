package vn.dondoc.app.evidence;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import vn.dondoc.app.attachments.AttachmentClaim;
import vn.dondoc.app.tasks.EvidenceLevel;

/** A completion report as the lead agency sends it: what was done and the evidence for it. */
public record EvidenceSubmission(String summary, List<Item> items) {

  /**
   * One piece of evidence; which fields are required depends on its kind. {@code attachments}: the files
   * showing it, in order; a single {@code attachment}, as the API took before items had several files, is
   * still read as a list of one.
   */
  public record Item(
      EvidenceKind kind,
      EvidenceLevel level,
      String description,
      String documentNumber,
      LocalDate documentDate,
      String systemUrl,
      LocalDate goLiveDate,
      String figureName,
      BigDecimal figureValue,
      String figureUnit,

      @JsonAlias("attachment") @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
      List<AttachmentClaim> attachments) {}
}
