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
   * number at its foot, as a scanner makes. A table as a Word file's text gives it (a header row the reader knows, its rows'
   * cells separated by tabs) is printed as a ruled table.
   */
  static byte[] scannedPdf(List<String> lines, int dpi) {
    return scannedPdf(lines, dpi, true);
  }

  /**
   * As {@link #scannedPdf(List, int)}; {@code rules}: whether the table has its ruling lines (a grid) or is laid
   * out in columns without any.
   */
  static byte[] scannedPdf(List<String> lines, int dpi, boolean rules) {
    return scannedPdf(lines, dpi, rules, 0);
  }

  /**
   * As {@link #scannedPdf(List, int, boolean)}, every page fed into the scanner turned by {@code degrees} (its lines
   * sloping down to the right when positive), as a crooked scan or a photo at a slant comes.
   */
  static byte[] scannedPdf(List<String> lines, int dpi, boolean rules, double degrees) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PDDocument document = new PDDocument()) {
      Page layout = new Page(dpi);
      List<Block> blocks = blocks(lines, layout, rules);
      // Text lines break into pages exactly as they did before tables were printed: perPage lines a
      // page.
      int bottom =
          layout.margin() - layout.metrics().getAscent() + layout.perPage() * layout.lineHeight();
      for (int from = 0, number = 1; from < blocks.size(); number++) {
        BufferedImage image =
            new BufferedImage(layout.width(), layout.height(), BufferedImage.TYPE_BYTE_GRAY);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, layout.width(), layout.height());
        g.setColor(java.awt.Color.BLACK);
        g.setRenderingHint(
            java.awt.RenderingHints.KEY_TEXT_ANTIALIASING,
            java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        // A line's y is its baseline: the first sits a margin down, as before tables were printed.
        int y = layout.margin() - layout.metrics().getAscent();
        while (from < blocks.size()
            && (y + blocks.get(from).height() <= bottom || y <= layout.margin())) {
          blocks.get(from).draw(g, y);
          y += blocks.get(from).height();
          from++;
        }
        g.setFont(layout.font());
        g.drawString(
            String.valueOf(number), layout.width() / 2, layout.height() - layout.margin() / 2);
        g.dispose();
        if (degrees != 0) {
          image = Deskew.turned(image, degrees);
        }
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

  /** What is printed one after another down a page: a line of text, or a table row (never cut by a page break). */
  private interface Block {
    int height();

    /** Draws the block from {@code top} down. */
    void draw(java.awt.Graphics2D g, int top);
  }

  private static List<Block> blocks(List<String> lines, Page layout, boolean rules) {
    List<Block> blocks = new java.util.ArrayList<>();
    for (int i = 0; i < lines.size(); ) {
      // A table is its header (as the reader knows one) and the lines with tabs under it; a stray
      // tab is a space.
      if (AppendixTable.header(List.of(lines.get(i).split("\t"))) == null) {
        for (String wrapped : layout.wrap(List.of(lines.get(i)))) {
          blocks.add(new Block() {
            public int height() {
              return layout.lineHeight();
            }

            public void draw(java.awt.Graphics2D g, int top) {
              g.setFont(layout.font());
              g.drawString(wrapped, layout.margin(), top + layout.metrics().getAscent());
            }
          });
        }
        i++;
        continue;
      }
      int end = i + 1;
      while (end < lines.size() && lines.get(end).indexOf('\t') >= 0) {
        end++;
      }
      blocks.addAll(Table.of(lines.subList(i, end), layout, rules).rows());
      i = end;
    }
    return blocks;
  }

  /**
   * A table as a Vietnamese decision's appendix prints it: 10 pt, a bold header row, each cell's text wrapped in its
   * column, a narrow number column and the task's column the widest (widths follow the cells' text), a group row ("I |
   * HOÀN THIỆN THỂ CHẾ") one cell across the columns after the number.
   */
  private record Table(List<List<String>> cells, int[] widths, Page layout, boolean rules) {

    private static final File BOLD =
        new File("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf");

    static Table of(List<String> lines, Page layout, boolean rules) {
      List<List<String>> rows =
          lines.stream().map(l -> List.of(l.split("\t", -1))).toList();
      int columns = rows.stream().mapToInt(List::size).max().orElse(1);
      java.awt.FontMetrics metrics = metrics(layout, false);
      int pad = padding(layout);
      int total = layout.width() - 2 * layout.margin();
      int[] widths = new int[columns];
      double[] weights = new double[columns];
      for (int c = 0; c < columns; c++) {
        int longest = 0;
        int length = 0;
        for (List<String> row : rows) {
          String cell = c < row.size() ? row.get(c).strip() : "";
          length += cell.length();
          for (String word : cell.split(" ")) {
            longest = Math.max(longest, metrics(layout, true).stringWidth(word));
          }
        }
        widths[c] = longest + 2 * pad;
        weights[c] = Math.max(0, (double) length / rows.size() - 3);
      }
      int left = total - java.util.Arrays.stream(widths).sum();
      double weight = java.util.Arrays.stream(weights).sum();
      for (int c = 0; c < columns && weight > 0 && left > 0; c++) {
        widths[c] += (int) (left * weights[c] / weight);
      }
      return new Table(rows, widths, layout, rules);
    }

    /** A Word table's cell margin, 0.16 cm. */
    private static int padding(Page layout) {
      return layout.dpi() / 16;
    }

    private static java.awt.FontMetrics metrics(Page layout, boolean bold) {
      return new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY)
          .createGraphics()
          .getFontMetrics(font(layout, bold));
    }

    private static java.awt.Font font(Page layout, boolean bold) {
      try {
        return java.awt.Font.createFont(java.awt.Font.TRUETYPE_FONT, bold ? BOLD : FONT)
            .deriveFont(10f * layout.dpi() / 72);
      } catch (IOException | java.awt.FontFormatException e) {
        throw new IllegalStateException(e);
      }
    }

    List<Block> rows() {
      List<Block> blocks = new java.util.ArrayList<>();
      for (int r = 0; r < cells.size(); r++) {
        blocks.add(row(cells.get(r), r == 0));
      }
      return blocks;
    }

    /** A group row: a number and a title, nothing else. */
    private static boolean group(List<String> row) {
      return row.size() > 2 && row.subList(2, row.size()).stream().allMatch(String::isBlank);
    }

    private Block row(List<String> row, boolean header) {
      boolean group = !header && group(row);
      boolean bold = header || group;
      java.awt.FontMetrics metrics = metrics(layout, bold);
      int pad = padding(layout);
      int lineHeight = (int) (metrics.getHeight() * 1.15);
      // The cells as drawn: a group row's title spans every column after the number.
      List<int[]> spans = new java.util.ArrayList<>();
      List<List<String>> texts = new java.util.ArrayList<>();
      for (int c = 0, x = layout.margin(); c < widths.length; c++) {
        int width = widths[c];
        if (group && c == 1) {
          width = java.util.Arrays.stream(widths, 1, widths.length).sum();
        }
        String cell = c < row.size() ? row.get(c).strip() : "";
        spans.add(new int[] {x, width});
        texts.add(cell.isEmpty() ? List.of() : wrap(cell, metrics, width - 2 * pad));
        x += width;
        if (group && c == 1) {
          break;
        }
      }
      int lines = texts.stream().mapToInt(List::size).max().orElse(1);
      int height = Math.max(1, lines) * lineHeight + 2 * pad;
      return new Block() {
        public int height() {
          return height;
        }

        public void draw(java.awt.Graphics2D g, int top) {
          g.setFont(font(layout, bold));
          for (int c = 0; c < spans.size(); c++) {
            int x = spans.get(c)[0];
            int width = spans.get(c)[1];
            List<String> text = texts.get(c);
            // The header's cells are centred both ways, the number and time columns across; the
            // rest from the left.
            int y = top + pad + (header ? (lines - text.size()) * lineHeight / 2 : 0);
            for (String line : text) {
              boolean centred = header || c == 0 || (!group && c == widths.length - 2);
              int drawnAt = centred ? x + (width - metrics.stringWidth(line)) / 2 : x + pad;
              g.drawString(line, drawnAt, y + metrics.getAscent());
              y += lineHeight;
            }
            if (rules) {
              g.setStroke(new java.awt.BasicStroke(Math.max(1, layout.dpi() / 150f)));
              g.drawRect(x, top, width, height);
            }
          }
        }
      };
    }
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

  /** A one-task conclusion notice under a heading in capitals, due by the end of {@code year}. */
  static List<String> oneTaskNotice(int year) {
    return List.of(
        "VĂN PHÒNG TRUNG ƯƠNG ĐẢNG",
        "",
        "THÔNG BÁO KẾT LUẬN",
        "về việc số hóa sổ hộ tịch",
        "",
        "1. Bộ Tư pháp hoàn thành số hóa sổ hộ tịch của các địa phương trước ngày 31/12/" + year
            + ".");
  }
}
