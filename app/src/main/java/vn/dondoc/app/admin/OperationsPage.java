package vn.dondoc.app.admin;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.dondoc.app.cases.AuditLog;
import vn.dondoc.app.feedback.AnswerLetters;
import vn.dondoc.app.notifications.MailQueue;
import vn.dondoc.app.notifications.MailRelay;
import vn.dondoc.app.search.CaseReindexer;
import vn.dondoc.app.search.Outbox;
import vn.dondoc.app.security.AnonymousRateLimit;
import vn.dondoc.app.security.Caller;
import vn.dondoc.app.staff.StaffForms;
import vn.dondoc.app.staff.StaffPage;
import vn.dondoc.app.time.DisplayDates;
import vn.dondoc.app.time.HanoiTime;
import vn.dondoc.app.web.FieldProblems;
import vn.dondoc.app.web.InvalidFieldException;
import vn.dondoc.search.CaseIndex;

/**
 * The operations page ({@value #PATH}): the search index (alias, its indices, documents, the last reindex;
 * start one and watch it), the outbox backlog, the e-mail queue (given-up e-mails with their error; retry
 * one or all), the answer letters that failed to be made (try one or all again now), the job executor (due and failed
 * jobs; retry) and the anonymous rate limit. Each figure is
 * the one /actuator/health (or the rate-limit API) reports, named on the page.
 */
@Controller
@StaffPage
class OperationsPage {

  static final String PATH = AdminOnly.ROOT + "/van-hanh";
  private static final int LISTED = 50;
  static final String MAIL_RETRIED = "MAIL_RETRIED";
  static final String JOB_RETRIED = "JOB_RETRIED";
  static final String RATE_LIMIT_CHANGED = "RATE_LIMIT_CHANGED";

  private final CaseIndex index;
  private final CaseReindexer reindexer;
  private final ReindexRuns reindexRuns;
  private final Outbox outbox;
  private final MailQueue mail;
  private final MailRelay relay;
  private final ManagementService jobs;
  private final AnswerLetters letters;
  private final AnonymousRateLimit rateLimit;
  private final AuditLog audit;
  private final StaffForms forms;
  private final RuntimeService runtime;
  private final TransactionTemplate transaction;
  private final Clock clock;

  OperationsPage(
      CaseIndex index,
      CaseReindexer reindexer,
      ReindexRuns reindexRuns,
      Outbox outbox,
      MailQueue mail,
      MailRelay relay,
      ManagementService jobs,
      RuntimeService runtime,
      AnswerLetters letters,
      AnonymousRateLimit rateLimit,
      AuditLog audit,
      StaffForms forms,
      TransactionTemplate transaction,
      Clock clock) {
    this.index = index;
    this.reindexer = reindexer;
    this.reindexRuns = reindexRuns;
    this.outbox = outbox;
    this.mail = mail;
    this.relay = relay;
    this.jobs = jobs;
    this.runtime = runtime;
    this.letters = letters;
    this.rateLimit = rateLimit;
    this.audit = audit;
    this.forms = forms;
    this.transaction = transaction;
    this.clock = clock;
  }

  /** The search index as far as Elasticsearch answers; {@code available} false when it does not. */
  record SearchStatus(
      boolean available,
      String alias,
      List<String> indices,
      boolean currentMapping,
      long documents) {}

  /** A failed job: its id, its case, when it was due, what kind of error (a message key) and the error's text. */
  record FailedJob(String id, String caseCode, String dueDay, String errorKind, String error) {}

  /** An e-mail the relay gave up on, with what kind of error (a message key) beside the mail server's reply. */
  record FailedMail(
      long id,
      String caseCode,
      String recipient,
      String subject,
      int attempts,
      String errorKind,
      String error) {
    static FailedMail of(MailQueue.Failed failed) {
      return new FailedMail(
          failed.id(),
          failed.caseCode(),
          failed.recipient(),
          failed.subject(),
          failed.attempts(),
          TechnicalErrors.of(failed.lastError()).messageKey(),
          failed.lastError());
    }
  }

