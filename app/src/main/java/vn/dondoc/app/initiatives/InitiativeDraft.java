package vn.dondoc.app.initiatives;

import java.util.List;
import vn.dondoc.app.attachments.AttachmentClaim;

/** What an innovator writes; a draft may be incomplete, a submission may not. */
public record InitiativeDraft(
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
    String organisation,
    String taxCode,
    Boolean publishProposer,
    List<AttachmentClaim> attachments) {}
