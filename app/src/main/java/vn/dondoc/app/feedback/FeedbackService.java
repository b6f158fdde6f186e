package vn.dondoc.app.feedback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dondoc.app.agencies.ReferenceData;
import vn.dondoc.app.attachments.AttachmentService;
import vn.dondoc.app.cases.CaseCodes;
import vn.dondoc.app.sla.SlaClockService;
import vn.dondoc.app.web.FieldProblems;
import vn.dondoc.app.web.InvalidFieldException;
import vn.dondoc.processes.FeedbackHandling;
import vn.dondoc.processes.FeedbackHandling.Var;
import vn.dondoc.processes.sla.SlaStage;

/**
 * Receives feedback: the record, its process and its outbox row are written in one transaction, so
 * an accepted submission is never half-stored, and a failure stores nothing.
 */
@Service
@EnableConfigurationProperties(FeedbackProperties.class)
public class FeedbackService {

  public static final String CASE_TYPE = "feedback";
  static final String CODE_PREFIX = "PAKN";
  private static final int EXCERPT_LENGTH = 1000;

  private final FeedbackRepository repository;
  private final CaseCodes codes;
  private final ReferenceData referenceData;
  private final RuntimeService runtime;
  private final FeedbackChanges changes;
  private final TransactionTemplate transaction;
  private final TrackingSecrets secrets;
  private final AttachmentService attachments;
  private final FeedbackMail mail;
  private final FeedbackReceipts receipts;
  private final ObjectMapper json;
  private final SlaClockService clocks;
  private final Duration replayWindow;

  FeedbackService(
      FeedbackRepository repository,
      CaseCodes codes,
      ReferenceData referenceData,
      RuntimeService runtime,
      FeedbackChanges changes,
      TransactionTemplate transaction,
      TrackingSecrets secrets,
      AttachmentService attachments,
      FeedbackMail mail,
      FeedbackReceipts receipts,
      ObjectMapper json,
      SlaClockService clocks,
      FeedbackProperties settings) {
    this.repository = repository;
    this.codes = codes;
    this.referenceData = referenceData;
    this.runtime = runtime;
    this.changes = changes;
    this.transaction = transaction;
    this.secrets = secrets;
    this.attachments = attachments;
    this.mail = mail;
    this.receipts = receipts;
    this.json = json;
    this.clocks = clocks;
    this.replayWindow = settings.idempotencyWindow();
  }

  public long idOf(String code) {
    return repository.findByCode(code).orElseThrow().id();
  }

  /** A feedback item made of an initiative's submission: each links to the other. */
  public void linkInitiative(String code, long initiativeId) {
    FeedbackRepository.Item item = repository.findByCode(code).orElseThrow();
    repository.linkInitiative(item.id(), initiativeId, changes.now());
    changes.recorded(
        item.id(), code, "FROM_INITIATIVE", null, Map.of("initiativeId", initiativeId));
  }

  /** The outcome of a submission; {@code created} is false when an Idempotency-Key replayed an earlier one. */
  public record Submitted(FeedbackReceipt receipt, boolean created) {}

  /**
   * An Idempotency-Key that cannot replay: it came with another request (another body or caller), or its
   * replay window has passed. Nothing is stored and nothing of the first request is told (422).
   */
  static class IdempotencyKeyReused extends RuntimeException {
    private final String messageKey;

    IdempotencyKeyReused(String messageKey) {
      super(messageKey);
      this.messageKey = messageKey;
    }

    String messageKey() {
      return messageKey;
    }
  }

  /**
   * Stores a submission. With an Idempotency-Key, a second call replays the first answer (tracking secret
   * included) only when it is the same request from the same caller within the replay window: whoever
   * sends it could have produced that answer themselves.
   */
  public Submitted submit(
      FeedbackSubmission submission, String idempotencyKey, String submittedBy) {
    if (idempotencyKey != null && idempotencyKey.length() > 100) {
      throw new InvalidFieldException("Idempotency-Key", "validation.idempotency-key.size");
    }
    FeedbackSubmission clean = normalise(submission);
    String localityName = checkedLocalityName(clean);
    String requestHash = idempotencyKey == null ? null : requestHash(clean, submittedBy);
    Optional<Submitted> replay = replayOf(idempotencyKey, requestHash);
    if (replay.isPresent()) {
      return replay.get();
    }
    try {
      // the code is taken before the submission's transaction: taking it inside would hold one
      // pooled
      // connection while waiting for a second, and under load the pool runs dry (bench/outbox-lag
      // at 20/s)
      String code = codes.next(CODE_PREFIX);
      return new Submitted(
          transaction.execute(
              status -> store(code, clean, localityName, idempotencyKey, requestHash, submittedBy)),
          true);
    } catch (DuplicateKeyException concurrentSameKey) {
      return replayOf(idempotencyKey, requestHash).orElseThrow(() -> concurrentSameKey);
    }
  }

