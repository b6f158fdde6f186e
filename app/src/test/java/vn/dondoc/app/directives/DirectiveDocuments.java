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
          for (String line :
              wrapped.subList(from, Math.min(wrapped.size(), from + LINES_PER_PAGE))) {
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
      PDImageXObject image = LosslessFactory.createFromImage(
          document, new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB));
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        content.drawImage(image, 50, 400);
      }
      document.save(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A scan and the printed lines on it (as wrapped on the page), to compare the OCR'd text with. */
  record Scan(byte[] pdf, List<String> lines) {}

  /**
   * Exactly {@code pages} full pages of the lines (from the start again if they run out), printed and scanned as
   * {@link #scannedPdf} does: a long scanned directive to time.
   */
  static Scan scannedPages(List<String> lines, int dpi, int pages) {
    Page page = new Page(dpi);
    List<String> wrapped = page.wrap(lines);
    List<String> printed = new java.util.ArrayList<>();
    for (int i = 0; printed.size() < pages * page.perPage(); i++) {
      printed.add(wrapped.get(i % wrapped.size()));
    }
    return new Scan(scannedPdf(printed, dpi), printed);
  }

  /** An A4 page at a resolution: its font, size and how many lines it holds. */
  private record Page(
      int dpi,
      java.awt.Font font,
      int width,
      int height,
      int margin,
      java.awt.FontMetrics metrics) {

    Page(int dpi) {
      this(
          dpi,
          font(dpi),
          (int) (8.27 * dpi),
          (int) (11.69 * dpi),
          dpi,
          new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY)
              .createGraphics()
              .getFontMetrics(font(dpi)));
    }

    private static java.awt.Font font(int dpi) {
      try {
        return java.awt.Font.createFont(java.awt.Font.TRUETYPE_FONT, FONT)
            .deriveFont(11f * dpi / 72);
      } catch (IOException | java.awt.FontFormatException e) {
        throw new IllegalStateException(e);
      }
    }

    int lineHeight() {
      return (int) (metrics.getHeight() * 1.3);
    }

    int perPage() {
      return (height - 2 * margin) / lineHeight();
    }

    List<String> wrap(List<String> lines) {
      return lines.stream()
          .flatMap(line -> DirectiveDocuments.wrap(line, metrics, width - 2 * margin).stream())
          .toList();
    }
  }

  /**
   * The lines printed on A4 at {@code dpi} and scanned: each page one grey image with no text layer, a page
   * number at its foot, as a scanner makes.
   */
  static byte[] scannedPdf(List<String> lines, int dpi) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PDDocument document = new PDDocument()) {
      Page layout = new Page(dpi);
      java.awt.Font font = layout.font();
      int width = layout.width();
      int height = layout.height();
      int margin = layout.margin();
      List<String> wrapped = layout.wrap(lines);
      int lineHeight = layout.lineHeight();
      int perPage = layout.perPage();
      for (int from = 0, number = 1; from < wrapped.size(); from += perPage, number++) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(java.awt.Color.BLACK);
        g.setRenderingHint(
            java.awt.RenderingHints.KEY_TEXT_ANTIALIASING,
            java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(font);
        int y = margin;
        for (String line : wrapped.subList(from, Math.min(wrapped.size(), from + perPage))) {
          g.drawString(line, margin, y);
          y += lineHeight;
        }
        g.drawString(String.valueOf(number), width / 2, height - margin / 2);
        g.dispose();
        PDPage page = new PDPage(org.apache.pdfbox.pdmodel.common.PDRectangle.A4);
        document.addPage(page);
        PDImageXObject scan = LosslessFactory.createFromImage(document, image);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
          content.drawImage(
              scan, 0, 0, page.getMediaBox().getWidth(), page.getMediaBox().getHeight());
        }
      }
      document.save(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static List<String> wrap(String line, java.awt.FontMetrics metrics, int width) {
    List<String> wrapped = new java.util.ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String word : line.replace("\t", " ").strip().split(" +")) {
      if (current.length() > 0 && metrics.stringWidth(current + " " + word) > width) {
        wrapped.add(current.toString());
        current.setLength(0);
      }
      current.append(current.length() > 0 ? " " : "").append(word);
    }
    wrapped.add(current.toString());
    return wrapped;
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
