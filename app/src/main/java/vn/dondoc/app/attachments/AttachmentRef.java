package vn.dondoc.app.attachments;

import java.util.UUID;

/** An attached file's metadata, without its bytes. */
public record AttachmentRef(
    UUID id, String filename, String contentType, long sizeBytes, String sha256) {}
