package vn.dondoc.app.attachments;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.util.UriUtils;
import vn.dondoc.app.web.NotFoundException;

/**
 * Attached files for staff pages (browser session, not a bearer token), under the same access policies
 * as {@code GET /api/v1/attachments/{id}}. PDFs and images are served {@code inline} so that a review
 * page can show them in an {@code <iframe>} or {@code <img>} of the same origin; every other type stays a
 * download in a sandbox. The type is the one the content was recognised as when it was uploaded, never
 * the uploader's claim, and the browser may not sniff another.
 */
@Controller
public class AttachmentPageController {

  /** The page path of a file: {@code /tep/{id}}. */
  static final String PATH = "/tep/";

  /** Types a browser renders by itself without running anything of the file's. */
  private static final Set<String> INLINE =
      Set.of("application/pdf", "image/png", "image/jpeg", "image/gif", "image/webp");

  /**
   * For the inline types: nothing may load or run from the file's document (a PDF's viewer is the
   * browser's own), and only our pages may frame it.
   */
  private static final String INLINE_POLICY =
      "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; "
          + "object-src 'self'; frame-ancestors 'self'";

  private final AttachmentService attachments;

  AttachmentPageController(AttachmentService attachments) {
    this.attachments = attachments;
  }

  /** A link to the file for a page. */
  public static String path(UUID id) {
    return PATH + id;
  }

  @GetMapping(PATH + "{id}")
  ResponseEntity<byte[]> view(@PathVariable String id, Authentication caller) {
    AttachmentService.Download file = AttachmentController.parse(id)
        .flatMap(uuid -> attachments.read(uuid, caller))
        .orElseThrow(() -> new NotFoundException("attachment.not-found"));
    AttachmentRef ref = file.ref();
    boolean inline = INLINE.contains(ref.contentType());
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(ref.contentType()))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            (inline ? "inline" : "attachment") + "; filename*=UTF-8''"
                + UriUtils.encode(ref.filename(), StandardCharsets.UTF_8))
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", inline ? INLINE_POLICY : "sandbox")
        // Spring Security's default DENY would keep the review page from framing a PDF of its own
        // origin.
        .header("X-Frame-Options", "SAMEORIGIN")
        .cacheControl(CacheControl.noStore().cachePrivate())
        .eTag(ref.sha256())
        .body(file.content());
  }
}