  @GetMapping(value = PATH, produces = "text/html")
  String page(Model model) {
    model.addAttribute("page", "admin-operations");
    model.addAttribute("search", searchStatus());
    model.addAttribute("casesToIndex", reindexer.casesToIndex());
    ReindexRuns.Run run = reindexRuns.latest();
    model.addAttribute("run", run);
    List<AuditLog.Event> reindexes = audit.history(ReindexRuns.AUDIT_CASE);
    model.addAttribute(
        "lastReindex", reindexes.isEmpty() ? null : reindexes.get(reindexes.size() - 1));
    model.addAttribute("outboxBacklog", outbox.backlog());
    model.addAttribute(
        "outboxOldestSeconds",
        outbox
            .oldestWaiting()
            .map(oldest -> Duration.between(oldest, clock.instant()).toSeconds())
            .orElse(null));
    model.addAttribute("mailSending", relay.enabled());
    model.addAttribute("mailBacklog", mail.backlog());
    model.addAttribute(
        "failedMails", mail.failed(LISTED).stream().map(FailedMail::of).toList());
    model.addAttribute("letterBacklog", letters.backlog());
    model.addAttribute("waitingLetters", letters.waiting(LISTED));
    model.addAttribute("dueJobs", jobs.createJobQuery().executable().count());
    model.addAttribute(
        "failedJobs", failedJobs(jobs.createJobQuery().noRetriesLeft().listPage(0, LISTED)));
    model.addAttribute("failedJobCount", jobs.createJobQuery().noRetriesLeft().count());
    model.addAttribute("rateLimit", rateLimit.current());
    return "staff/admin-operations";
  }

  @PostMapping(PATH + "/chi-muc")
  String reindex(Authentication admin, RedirectAttributes redirect) {
    SearchStatus status = searchStatus();
    if (!status.available()) {
      redirect.addFlashAttribute("notice", forms.message("staff.admin.ops.search.unavailable"));
    } else if (reindexRuns.start(Caller.of(admin).username(), status.documents())) {
      redirect.addFlashAttribute("notice", forms.message("staff.admin.ops.reindex.started"));
    } else {
      redirect.addFlashAttribute("notice", forms.message("search.reindex.running"));
    }
    return "redirect:" + PATH;
  }

  /** One given-up e-mail ({@code id}) or all of them. */
  @PostMapping(PATH + "/thu-gui")
  String retryMail(
      @RequestParam(required = false) Long id, Authentication admin, RedirectAttributes redirect) {
    List<MailQueue.Failed> retried =
        transaction.execute(status -> retryMail(id, Caller.of(admin).username()));
    redirect.addFlashAttribute(
        "notice", forms.message("staff.admin.ops.mail.retried", retried.size()));
    return "redirect:" + PATH + "#mail";
  }

  private List<MailQueue.Failed> retryMail(Long id, String actor) {
    List<MailQueue.Failed> retried = mail.retry(id == null ? null : List.of(id));
    for (MailQueue.Failed failed : retried) {
      Map<String, Object> detail = new LinkedHashMap<>();
      detail.put("notification", failed.id());
      detail.put("recipient", failed.recipient());
      detail.put(
          "before",
          Map.of(
              "state",
              "FAILED",
              "attempts",
              failed.attempts(),
              "error",
              String.valueOf(failed.lastError())));
      detail.put("after", Map.of("state", "PENDING", "attempts", 0));
      audit.record(failed.caseCode(), MAIL_RETRIED, actor, detail);
    }
    return retried;
  }

  /** One answer letter that failed ({@code id}) or all of them are tried again now (audited per case). */
  @PostMapping(PATH + "/cong-van")
  String retryLetters(
      @RequestParam(required = false) Long id, Authentication admin, RedirectAttributes redirect) {
    List<AnswerLetters.Waiting> retried = letters.retryNow(id, Caller.of(admin).username());
    redirect.addFlashAttribute(
        "notice", forms.message("staff.admin.ops.letters.retried", retried.size()));
    return "redirect:" + PATH + "#letters";
  }

  /** One failed job ({@code id}) or all of them get one more try. */
  @PostMapping(PATH + "/tac-vu")
  String retryJobs(
      @RequestParam(required = false) String id,
      Authentication admin,
      RedirectAttributes redirect) {
    List<Job> failed = id == null
        ? jobs.createJobQuery().noRetriesLeft().list()
        : jobs.createJobQuery().jobId(id).noRetriesLeft().list();
    List<String> retried = new ArrayList<>();
    for (Job job : failed) {
      jobs.setJobRetries(job.getId(), 1);
      retried.add(job.getId());
    }
    if (!retried.isEmpty()) {
      audit.record(
          "JOB-EXECUTOR",
          JOB_RETRIED,
          Caller.of(admin).username(),
          Map.of("jobs", retried, "before", Map.of("retries", 0), "after", Map.of("retries", 1)));
    }
    redirect.addFlashAttribute(
        "notice", forms.message("staff.admin.ops.jobs.retried", retried.size()));
    return "redirect:" + PATH + "#jobs";
  }

