package vn.dondoc.app.directives;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Directives as files, made in the test: a PDF with a text layer, a Word file, an image-only PDF. */
final class DirectiveDocuments {

  /** Debian's DejaVu (fonts-dejavu-core, which Chromium for the browser tests brings along) has the Vietnamese letters. */
  private static final File FONT = new File("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
  private static final int LINES_PER_PAGE = 50;
  private static final int MAX_CHARS_PER_LINE = 95;

  /** The lines drawn as text, wrapped and paginated as a word processor would. */
  static byte[] textPdf(List<String> lines) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PDDocument document = new PDDocument()) {
      PDType0Font font = PDType0Font.load(document, FONT);
      List<String> wrapped = lines.stream().flatMap(line -> wrap(line).stream()).toList();
      for (int from = 0; from < wrapped.size(); from += LINES_PER_PAGE) {
        PDPage page = new PDPage();
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
          content.beginText();
          content.setFont(font, 9);
          content.newLineAtOffset(36, 750);
          for (String line : wrapped.subList(from, Math.min(wrapped.size(), from + LINES_PER_PAGE))) {
            content.showText(line);
            content.newLineAtOffset(0, -14);
          }
          content.endText();
        }
      }
      document.save(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] docx(List<String> paragraphs) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (XWPFDocument document = new XWPFDocument()) {
      paragraphs.forEach(p -> document.createParagraph().createRun().setText(p));
      document.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A page holding only a picture, as a scanner makes. */
  static byte[] imageOnlyPdf() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PDDocument document = new PDDocument()) {
      PDPage page = new PDPage();
      document.addPage(page);
      PDImageXObject image = LosslessFactory.createFromImage(document, new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB));
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        content.drawImage(image, 50, 400);
      }
      document.save(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static List<String> wrap(String line) {
    List<String> wrapped = new java.util.ArrayList<>();
    String rest = line.replace("\t", " ");
    while (rest.length() > MAX_CHARS_PER_LINE) {
      int cut = rest.lastIndexOf(' ', MAX_CHARS_PER_LINE);
      cut = cut <= 0 ? MAX_CHARS_PER_LINE : cut;
      wrapped.add(rest.substring(0, cut));
      rest = rest.substring(cut).strip();
    }
    wrapped.add(rest);
    return wrapped;
  }

  private DirectiveDocuments() {}
}
