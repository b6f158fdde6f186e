package vn.dondoc.app.documents;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Draws an {@link OfficialDocument} as PDF/A4 with PDFBox, the fonts embedded (subsets of Liberation Serif 2,
 * Debian's fonts-liberation2: Times New Roman's metrics, the face Decree 30 prescribes, and every Vietnamese
 * letter, which Liberation 1 lacks).
 * PDFBox rather than LibreOffice converting the DOCX: no office suite on the servers, no process started per
 * export, and the same bytes on every node; the cost is that this class lays the page out itself.
 */
public class PdfRenderer {

  private static final float MM = 72f / 25.4f;
  /** Decree 30's margins: top and bottom 20-25 mm, left 30-35 mm, right 15-20 mm. */
  private static final float TOP = 20 * MM;

  private static final float BOTTOM = 20 * MM;
  private static final float LEFT = 30 * MM;
  private static final float RIGHT = 15 * MM;
  private static final float ANNEX_MARGIN = 12 * MM;
  /** A QR code of 40 mm: read from paper by any phone. */
  private static final float PICTURE_SIZE = 40 * MM;

  private static final float[] ANNEX_WEIGHTS = {3, 22, 11, 10, 10, 8, 7, 5, 10, 10, 9};

  private final Path fontDirectory;

  /** {@code fontDirectory} holds LiberationSerif-{Regular,Bold,Italic,BoldItalic}.ttf (Debian's fonts-liberation2). */
  public PdfRenderer(Path fontDirectory) {
    this.fontDirectory = fontDirectory;
  }

  private enum Align {
    LEFT,
    CENTRE,
    RIGHT
  }

  /** A face: the embedded font and its character map, to leave out what it cannot draw instead of failing. */
  private record Face(PDType0Font font, CmapLookup cmap) {

    float width(String text, float size) throws IOException {
      return font.getStringWidth(drawable(text)) / 1000 * size;
    }

