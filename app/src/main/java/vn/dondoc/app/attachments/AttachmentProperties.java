package vn.dondoc.app.attachments;

import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.util.unit.DataSize;

/**
 * {@code dondoc.attachments.*}: what may be uploaded and how long an unattached upload is kept.
 * {@code spring.servlet.multipart.max-request-size} must let {@code max-files-per-call} files of {@code max-file-size}
 * through (application.yaml does), and nginx's {@code client_max_body_size} as much.
 *
 * @param maxFileSize the largest file accepted
 * @param allowedTypes the kinds of file accepted, as their content proves them (pdf, png, jpeg, webp, docx, xlsx,
 *     pptx, odt, ods, text, csv)
 * @param maxFilesPerCall files per upload or staff page's post
 * @param stagedRetention how long an upload never attached to a case is kept before it is deleted
 * @param cleanupInterval how often such uploads are looked for (the scheduler reads it)
 * @param zip bounds on inflating an office file, which is a ZIP (zip bombs)
 */
@ConfigurationProperties("dondoc.attachments")
record AttachmentProperties(
    DataSize maxFileSize,
    Set<FileType> allowedTypes,
    int maxFilesPerCall,
    Duration stagedRetention,
    Duration cleanupInterval,
    @NestedConfigurationProperty ContentSniffer.ZipLimits zip) {}