  /**
   * The anonymous-submission limit changed from the page (what PUT /api/v1/admin/rate-limit does), for every node at
   * once; {@code reset} puts back the configured one. Bad input is refused under its field and changes nothing.
   */
  @PostMapping(PATH + "/gioi-han")
  String rateLimit(
      @RequestParam(required = false) String limit,
      @RequestParam(required = false) String windowSeconds,
      @RequestParam(required = false) String reset,
      Authentication admin,
      RedirectAttributes redirect) {
    Map<String, String> typed = StaffForms.typed("limit", limit, "windowSeconds", windowSeconds);
    AnonymousRateLimit.Settings before = rateLimit.current();
    AnonymousRateLimit.Settings after;
    if (reset != null) {
      after = null;
    } else {
      FieldProblems problems = new FieldProblems();
      Integer hits =
          problems.check(() -> wholeNumber("limit", limit, 0, AnonymousRateLimit.MAX_HITS));
      Integer seconds = problems.check(() ->
          wholeNumber("windowSeconds", windowSeconds, 1, AnonymousRateLimit.MAX_WINDOW_SECONDS));
      try {
        problems.throwIfAny();
      } catch (InvalidFieldException e) {
        forms.rejectedAll(redirect, e, null, typed);
        return "redirect:" + PATH + "#rate-limit";
      }
      after = new AnonymousRateLimit.Settings(hits, Duration.ofSeconds(seconds));
    }
    String actor = Caller.of(admin).username();
    transaction.executeWithoutResult(status -> {
      rateLimit.change(after, actor);
      AnonymousRateLimit.Settings now = rateLimit.current();
      audit.record(
          "RATE-LIMIT",
          RATE_LIMIT_CHANGED,
          actor,
          Map.of(
              "before",
                  Map.of(
                      "limit", before.limit(), "windowSeconds", before.window().toSeconds()),
              "after",
                  Map.of("limit", now.limit(), "windowSeconds", now.window().toSeconds())));
    });
    forms.accepted(
        redirect,
        "rate-limit",
        reset != null ? "staff.admin.ops.rate.reset-done" : "staff.admin.ops.rate.changed");
    return "redirect:" + PATH + "#rate-limit";
  }

  private static int wholeNumber(String field, String typed, int min, int max) {
    return WholeNumbers.parse(
        field, typed, min, max, "staff.admin.ops.rate.range", "staff.admin.ops.rate.range");
  }

  /** The listed jobs with their cases' codes, read in one query (a job of no running instance has none). */
  private List<FailedJob> failedJobs(List<Job> listed) {
    Set<String> instanceIds = listed.stream()
        .map(Job::getProcessInstanceId)
        .filter(Objects::nonNull)
        .collect(Collectors.toSet());
    Map<String, String> caseCodes = new HashMap<>();
    if (!instanceIds.isEmpty()) {
      runtime.createProcessInstanceQuery().processInstanceIds(instanceIds).list().stream()
          .filter(instance -> instance.getBusinessKey() != null)
          .forEach(instance -> caseCodes.put(instance.getId(), instance.getBusinessKey()));
    }
    return listed.stream()
        .map(job -> failedJob(job, caseCodes.getOrDefault(job.getProcessInstanceId(), "")))
        .toList();
  }

  private static FailedJob failedJob(Job job, String caseCode) {
    return new FailedJob(
        job.getId(),
        caseCode,
        job.getDuedate() == null
            ? ""
            : DisplayDates.TIME_AND_DAY.format(job.getDuedate().toInstant().atZone(HanoiTime.ZONE)),
        TechnicalErrors.of(job.getExceptionMessage()).messageKey(),
        job.getExceptionMessage());
  }

  private SearchStatus searchStatus() {
    try {
      List<String> indices = index.indicesBehindAlias();
      return new SearchStatus(
          true,
          index.alias(),
          indices,
          indices.stream().allMatch(index::hasCurrentMapping),
          indices.isEmpty() ? 0 : index.count());
    } catch (IOException | RuntimeException e) {
      return new SearchStatus(false, index.alias(), List.of(), false, 0);
    }
  }
}
