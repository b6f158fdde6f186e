package vn.dondoc.app.directives;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import vn.dondoc.app.agencies.Agency;
import vn.dondoc.app.agencies.ReferenceData;
import vn.dondoc.app.directives.DeskDrafts.Draft;
import vn.dondoc.app.directives.DeskDrafts.HeaderFields;
import vn.dondoc.app.directives.DeskDrafts.Row;
import vn.dondoc.app.directives.DirectiveDesk.DraftChangedException;
import vn.dondoc.app.directives.DirectiveIssuing.Issued;
import vn.dondoc.app.security.Caller;
import vn.dondoc.app.security.Roles;
import vn.dondoc.app.time.DisplayDates;
import vn.dondoc.app.time.HanoiTime;
import vn.dondoc.app.web.ForbiddenException;
import vn.dondoc.app.web.InvalidFieldException;
import vn.dondoc.app.web.NotFoundException;
import vn.dondoc.app.web.Problems;

/**
 * What the desk's pages ({@link DirectiveDeskPage}) send and fetch, in the page session (CSRF header): the upload,
 * a scan's progress, the draft, its saves (409 with the other person's version when stale), the check before
 * issuing (counts per agency) and the issue itself.
 */
@RestController
class DirectiveDeskController {

  private final DirectiveDesk desk;
  private final DirectiveDocumentText documentText;
  private final ScanReader scans;
  private final DirectiveImportJobs jobs;
  private final ReferenceData referenceData;
  private final MessageSource messages;

  DirectiveDeskController(
      DirectiveDesk desk,
      DirectiveDocumentText documentText,
      ScanReader scans,
      DirectiveImportJobs jobs,
      ReferenceData referenceData,
      MessageSource messages) {
    this.desk = desk;
    this.documentText = documentText;
    this.scans = scans;
    this.jobs = jobs;
    this.referenceData = referenceData;
    this.messages = messages;
  }

  /** Where the page goes next: the draft ({@code draft}), or a scan's job to poll ({@code job}) with its progress. */
  record Upload(String draft, String job, int pagesDone, int pages) {}

  record DraftView(
      long id,
      int version,
      HeaderFields header,
      List<Row> rows,
      Map<String, String> reasons,
      String sourceName,
      String updatedBy,
      String updatedAt,
      String issuedSymbol,
      DirectiveDesk.Changes changes,
      Map<String, Integer> addressedToAll,
      List<Agency> agencies) {}

  record SaveRequest(Integer version, HeaderFields header, List<Row> rows) {}

  record VersionRequest(Integer version) {}

  record Saved(int version) {}

  record PlanView(int tasks, Map<String, Integer> perAgency) {}

  record IssuedView(String symbol, int tasks) {}