    /** NFC (one glyph per Vietnamese letter), white space as spaces, and nothing the font has no glyph for. */
    String drawable(String text) {
      String normalised = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFC)
          .replaceAll("\\s", " ");
      StringBuilder out = new StringBuilder();
      normalised
          .codePoints()
          .filter(cp -> cp == ' ' || cmap.getGlyphId(cp) > 0)
          .forEach(out::appendCodePoint);
      return out.toString();
    }
  }

  public byte[] render(OfficialDocument document) {
    return render(document, null);
  }

  /**
   * The document with a picture (e.g. a QR code, {@link QrCode#image}) centred below its body, {@code picture}
   * may be null.
   */
  public byte[] render(OfficialDocument document, BufferedImage picture) {
    try (PDDocument pdf = new PDDocument()) {
      Page page = new Page(
          pdf,
          face(pdf, "Regular"),
          face(pdf, "Bold"),
          face(pdf, "Italic"),
          face(pdf, "BoldItalic"));
      page.letter(document, picture == null ? null : LosslessFactory.createFromImage(pdf, picture));
      if (document.annex() != null) {
        page.annex(document.annex());
      }
      page.close();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      pdf.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Face face(PDDocument pdf, String style) throws IOException {
    TrueTypeFont font = new TTFParser()
        .parse(new RandomAccessReadBufferedFile(
            fontDirectory.resolve("LiberationSerif-" + style + ".ttf").toFile()));
    // The document closes the font when it is saved.
    return new Face(PDType0Font.load(pdf, font, true), font.getUnicodeCmapLookup());
  }

  /** The flow of text over pages: where the next line goes. */
  private static final class Page {
    private final PDDocument pdf;
    private final Face regular;
    private final Face bold;
    private final Face italic;
    private final Face boldItalic;
    private PDRectangle size;
    private PDPageContentStream stream;
    private float y;
    private float left;
    private float right;

    Page(PDDocument pdf, Face regular, Face bold, Face italic, Face boldItalic) throws IOException {
      this.pdf = pdf;
      this.regular = regular;
      this.bold = bold;
      this.italic = italic;
      this.boldItalic = boldItalic;
      open(PDRectangle.A4, LEFT, RIGHT);
    }

    private void open(PDRectangle rectangle, float leftMargin, float rightMargin)
        throws IOException {
      close();
      size = rectangle;
      PDPage page = new PDPage(rectangle);
      pdf.addPage(page);
      stream = new PDPageContentStream(pdf, page);
      y = rectangle.getHeight() - TOP;
      left = leftMargin;
      right = rectangle.getWidth() - rightMargin;
    }

    void close() throws IOException {
      if (stream != null) {
        stream.close();
        stream = null;
      }
    }

    void letter(OfficialDocument document, PDImageXObject picture) throws IOException {
      float width = right - left;
      float split = left + width * 0.42f;
      // Top left: parent body, issuer (bold, underlined), number; top right: the national heading,
      // place and date.
      float leftY = y;
      if (document.parentBody() != null) {
        leftY = lines(
            document.parentBody().toUpperCase(),
            regular,
            12.5f,
            left,
            split - left,
            leftY,
            Align.CENTRE);
      }
      leftY = lines(
          document.issuer().toUpperCase(), bold, 12.5f, left, split - left, leftY, Align.CENTRE);
      rule(left + (split - left) * 0.35f, left + (split - left) * 0.65f, leftY + 3);
      leftY = lines(document.number(), regular, 13, left, split - left, leftY - 6, Align.CENTRE);
      if (document.subject() != null) {
        leftY = lines(document.subject(), regular, 12, left, split - left, leftY, Align.CENTRE);
      }
      float rightY =
          lines(OfficialDocument.NATION, bold, 12.5f, split, right - split, y, Align.CENTRE);
      rightY = lines(OfficialDocument.MOTTO, bold, 13, split, right - split, rightY, Align.CENTRE);
      float motto = bold.width(OfficialDocument.MOTTO, 13);
      float centre = split + (right - split) / 2;
      rule(centre - motto / 2, centre + motto / 2, rightY + 3);
      rightY = lines(
          document.placeAndDate(), italic, 13, split, right - split, rightY - 10, Align.CENTRE);
      y = Math.min(leftY, rightY) - 18;

      if (document.kind() != null) {
        flow(document.kind(), bold, 14, left, width, Align.CENTRE, 0);
      }
      if (document.title() != null) {
        flow(document.title(), bold, 14, left, width, Align.CENTRE, 0);
        float ruleWidth = Math.min(width / 3, 120);
        rule(left + (width - ruleWidth) / 2, left + (width + ruleWidth) / 2, y + 3);
      }
      y -= 12;
      for (String paragraph : document.body()) {
        boolean heading = OfficialDocument.heading(paragraph);
        flow(
            paragraph,
            heading ? bold : regular,
            14,
            left,
            width,
            Align.LEFT,
            heading ? 0 : 1 * 72f / 2.54f);
        y -= 6;
      }
      if (picture != null) {
        picture(picture, PICTURE_SIZE);
      }

      // Bottom: "Nơi nhận" on the left, the signature block on the right, side by side.
      y -= 12;
      if (y < BOTTOM + 160) {
        open(size, LEFT, RIGHT);
      }
      float top = y;
      float recipientsY = lines("Nơi nhận:", boldItalic, 12, left, split - left, top, Align.LEFT);
      for (String recipient : document.recipients()) {
        recipientsY =
            lines("- " + recipient, regular, 11, left, split - left, recipientsY, Align.LEFT);
      }
      float signY = top;
      if (document.signingCapacity() != null) {
        signY = lines(
            document.signingCapacity().toUpperCase(),
            bold,
            13,
            split,
            right - split,
            signY,
            Align.CENTRE);
      }
      // A document issued by the system itself (a receipt) has no signature block.
      if (document.signerTitle() != null) {
        signY = lines(
            document.signerTitle().toUpperCase(),
            bold,
            13,
            split,
            right - split,
            signY,
            Align.CENTRE);
        signY =
            lines(document.signerName(), bold, 14, split, right - split, signY - 70, Align.CENTRE);
      }
      y = Math.min(recipientsY, signY);
    }

    /** A square picture {@code side} points wide, centred in the flow, on the next page if it does not fit. */
    private void picture(PDImageXObject picture, float side) throws IOException {
      if (y - side < BOTTOM) {
        open(size, LEFT, RIGHT);
      }
      y -= side;
      stream.drawImage(picture, left + (right - left - side) / 2, y, side, side);
      y -= 6;
    }

    void annex(OfficialDocument.Annex annex) throws IOException {
      open(
          new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth()),
          ANNEX_MARGIN,
          ANNEX_MARGIN);
      float width = right - left;
      flow(annex.label(), bold, 13, left, width, Align.CENTRE, 0);
      flow(annex.title(), bold, 13, left, width, Align.CENTRE, 0);
      y -= 8;
      float total = 0;
      for (float weight : ANNEX_WEIGHTS) {
        total += weight;
      }
      float[] columns = new float[ANNEX_WEIGHTS.length];
      for (int i = 0; i < columns.length; i++) {
        columns[i] = width * ANNEX_WEIGHTS[i] / total;
      }
      row(annex.headers(), columns, bold);
      for (List<String> cells : annex.rows()) {
        if (!row(cells, columns, regular)) {
          open(size, ANNEX_MARGIN, ANNEX_MARGIN);
          row(annex.headers(), columns, bold);
          row(cells, columns, regular);
        }
      }
    }

    /** Draws one table row with borders; false (nothing drawn) when it does not fit on the page. */
    private boolean row(List<String> cells, float[] columns, Face face) throws IOException {
      float fontSize = 8;
      float leading = fontSize * 1.25f;
      float padding = 3;
      List<List<String>> wrapped = new ArrayList<>();
      int lines = 1;
      for (int i = 0; i < columns.length; i++) {
        List<String> cell =
            wrap(i < cells.size() ? cells.get(i) : "", face, fontSize, columns[i] - 2 * padding);
        wrapped.add(cell);
        lines = Math.max(lines, cell.size());
      }
      float height = lines * leading + 2 * padding;
      if (y - height < BOTTOM) {
        return false;
      }
      float x = left;
      for (int i = 0; i < columns.length; i++) {
        stream.addRect(x, y - height, columns[i], height);
        float lineY = y - padding - fontSize;
        for (String line : wrapped.get(i)) {
          show(line, face, fontSize, x + padding, lineY);
          lineY -= leading;
        }
        x += columns[i];
      }
      stream.setLineWidth(0.5f);
      stream.stroke();
      y -= height;
      return true;
    }

    /** Wrapped lines at {@code top} without page breaks (the heading blocks); returns the y below them. */
    private float lines(
        String text, Face face, float fontSize, float x, float width, float top, Align align)
        throws IOException {
      float lineY = top - fontSize;
      for (String line : wrap(text, face, fontSize, width)) {
        show(line, face, fontSize, x + offset(line, face, fontSize, width, align), lineY);
        lineY -= fontSize * 1.2f;
      }
      return lineY + fontSize * 0.2f;
    }

    /** A paragraph in the flow, breaking pages; {@code indent} on its first line. */
    private void flow(
        String text, Face face, float fontSize, float x, float width, Align align, float indent)
        throws IOException {
      List<String> wrapped = wrap(text, face, fontSize, width - indent);
      for (int i = 0; i < wrapped.size(); i++) {
        if (y - fontSize < BOTTOM) {
          open(size, LEFT, RIGHT);
        }
        float shift = i == 0 ? indent : 0;
        y -= fontSize;
        show(
            wrapped.get(i),
            face,
            fontSize,
            x + shift + offset(wrapped.get(i), face, fontSize, width - shift, align),
            y);
        y -= fontSize * 0.3f;
      }
    }

    private static float offset(String line, Face face, float fontSize, float width, Align align)
        throws IOException {
      return switch (align) {
        case LEFT -> 0;
        case CENTRE -> (width - face.width(line, fontSize)) / 2;
        case RIGHT -> width - face.width(line, fontSize);
      };
    }

    private void show(String text, Face face, float fontSize, float x, float baseline)
        throws IOException {
      stream.beginText();
      stream.setFont(face.font(), fontSize);
      stream.newLineAtOffset(x, baseline);
      stream.showText(text);
      stream.endText();
    }

    private void rule(float from, float to, float at) throws IOException {
      stream.setLineWidth(0.6f);
      stream.moveTo(from, at);
      stream.lineTo(to, at);
      stream.stroke();
    }

    /** Words to lines no wider than {@code width}; a word wider than a line is cut. */
    private static List<String> wrap(String text, Face face, float fontSize, float width)
        throws IOException {
      List<String> lines = new ArrayList<>();
      StringBuilder line = new StringBuilder();
      for (String word : face.drawable(text).split(" ")) {
        if (word.isEmpty()) {
          continue;
        }
        String candidate = line.isEmpty() ? word : line + " " + word;
        if (face.width(candidate, fontSize) <= width) {
          line.setLength(0);
          line.append(candidate);
          continue;
        }
        if (!line.isEmpty()) {
          lines.add(line.toString());
          line.setLength(0);
        }
        while (face.width(word, fontSize) > width && word.length() > 1) {
          int cut = word.length() - 1;
          while (cut > 1 && face.width(word.substring(0, cut), fontSize) > width) {
            cut--;
          }
          lines.add(word.substring(0, cut));
          word = word.substring(cut);
        }
        line.append(word);
      }
      if (!line.isEmpty() || lines.isEmpty()) {
        lines.add(line.toString());
      }
      return lines;
    }
  }
}
