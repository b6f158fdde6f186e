package vn.dondoc.app.extensions;

import java.time.LocalDate;
import java.util.List;
import vn.dondoc.app.attachments.AttachmentClaim;
import vn.dondoc.app.extensions.ExtensionRepository.Milestone;

/** What the lead agency sends to ask for a later deadline. */
public record ExtensionRequest(
    LocalDate proposedDeadline,
    ExtensionReason reason,
    String narrative,
    List<Milestone> milestones,
    List<AttachmentClaim> attachments) {}