  /** The directive as it arrives: part {@code file} (PDF, DOCX, scan, text) or field {@code text} (pasted). */
  @PostMapping(
      path = DirectiveDeskPage.PATH + "/nhap",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  Upload upload(MultipartHttpServletRequest request, Authentication caller) throws IOException {
    String actor = actor(caller);
    MultipartFile file = DirectiveImportController.documentPart(request, false);
    if (file == null) {
      String text = request.getParameter("text");
      if (text == null || text.isBlank()) {
        throw new InvalidFieldException("file", "validation.desk.file-or-text");
      }
      return new Upload(
          DirectiveDeskPage.PATH + "/" + desk.create(text, null, null, actor), null, 0, 0);
    }
    byte[] content = file.getBytes();
    String name = file.getOriginalFilename();
    DirectiveDocumentText.Read read = documentText.read(name, content, "file");
    if (!read.isScan()) {
      return new Upload(
          DirectiveDeskPage.PATH + "/" + desk.create(read.text(), name, null, actor), null, 0, 0);
    }
    UUID job = jobs.start(caller.getName(), read.pages(), (id, progress) -> {
      String text = scans.readableText(content, read.scan(), progress);
      desk.create(text, name, id, actor);
      return new DirectiveImportJobs.Outcome(text, null);
    });
    return new Upload(null, DirectiveDeskPage.PATH + "/nhap/" + job, 0, read.pages());
  }

  /** A scan's reading: pages done, then the draft it made (or a 400 naming what was wrong with the file). */
  @GetMapping(DirectiveDeskPage.PATH + "/nhap/{job}")
  Upload job(@PathVariable String job, Authentication caller) {
    actor(caller);
    UUID id;
    try {
      id = UUID.fromString(job);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("directive.import-job.not-found");
    }
    DirectiveImportJobs.View view = jobs.view(id, caller.getName());
    if (view == null) {
      throw new NotFoundException("directive.import-job.not-found");
    }
    if (view.status() == DirectiveImportJobs.Status.DONE) {
      long draft = desk.draftOfJob(id);
      return new Upload(DirectiveDeskPage.PATH + "/" + draft, null, view.pagesDone(), view.pages());
    }
    return new Upload(null, DirectiveDeskPage.PATH + "/nhap/" + id, view.pagesDone(), view.pages());
  }

  @GetMapping(DirectiveDeskPage.PATH + "/{id}/du-lieu")
  DraftView draft(@PathVariable long id, Authentication caller) {
    actor(caller);
    return view(desk.draft(id));
  }

  @PostMapping(DirectiveDeskPage.PATH + "/{id}/luu")
  Saved save(@PathVariable long id, @RequestBody SaveRequest request, Authentication caller) {
    String actor = actor(caller);
    return new Saved(
        desk.save(id, version(request.version()), request.header(), request.rows(), actor));
  }

  @PostMapping(DirectiveDeskPage.PATH + "/{id}/xem-truoc")
  PlanView plan(@PathVariable long id, @RequestBody VersionRequest request, Authentication caller) {
    actor(caller);
    DirectiveDesk.Plan plan = desk.plan(id, version(request.version()));
    return new PlanView(plan.request().tasks().size(), plan.perAgency());
  }

  @PostMapping(DirectiveDeskPage.PATH + "/{id}/ban-hanh")
  IssuedView issue(
      @PathVariable long id, @RequestBody VersionRequest request, Authentication caller) {
    String actor = actor(caller);
    Issued issued = desk.issue(id, version(request.version()), actor);
    return new IssuedView(issued.symbol(), issued.tasks().size());
  }

  /** Someone else saved (or issued) first: 409, saying who and when, with their version of the draft for the page to show. */
  @ExceptionHandler(DraftChangedException.class)
  ResponseEntity<ProblemDetail> changed(DraftChangedException e) {
    Draft current = e.current();
    String key = current.issuedSymbol() != null ? "desk.conflict.issued" : "desk.conflict.changed";
    ProblemDetail problem = Problems.of(
        HttpStatus.CONFLICT,
        "conflict",
        message("problem.conflict.title"),
        message(key, current.updatedBy(), time(current)));
    problem.setProperty("current", view(current));
    return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
  }

  private DraftView view(Draft draft) {
    Map<String, String> reasons = new LinkedHashMap<>();
    draft.rows().stream()
        .flatMap(
            row -> row.flags() == null ? java.util.stream.Stream.empty() : row.flags().stream())
        .distinct()
        .forEach(flag -> reasons.put(flag, reason(flag)));
    return new DraftView(
        draft.id(),
        draft.version(),
        draft.header(),
        draft.rows(),
        reasons,
        draft.sourceName(),
        draft.updatedBy(),
        time(draft),
        draft.issuedSymbol(),
        desk.changes(draft).orElse(null),
        desk.addressedToAll(),
        referenceData.agencies());
  }

  /** A flag's reason in the page's language: "NAME" or "NAME:value" (the value as written in the text). */
  private String reason(String flag) {
    int colon = flag.indexOf(':');
    String name = colon < 0 ? flag : flag.substring(0, colon);
    String value = colon < 0 ? "" : flag.substring(colon + 1);
    return messages.getMessage(
        "desk.flag." + name,
        new Object[] {value},
        message("desk.flag.other", flag),
        LocaleContextHolder.getLocale());
  }

  private static String time(Draft draft) {
    return DisplayDates.TIME_AND_DAY.format(draft.updatedAt().atZone(HanoiTime.ZONE));
  }

  private static int version(Integer version) {
    if (version == null) {
      throw new InvalidFieldException("version", "validation.required");
    }
    return version;
  }

  private String message(String key, Object... arguments) {
    return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
  }

  /** The standing office only (the directive API's rule); the name drafts record as who saved them. */
  private static String actor(Authentication authentication) {
    Caller caller = Caller.of(authentication);
    if (!caller.hasRole(Roles.STANDING_OFFICE)) {
      throw new ForbiddenException("staff.error.forbidden");
    }
    return caller.name() == null ? caller.username() : caller.name();
  }
}
