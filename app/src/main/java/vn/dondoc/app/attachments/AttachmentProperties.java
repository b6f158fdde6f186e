package vn.dondoc.app.attachments;

import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code dondoc.attachments.*}: what may be uploaded and how long an unattached upload is kept.
 * {@code spring.servlet.multipart.max-request-size} must let {@code max-files-per-call} files of {@code max-file-size}
 * through (application.yaml does), and nginx's {@code client_max_body_size} as much.
 */
@ConfigurationProperties("dondoc.attachments")
record AttachmentProperties(DataSize maxFileSize, Set<FileType> allowedTypes, int maxFilesPerCall,
    Duration stagedRetention, ContentSniffer.ZipLimits zip) {}