  /** Whether a submission was stored under this Idempotency-Key (the demo data's fixed keys). */
  public boolean storedUnder(String idempotencyKey) {
    return repository.findByIdempotencyKey(idempotencyKey).isPresent();
  }

  private Optional<Submitted> replayOf(String idempotencyKey, String requestHash) {
    if (idempotencyKey == null) {
      return Optional.empty();
    }
    return repository.findByIdempotencyKey(idempotencyKey).map(item -> {
      if (!repository.idempotencyRequestHash(item.id()).map(requestHash::equals).orElse(false)) {
        throw new IdempotencyKeyReused("problem.idempotency-key.other-request");
      }
      if (item.submittedAt().plus(replayWindow).isBefore(changes.now())) {
        throw new IdempotencyKeyReused("problem.idempotency-key.expired");
      }
      return new Submitted(item.receipt(secrets.issue(item.code(), idempotencyKey)), false);
    });
  }

  /** The caller and the normalised submission, hashed: the same request sent again hashes the same. */
  private String requestHash(FeedbackSubmission clean, String submittedBy) {
    try {
      return TrackingSecrets.hash(
          (submittedBy == null ? "" : submittedBy) + "\n" + json.writeValueAsString(clean));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a submission that was read from JSON is written as JSON", e);
    }
  }

  private FeedbackReceipt store(
      String code,
      FeedbackSubmission submission,
      String localityName,
      String idempotencyKey,
      String requestHash,
      String submittedBy) {
    Instant now = changes.now();
    String secret = secrets.issue(code, idempotencyKey);
    long id = repository.insert(
        code,
        submission,
        submittedBy,
        idempotencyKey,
        requestHash,
        TrackingSecrets.hash(secret),
        now);
    attachments.attach(submission.attachmentsOrNone(), CASE_TYPE, id);
    String processInstanceId = runtime
        .startProcessInstanceByKey(
            FeedbackHandling.PROCESS_KEY, code, variables(id, code, submission, localityName))
        .getId();
    repository.attachProcess(id, processInstanceId);
    changes.recorded(
        id,
        code,
        "SUBMITTED",
        submittedBy,
        Map.of("field", submission.field().code(), "locality", submission.locality()));
    FeedbackRepository.Item item = repository.findById(id).orElseThrow();
    mail.receiptTo(item, receipts.answerDueDay(item));
    return item.receipt(secret);
  }

  /**
   * An item an officer records for its sender, received through {@code channel} at {@code receivedAt}
   * (checked by the caller: not in the future). The item counts as submitted then, and the first stage's
   * SLA clock starts then, not when it was typed in: the clock is moved back as soon as the process has
   * started it, in the same transaction. The sender gets code and secret by e-mail (after the commit,
   * through the mail relay) when an address was given; the officer's page shows them for the counter's slip.
   *
   * @param officerName the officer's full name, kept in the audit trail with the channel
   */
  public FeedbackReceipt receiveOnBehalf(
      FeedbackSubmission submission,
      FeedbackChannel channel,
      Instant receivedAt,
      String officer,
      String officerName) {
    FeedbackSubmission clean = normalise(submission);
    String localityName = checkedLocalityName(clean);
    String code = codes.next(CODE_PREFIX);
    return transaction.execute(status -> {
      Instant now = changes.now();
      String secret = secrets.issue(code, null);
      long id = repository.insert(
          code, clean, officer, null, null, TrackingSecrets.hash(secret), channel, receivedAt, now);
      attachments.attach(clean.attachmentsOrNone(), CASE_TYPE, id);
      String processInstanceId = runtime
          .startProcessInstanceByKey(
              FeedbackHandling.PROCESS_KEY, code, variables(id, code, clean, localityName))
          .getId();
      repository.attachProcess(id, processInstanceId);
      if (receivedAt.isBefore(now)) {
        clocks.backdate(processInstanceId, SlaStage.ROUTE, receivedAt);
      }
      Map<String, Object> detail = new HashMap<>();
      detail.put("field", clean.field().code());
      detail.put("locality", clean.locality());
      detail.put("channel", channel.code());
      detail.put("receivedAt", receivedAt.toString());
      detail.put("officer", officerName == null ? officer : officerName);
      changes.recorded(id, code, "SUBMITTED", officer, detail);
      FeedbackRepository.Item item = repository.findById(id).orElseThrow();
      mail.receivedFor(item, secret, receipts.answerDueDay(item));
      return item.receipt(secret);
    });
  }

