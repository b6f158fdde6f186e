package vn.dondoc.app.attachments;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.UriUtils;
import vn.dondoc.app.web.InvalidFieldException;
import vn.dondoc.app.web.NotFoundException;

@RestController
@RequestMapping("/api/v1/attachments")
class AttachmentController {

  private final AttachmentService attachments;

  AttachmentController(AttachmentService attachments) {
    this.attachments = attachments;
  }

  /**
   * Open to anyone, like feedback itself; a logged-in uploader is recorded. The multipart body is parsed
   * here, not before the controller (spring.servlet.multipart.resolve-lazily), so that an oversized or
   * malformed upload becomes a problem naming {@code file}.
   */
  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<StagedUpload> upload(
      MultipartHttpServletRequest request, @AuthenticationPrincipal Jwt uploader)
      throws IOException {
    MultipartFile file = attachments
        .part(request, "file")
        .orElseThrow(() -> new InvalidFieldException("file", "validation.required"));
    StagedUpload staged = attachments.stage(
        file, uploader == null ? null : uploader.getClaimAsString("preferred_username"));
    return ResponseEntity.created(URI.create("/api/v1/attachments/" + staged.id()))
        .body(staged);
  }

  /**
   * The bytes as stored, under headers that keep a browser from rendering or sniffing them: always a
   * download, in a sandbox, with the type the content was recognised as.
   */
  @GetMapping("/{id}")
  ResponseEntity<byte[]> download(@PathVariable String id, Authentication caller) {
    AttachmentService.Download file = parse(id)
        .flatMap(uuid -> attachments.read(uuid, caller))
        .orElseThrow(() -> new NotFoundException("attachment.not-found"));
    AttachmentRef ref = file.ref();
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(ref.contentType()))
        // RFC 5987 only: Spring's ContentDisposition adds an RFC 2047 filename= that some clients
        // save verbatim.
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename*=UTF-8''"
                + UriUtils.encode(ref.filename(), StandardCharsets.UTF_8))
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "sandbox")
        .eTag(ref.sha256())
        .body(file.content());
  }

  /** A malformed id is one more unknown id: 404 like the others, not a 400 that tells ids apart. */
  static Optional<UUID> parse(String id) {
    try {
      return Optional.of(UUID.fromString(id));
    } catch (IllegalArgumentException notAnId) {
      return Optional.empty();
    }
  }
}
