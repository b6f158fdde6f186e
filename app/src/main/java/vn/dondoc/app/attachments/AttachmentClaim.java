package vn.dondoc.app.attachments;

import java.util.UUID;

/** A request to attach a staged upload, proved by the token its upload returned. */
public record AttachmentClaim(UUID id, String uploadToken) {}
