package vn.dondoc.app.directives;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.springframework.stereotype.Component;
import vn.dondoc.app.attachments.ContentSniffer;
import vn.dondoc.app.attachments.FileType;
import vn.dondoc.app.web.InvalidFieldException;

/**
 * The text of a directive as it arrives: a PDF with a text layer (PDFBox), a Word file (POI) or UTF-8 text.
 * The file passes the evidence upload rules first ({@link ContentSniffer}: the content decides the type,
 * the name must agree, no programs, no active content). A scan (a JPEG or PNG photo, or a PDF without a
 * text layer) is told apart, for {@link ScanReader} to read in the background.
 */
@Component
class DirectiveDocumentText {

  /** Signed PDFs of a few dozen pages with a stamp image stay far below this. */
  static final int MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;
  /** Fewer than a quarter of this many letters a page: the PDF is a scan, its "text" at most a stray header. */
  private static final int MIN_LETTERS_PER_PAGE = 200;

  private static final Set<FileType> READ = Set.of(FileType.PDF, FileType.DOCX, FileType.TEXT);
  private static final Set<FileType> SCANS = Set.of(FileType.PNG, FileType.JPEG);

  private final ContentSniffer sniffer;

  DirectiveDocumentText(ContentSniffer sniffer) {
    this.sniffer = sniffer;
  }

  /** The document's text, or for a scan its type and page count (text null). */
  record Read(String text, FileType scan, int pages) {
    boolean isScan() {
      return text == null;
    }
  }

  Read read(String filename, byte[] content, String field) {
    if (content.length > MAX_DOCUMENT_BYTES) {
      throw new InvalidFieldException(
          field, "validation.text.too-large", MAX_DOCUMENT_BYTES / 1024 / 1024);
    }
    FileType type;
    try {
      type = sniffer.inspect(filename, content).type();
    } catch (InvalidFieldException e) {
      throw new InvalidFieldException(field, e.messageKey(), e.arguments());
    }
    if (SCANS.contains(type)) {
      return new Read(null, type, 1);
    }
    if (!READ.contains(type)) {
      throw new InvalidFieldException(field, "validation.directive.document-type");
    }
    try {
      return switch (type) {
        case PDF -> pdf(content);
        case DOCX -> new Read(docx(content), null, 0);
        default -> new Read(utf8(content, field), null, 0);
      };
    } catch (IOException e) {
      throw new InvalidFieldException(field, "validation.attachment.unreadable");
    }
  }

  private static Read pdf(byte[] content) throws IOException {
    try (PDDocument document = Loader.loadPDF(content)) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      String text = stripper.getText(document);
      long letters = text.codePoints().filter(Character::isLetter).count();
      int pages = Math.max(1, document.getNumberOfPages());
      return letters < (long) MIN_LETTERS_PER_PAGE * pages / 4
          ? new Read(null, FileType.PDF, pages)
          : new Read(text, null, 0);
    }
  }

  private static String docx(byte[] content) throws IOException {
    try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(content));
        XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
      return extractor.getText();
    }
  }

  /** Strict decoding: a file in another encoding would otherwise turn into plausible-looking garbage. */
  private static String utf8(byte[] bytes, String field) {
    try {
      String text = StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw new InvalidFieldException(field, "validation.text.not-utf8");
    }
  }
}