  /**
   * A case started on the start event with its form (Tasklist), inside the engine's transaction: the
   * record made of the form's values, the case's variables as the API would have set them, the case
   * code as business key (messages from the sender correlate by it). The sender, who was not there,
   * gets code and secret by e-mail when the form has an address.
   */
  FeedbackReceipt receiveStarted(
      DelegateExecution execution, FeedbackSubmission submission, String startedBy) {
    FeedbackSubmission clean = normalise(submission);
    String localityName = checkedLocalityName(clean);
    // taken inside the engine's transaction (a second connection): fine for a case typed in by hand
    String code = codes.next(CODE_PREFIX);
    String secret = secrets.issue(code, null);
    long id = repository.insert(
        code, clean, startedBy, null, null, TrackingSecrets.hash(secret), changes.now());
    execution.setProcessBusinessKey(code);
    execution.setVariables(variables(id, code, clean, localityName));
    repository.attachProcess(id, execution.getProcessInstanceId());
    changes.recorded(
        id,
        code,
        "SUBMITTED",
        startedBy,
        Map.of(
            "field", clean.field().code(), "locality", clean.locality(), "startedIn", "tasklist"));
    FeedbackRepository.Item item = repository.findById(id).orElseThrow();
    mail.receivedFor(item, secret, receipts.answerDueDay(item));
    return item.receipt(secret);
  }

  /** The locality's name; an unknown locality and a sender who cannot be reached are refused together. */
  private String checkedLocalityName(FeedbackSubmission clean) {
    FieldProblems problems = new FieldProblems();
    String localityName = referenceData.localityName(clean.locality()).orElse(null);
    if (localityName == null) {
      problems.add("locality", "validation.locality.unknown", clean.locality());
    }
    if (isBlank(clean.contact().email()) && isBlank(clean.contact().phone())) {
      problems.add("contact", "validation.contact.unreachable");
    }
    problems.throwIfAny();
    return localityName;
  }

  private static Map<String, Object> variables(
      long id, String code, FeedbackSubmission submission, String localityName) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(Var.FEEDBACK_ID, id);
    variables.put(Var.CASE_CODE, code);
    variables.put(Var.TITLE, submission.title());
    variables.put(Var.CONTENT_EXCERPT, excerpt(submission.content()));
    variables.put(Var.FEEDBACK_TYPE, submission.typeOrDefault().code());
    variables.put(Var.FIELD, submission.field().code());
    variables.put(Var.LOCALITY, submission.locality());
    variables.put(Var.LOCALITY_NAME, localityName);
    return variables;
  }

  /** NFC so that precomposed and decomposed Vietnamese compare equal; control characters dropped. */
  private static FeedbackSubmission normalise(FeedbackSubmission s) {
    FeedbackSubmission.Contact c = s.contact();
    return new FeedbackSubmission(
        s.type(),
        s.field(),
        s.locality().trim(),
        clean(s.title(), false),
        clean(s.content(), true),
        new FeedbackSubmission.Contact(
            clean(c.name(), false), blankToNull(c.email()), blankToNull(c.phone())),
        s.consentToPublish(),
        s.attachments());
  }

  private static String clean(String text, boolean multiline) {
    String normalised = Normalizer.normalize(text, Normalizer.Form.NFC);
    String allowed = multiline ? "[\\p{Cntrl}&&[^\\n\\t]]" : "\\p{Cntrl}";
    return normalised.replaceAll(allowed, "").strip();
  }

  private static String blankToNull(String text) {
    return isBlank(text) ? null : text.strip();
  }

  private static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }

  private static String excerpt(String content) {
    return content.length() <= EXCERPT_LENGTH
        ? content
        : content.substring(0, EXCERPT_LENGTH - 1) + "…";
  }
}
