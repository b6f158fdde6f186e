package vn.dondoc.app.directives;

import java.io.IOException;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import vn.dondoc.app.directives.DirectiveImport.Directive;
import vn.dondoc.app.directives.DirectiveImport.Result;
import vn.dondoc.app.web.InvalidFieldException;
import vn.dondoc.app.web.NotFoundException;

/** The standing office pastes or uploads a directive (text, PDF, Word, scan) and gets draft tasks back (nothing is stored). */
@RestController
@RequestMapping("/api/v1/directives")
class DirectiveImportController {

  private static final String JOBS = "/api/v1/directives/import/jobs/";

  private final DirectiveImport directiveImport;
  private final DirectiveDocumentText documentText;
  private final ScanReader scans;
  private final DirectiveImportJobs jobs;

  DirectiveImportController(
      DirectiveImport directiveImport,
      DirectiveDocumentText documentText,
      ScanReader scans,
      DirectiveImportJobs jobs) {
    this.directiveImport = directiveImport;
    this.documentText = documentText;
    this.scans = scans;
    this.jobs = jobs;
  }

  record ImportRequest(Directive directive, String appendixText) {}

  @PostMapping(path = "/import", consumes = MediaType.APPLICATION_JSON_VALUE)
  Result importText(@RequestBody ImportRequest request) {
    return directiveImport.read(request.directive(), request.appendixText(), "appendixText");
  }

  /**
   * The directive as it arrives in part {@code file}: a PDF with a text layer, a Word file (.docx) or UTF-8
   * text (see {@link DirectiveDocumentText}) gives the drafts at once; a scan (image-only PDF, JPEG, PNG)
   * gives 202 and a job to poll ({@link #job}). The directive in form fields type, number, date, issuer, title.
   */
  @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<?> importFile(MultipartHttpServletRequest request, Authentication caller)
      throws IOException {
    MultipartFile file = documentPart(request, true);
    Directive directive = new Directive(
        request.getParameter("type"),
        request.getParameter("number"),
        request.getParameter("date"),
        request.getParameter("issuer"),
        request.getParameter("title"));
    byte[] content = file.getBytes();
    DirectiveDocumentText.Read read =
        documentText.read(file.getOriginalFilename(), content, "file");
    if (!read.isScan()) {
      return ResponseEntity.ok(directiveImport.read(directive, read.text(), "file"));
    }
    directiveImport.header(directive);
    UUID job = jobs.start(caller.getName(), read.pages(), progress -> {
      String text = scans.readableText(content, read.scan(), progress);
      return new DirectiveImportJobs.Outcome(text, directiveImport.read(directive, text, "file"));
    });
    return ResponseEntity.accepted()
        .location(URI.create(JOBS + job))
        .body(jobs.view(job, caller.getName()));
  }

  /**
   * The document in part {@code file}, within the size the import reads (see {@link DirectiveDocumentText}); null when
   * there is none and it is not {@code required} (the desk then takes pasted text).
   */
  static MultipartFile documentPart(MultipartHttpServletRequest request, boolean required) {
    MultipartFile file;
    try {
      file = request.getFile("file");
    } catch (MaxUploadSizeExceededException e) {
      throw new InvalidFieldException(
          "file",
          "validation.text.too-large",
          DirectiveDocumentText.MAX_DOCUMENT_BYTES / 1024 / 1024);
    } catch (MultipartException e) {
      throw new InvalidFieldException("file", "validation.attachment.unreadable");
    }
    if (file == null || file.isEmpty()) {
      if (required) {
        throw new InvalidFieldException("file", "validation.required");
      }
      return null;
    }
    if (file.getSize() > DirectiveDocumentText.MAX_DOCUMENT_BYTES) {
      throw new InvalidFieldException(
          "file",
          "validation.text.too-large",
          DirectiveDocumentText.MAX_DOCUMENT_BYTES / 1024 / 1024);
    }
    return file;
  }

  /** A scan's reading: its progress in pages while it runs, then the drafts (or a 400 naming what was wrong). */
  @GetMapping("/import/jobs/{id}")
  DirectiveImportJobs.View job(@PathVariable String id, Authentication caller) {
    DirectiveImportJobs.View view;
    try {
      view = jobs.view(UUID.fromString(id), caller.getName());
    } catch (IllegalArgumentException e) {
      view = null;
    }
    if (view == null) {
      throw new NotFoundException("directive.import-job.not-found");
    }
    return view;
  }
}
