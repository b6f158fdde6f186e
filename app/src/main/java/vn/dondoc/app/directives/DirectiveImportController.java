package vn.dondoc.app.directives;

import java.io.IOException;
import org.springframework.http.MediaType;
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

/** The standing office pastes or uploads a directive (text, PDF, Word) and gets draft tasks back (nothing is stored). */
@RestController
@RequestMapping("/api/v1/directives")
class DirectiveImportController {

  private final DirectiveImport directiveImport;
  private final DirectiveDocumentText documentText;

  DirectiveImportController(DirectiveImport directiveImport, DirectiveDocumentText documentText) {
    this.directiveImport = directiveImport;
    this.documentText = documentText;
  }

  record ImportRequest(Directive directive, String appendixText) {}

  @PostMapping(path = "/import", consumes = MediaType.APPLICATION_JSON_VALUE)
  Result importText(@RequestBody ImportRequest request) {
    return directiveImport.read(request.directive(), request.appendixText(), "appendixText");
  }

  /**
   * The directive as it arrives in part {@code file}: a PDF with a text layer, a Word file (.docx) or UTF-8
   * text (see {@link DirectiveDocumentText}); the directive in form fields type, number, date, issuer, title.
   */
  @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  Result importFile(MultipartHttpServletRequest request) throws IOException {
    MultipartFile file;
    try {
      file = request.getFile("file");
    } catch (MaxUploadSizeExceededException e) {
      throw new InvalidFieldException("file", "validation.text.too-large", DirectiveDocumentText.MAX_DOCUMENT_BYTES / 1024 / 1024);
    } catch (MultipartException e) {
      throw new InvalidFieldException("file", "validation.attachment.unreadable");
    }
    if (file == null || file.isEmpty()) {
      throw new InvalidFieldException("file", "validation.required");
    }
    if (file.getSize() > DirectiveDocumentText.MAX_DOCUMENT_BYTES) {
      throw new InvalidFieldException("file", "validation.text.too-large", DirectiveDocumentText.MAX_DOCUMENT_BYTES / 1024 / 1024);
    }
    Directive directive = new Directive(request.getParameter("type"), request.getParameter("number"), request.getParameter("date"),
        request.getParameter("issuer"), request.getParameter("title"));
    return directiveImport.read(directive, documentText.read(file.getOriginalFilename(), file.getBytes(), "file"), "file");
  }
}
