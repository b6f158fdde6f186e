package vn.dondoc.app.directives;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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

/** The standing office pastes or uploads a directive's task appendix and gets draft tasks back (nothing is stored). */
@RestController
@RequestMapping("/api/v1/directives")
class DirectiveImportController {

  private final DirectiveImport directiveImport;

  DirectiveImportController(DirectiveImport directiveImport) {
    this.directiveImport = directiveImport;
  }

  record ImportRequest(Directive directive, String appendixText) {}

  @PostMapping(path = "/import", consumes = MediaType.APPLICATION_JSON_VALUE)
  Result importText(@RequestBody ImportRequest request) {
    return directiveImport.read(request.directive(), request.appendixText(), "appendixText");
  }

  /** A UTF-8 .txt file in part {@code file}; the directive in form fields type, number, date, issuer, title. */
  @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  Result importFile(MultipartHttpServletRequest request) throws IOException {
    MultipartFile file;
    try {
      file = request.getFile("file");
    } catch (MaxUploadSizeExceededException e) {
      throw new InvalidFieldException("file", "validation.text.too-large", DirectiveImport.MAX_TEXT_BYTES / 1024 / 1024);
    } catch (MultipartException e) {
      throw new InvalidFieldException("file", "validation.attachment.unreadable");
    }
    if (file == null || file.isEmpty()) {
      throw new InvalidFieldException("file", "validation.required");
    }
    if (file.getSize() > DirectiveImport.MAX_TEXT_BYTES) {
      throw new InvalidFieldException("file", "validation.text.too-large", DirectiveImport.MAX_TEXT_BYTES / 1024 / 1024);
    }
    Directive directive = new Directive(request.getParameter("type"), request.getParameter("number"), request.getParameter("date"),
        request.getParameter("issuer"), request.getParameter("title"));
    return directiveImport.read(directive, utf8(file.getBytes()), "file");
  }

  /** Strict decoding: a file in another encoding would otherwise turn into plausible-looking garbage. */
  private static String utf8(byte[] bytes) {
    try {
      String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw new InvalidFieldException("file", "validation.text.not-utf8");
    }
  }
}
