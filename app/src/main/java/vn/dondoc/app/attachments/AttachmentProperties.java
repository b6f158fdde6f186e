package vn.dondoc.app.attachments;

import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code dondoc.attachments.*}: what may be uploaded and how long an unattached upload is kept.
 * {@code spring.servlet.multipart.max-file-size} must follow {@code max-file-size} (application.yaml does).
 */
@ConfigurationProperties("dondoc.attachments")
record AttachmentProperties(DataSize maxFileSize, Set<FileType> allowedTypes, int maxFilesPerCall,
    Duration stagedRetention, ContentSniffer.ZipLimits zip) {}
