package vn.dondoc.app.attachments;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import vn.dondoc.app.security.Roles;
import vn.dondoc.app.web.InvalidFieldException;

/**
 * Files in two steps: an upload is checked and stored as staged (committed before the client hears
 * 201, so it survives a crash), then attached to its owner inside the owner's business transaction by
 * whoever holds the upload token. Other capabilities use {@link #attach} and {@link #listFor}.
 */
@Service
public class AttachmentService {

  private static final Logger log = LoggerFactory.getLogger(AttachmentService.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final AttachmentRepository repository;
  private final ContentSniffer sniffer;
  private final AttachmentProperties properties;
  private final Map<String, AttachmentAccessPolicy> policies;
  private final PdfSignatureVerifier signatureVerifier;
  private final Clock clock;

  AttachmentService(
      AttachmentRepository repository,
      ContentSniffer sniffer,
      AttachmentProperties properties,
      ObjectProvider<AttachmentAccessPolicy> policies,
      PdfSignatureVerifier signatureVerifier,
      Clock clock) {
    this.repository = repository;
    this.sniffer = sniffer;
    this.signatureVerifier = signatureVerifier;
    this.properties = properties;
    this.policies = policies
        .orderedStream()
        .collect(Collectors.toMap(AttachmentAccessPolicy::ownerType, Function.identity()));
    this.clock = clock;
  }

  /** A file and its bytes, for download. */
  record Download(AttachmentRef ref, byte[] content) {}

  /** An upload that passed the checks, not stored yet. */
  private record Checked(AttachmentRef ref, byte[] bytes) {}

  /**
   * Reads and checks one upload. Reads at most one byte past the limit, whatever the servlet container
   * let through, and computes the SHA-256 on the way.
   */
  private Checked check(String declaredFilename, InputStream content) throws IOException {
    MessageDigest digest = sha256();
    long limit = properties.maxFileSize().toBytes();
    byte[] bytes = new DigestInputStream(content, digest).readNBytes(Math.toIntExact(limit + 1));
    if (bytes.length > limit) {
      throw tooLarge();
    }
    ContentSniffer.Inspected file = sniffer.inspect(declaredFilename, bytes);
    return new Checked(
        new AttachmentRef(
            UUID.randomUUID(),
            file.filename(),
            file.type().mediaType(),
            bytes.length,
            HexFormat.of().formatHex(digest.digest())),
        bytes);
  }

  /** Checks and stores one upload. */
  StagedUpload stage(String declaredFilename, InputStream content, String uploadedBy)
      throws IOException {
    Checked file = check(declaredFilename, content);
    AttachmentRef ref = file.ref();
    String token = newToken();
    repository.insertStaged(ref, file.bytes(), uploadedBy, hash(token), clock.instant());
    return new StagedUpload(
        ref.id(), ref.filename(), ref.contentType(), ref.sizeBytes(), ref.sha256(), token);
  }

  /**
   * The file in a multipart request's part (parsed only now, spring.servlet.multipart.resolve-lazily), or
   * empty when there is no such part; an oversized or malformed body is a problem naming {@code file}.
   */
  public Optional<MultipartFile> part(MultipartHttpServletRequest request, String name) {
    return parsed(() -> Optional.ofNullable(request.getFile(name)), tooLarge());
  }

  /**
   * The files chosen in a form's {@code <input type="file" name="..." multiple>}, without the empty part
   * a browser sends when none was chosen; parsed as {@link #part}. A body over the limit of the whole
   * request holds a file over the limit or more files than are taken at once: the container cannot say which.
   */
  public List<MultipartFile> parts(MultipartHttpServletRequest request, String name) {
    InvalidFieldException oversized = new InvalidFieldException(
        "file",
        "validation.attachment.request-too-large",
        properties.maxFileSize().toMegabytes(),
        properties.maxFilesPerCall());
    return parsed(() -> request.getFiles(name), oversized).stream()
        .filter(file -> !file.isEmpty() || StringUtils.hasText(file.getOriginalFilename()))
        .toList();
  }

  private static <T> T parsed(Supplier<T> parts, InvalidFieldException oversized) {
    try {
      return parts.get();
    } catch (MaxUploadSizeExceededException e) {
      throw oversized;
    } catch (MultipartException e) {
      throw new InvalidFieldException("file", "validation.attachment.unreadable");
    }
  }

  /** Checks and stores an uploaded part, as {@link #stage(String, InputStream, String)}. */
  public StagedUpload stage(MultipartFile file, String uploadedBy) throws IOException {
    try (InputStream content = file.getInputStream()) {
      return stage(file.getOriginalFilename(), content, uploadedBy);
    }
  }

  /**
   * Several files posted together (a page's form): each is checked before any is stored, so that one
   * refused file leaves none staged, and a refusal names its position, {@code files[i]}. They are read
   * twice, from the container's temporary files, rather than held in memory all at once. At most
   * {@code max-files-per-call}, which is what spring.servlet.multipart.max-request-size allows for.
   */
  @Transactional
  public List<StagedUpload> stageAll(List<MultipartFile> files, String uploadedBy)
      throws IOException {
    if (files.size() > properties.maxFilesPerCall()) {
      throw new InvalidFieldException(
          "files", "validation.attachment.too-many", properties.maxFilesPerCall());
    }
    for (int i = 0; i < files.size(); i++) {
      try (InputStream content = files.get(i).getInputStream()) {
        check(files.get(i).getOriginalFilename(), content);
      } catch (InvalidFieldException e) {
        throw new InvalidFieldException("files[" + i + "]", e.messageKey(), e.arguments());
      }
    }
    List<StagedUpload> staged = new ArrayList<>();
    for (MultipartFile file : files) {
      staged.add(stage(file, uploadedBy));
    }
    return staged;
  }

  /** The limits {@link #stage} and {@link #attach} enforce, for the pages that check files before sending them. */
  public UploadLimits limits() {
    return new UploadLimits(
        properties.maxFileSize().toBytes(),
        properties.maxFileSize().toMegabytes(),
        properties.maxFilesPerCall(),
        properties.allowedTypes().stream()
            .sorted()
            .flatMap(type -> type.extensions().stream())
            .toList());
  }

  InvalidFieldException tooLarge() {
    return new InvalidFieldException(
        "file", "validation.attachment.too-large", properties.maxFileSize().toMegabytes());
  }

  /**
   * Gives staged uploads an owner. Must run in the owner's transaction: a bad claim throws and the
   * whole business change rolls back. A claim is bad when its id is unknown, its token wrong, the file
   * already attached or expired; these are not told apart.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public List<AttachmentRef> attach(List<AttachmentClaim> claims, String ownerType, long ownerId) {
    if (claims.size() > properties.maxFilesPerCall()) {
      throw new InvalidFieldException(
          "attachments", "validation.attachment.too-many", properties.maxFilesPerCall());
    }
    Instant now = clock.instant();
    Instant stagedSince = now.minus(properties.stagedRetention());
    List<AttachmentRef> attached = new ArrayList<>();
    for (int i = 0; i < claims.size(); i++) {
      AttachmentClaim claim = claims.get(i);
      String field = "attachments[" + i + "]";
      Optional<AttachmentRef> ref =
          claim == null || claim.id() == null || claim.uploadToken() == null
              ? Optional.empty()
              : repository.attach(
                  claim.id(), hash(claim.uploadToken()), stagedSince, ownerType, ownerId, now);
      attached.add(ref.orElseThrow(
          () -> new InvalidFieldException(field, "validation.attachment.claim-invalid")));
    }
    return attached;
  }

  /**
   * A PDF that Dondoc made itself (an answer letter), attached to its owner at once, in the caller's transaction:
   * no upload, so no checks of an upload and no token.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public AttachmentRef storeGenerated(String filename, byte[] pdf, String ownerType, long ownerId) {
    AttachmentRef ref = new AttachmentRef(
        UUID.randomUUID(),
        filename,
        FileType.PDF.mediaType(),
        pdf.length,
        HexFormat.of().formatHex(sha256().digest(pdf)));
    repository.insertAttached(ref, pdf, ownerType, ownerId, clock.instant());
    return ref;
  }

  /** The bytes of an attached file, for a capability that has decided the caller may read it. */
  public byte[] contentOf(UUID id) {
    return repository.content(id);
  }

  public List<AttachmentRef> listFor(String ownerType, long ownerId) {
    return repository.listFor(ownerType, ownerId);
  }

  /**
   * The embedded signatures of an attached PDF, verified (empty for other types). For a page that has already
   * decided the caller may see the file's owner, as the reviewer's page has.
   */
  public Optional<PdfSignatureCheck> signatures(AttachmentRef file) {
    if (!FileType.PDF.mediaType().equals(file.contentType())) {
      return Optional.empty();
    }
    return Optional.of(signatureVerifier.check(repository.content(file.id())));
  }

  /** Empty when the file is unknown, still staged, or not the caller's to read: the caller cannot tell which. */
  Optional<Download> read(UUID id, Authentication caller) {
    return repository
        .find(id)
        .filter(stored ->
            stored.ownerType() != null && mayRead(caller, stored.ownerType(), stored.ownerId()))
        .map(stored -> new Download(stored.ref(), repository.content(id)));
  }

  private boolean mayRead(Authentication caller, String ownerType, long ownerId) {
    AttachmentAccessPolicy policy = policies.get(ownerType);
    if (policy != null) {
      return policy.mayRead(caller, ownerId);
    }
    Set<String> granted = AuthorityUtils.authorityListToSet(caller.getAuthorities());
    return Arrays.stream(Roles.OVERSIGHT).anyMatch(role -> granted.contains("ROLE_" + role));
  }

  @Scheduled(fixedDelayString = "${dondoc.attachments.cleanup-interval}")
  public void deleteExpiredStagedUploads() {
    int deleted =
        repository.deleteStagedBefore(clock.instant().minus(properties.stagedRetention()));
    if (deleted > 0) {
      log.info("Deleted {} staged upload(s) that were never attached", deleted);
    }
  }

  private static String newToken() {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
  }

  private static String hash(String token) {
    return HexFormat.of().formatHex(sha256().digest(token.getBytes(StandardCharsets.UTF_8)));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
