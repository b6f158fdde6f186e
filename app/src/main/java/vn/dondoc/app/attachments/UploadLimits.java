package vn.dondoc.app.attachments;

import java.util.List;

/**
 * What an upload may be, from the same settings {@link AttachmentService} checks against, for pages that
 * check a file in the browser before sending it: its size in bytes (and megabytes, to say it), how many
 * files go with one post, and the file-name extensions of the allowed types.
 */
public record UploadLimits(
    long maxBytes, long maxMegabytes, int maxFiles, List<String> extensions) {}
