package vn.dondoc.app.attachments;

import java.util.UUID;

/** The answer to an upload. {@code uploadToken} is shown once and stored only as its SHA-256. */
public record StagedUpload(
    UUID id,
    String filename,
    String contentType,
    long sizeBytes,
    String sha256,
    String uploadToken) {}
