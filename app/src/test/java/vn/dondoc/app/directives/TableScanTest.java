package vn.dondoc.app.directives;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import vn.dondoc.app.directives.TableScan.Band;
import vn.dondoc.app.directives.TableScan.Rules;
import vn.dondoc.app.directives.TableScan.Word;

class TableScanTest {

  /** Letters 40 px high, a space 18 px wide, a letter 25 px: 10 pt at 300 dpi, as Tesseract boxes it. */
  private static final int HEIGHT = 40;

  private static final int SPACE = 18;
  private static final int LETTER = 25;

  /** Words written from {@code left} on a line at {@code top}, boxed as Tesseract does, on Tesseract's line {@code line}. */
  private static List<Word> line(String text, int left, int top, String line) {
    List<Word> words = new ArrayList<>();
    int x = left;
    for (String word : text.split(" ")) {
      words.add(new Word(word, x, top, word.length() * LETTER, HEIGHT, line));
      x += word.length() * LETTER + SPACE;
    }
    return words;
  }

  @Test
  void theWordsOfTesseractsTsvOutputAreItsLevelFiveRowsWithText() {
    String tsv = String.join(
        "\n",
        "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext",
        "1\t1\t0\t0\t0\t0\t0\t0\t2480\t3507\t-1\t",
        "4\t1\t1\t1\t1\t0\t298\t256\t1882\t2\t-1\t",
        "5\t1\t1\t1\t1\t1\t298\t256\t1882\t2\t95.0\t ",
        "5\t1\t2\t1\t1\t1\t437\t280\t63\t40\t96.7\tHẠ",
        "5\t1\t2\t1\t1\t2\t516\t267\t128\t44\t96.4\tTẦNG");
    assertThat(TableScan.words(tsv))
        .containsExactly(
            new Word("HẠ", 437, 280, 63, 40, "1.2.1.1"),
            new Word("TẦNG", 516, 267, 128, 44, "1.2.1.1"));
  }

  @Test
  void aRuledTablesBandsAreItsRowsItsRulesItsColumnsAndAMergedCellGoesToItsFirstColumn() {
    // Rules at x 100 | 200 | 800 | 1200 | 1500; bands: header, a group row (merged after the
    // number), a task.
    Rules rules = new Rules(
        new int[] {100, 200, 800, 1200, 1500},
        List.of(
            new Band(500, 600, new boolean[] {true, true, true, true, true}),
            new Band(600, 680, new boolean[] {true, true, false, false, true}),
            new Band(680, 900, new boolean[] {true, true, true, true, true})),
        3508,
        true);
    List<Word> words = new ArrayList<>();
    words.addAll(line("PHỤ LỤC", 600, 300, "1"));
    // Tesseract reads a row across its cells as one line, and a wrapped cell's next lines below.
    words.addAll(line("TT", 120, 530, "2"));
    words.addAll(line("Nhiệm vụ", 220, 530, "2"));
    words.addAll(line("Chủ trì", 820, 530, "2"));
    words.addAll(line("Thời hạn", 1220, 530, "2"));
    words.addAll(line("I", 130, 620, "3"));
    words.addAll(line("HOÀN THIỆN THỂ CHẾ VÀ CHÍNH SÁCH", 220, 620, "3"));
    words.addAll(line("1", 130, 700, "4"));
    words.addAll(line("Xây dựng Thông tư", 220, 700, "4"));
    words.addAll(line("Vụ Kế hoạch -", 820, 700, "4"));
    words.addAll(line("Quý II/2026", 1220, 700, "4"));
    words.addAll(line("hướng dẫn", 220, 750, "5"));
    words.addAll(line("Tài chính", 820, 750, "5"));
    // What is left of a rule Tesseract read: no word.
    words.addAll(line("|", 1195, 750, "5"));
    words.addAll(line("Nơi nhận:", 100, 1000, "6"));

    assertThat(TableScan.text(words, rules))
        .isEqualTo(String.join(
            "\n",
            "PHỤ LỤC",
            "TT\tNhiệm vụ\tChủ trì\tThời hạn",
            "I\tHOÀN THIỆN THỂ CHẾ VÀ CHÍNH SÁCH\t\t",
            "1\tXây dựng Thông tư hướng dẫn\tVụ Kế hoạch - Tài chính\tQuý II/2026",
            "Nơi nhận:"));
  }

  @Test
  void aRuledTablesRulesAreFoundInThePageImageAndErasedAndTextAloneHasNone() {
    BufferedImage page = new BufferedImage(1240, 1754, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = page.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 1240, 1754);
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 20));
    for (int y = 100; y < 300; y += 30) {
      g.drawString("Căn cứ Nghị định số 42/2025/NĐ-CP quy định chức năng, nhiệm vụ của Bộ", 150, y);
    }
    assertThat(TableScan.rules(copy(page))).as("running text").isNull();

    int[] xs = {150, 220, 600, 800, 1090};
    int[] ys = {400, 480, 540, 700};
    for (int y : ys) {
      g.fillRect(xs[0], y, xs[4] - xs[0] + 2, 2);
    }
    for (int i = 0; i < ys.length - 1; i++) {
      for (int c = 0; c < xs.length; c++) {
        // The second row is a group row: one cell across the columns after the number.
        if (i != 1 || c < 2 || c == xs.length - 1) {
          g.fillRect(xs[c], ys[i], 2, ys[i + 1] - ys[i] + 2);
        }
      }
    }
    g.drawString("Xây dựng Thông tư", 230, 580);
    g.dispose();

    Rules rules = TableScan.rules(page);

    assertThat(rules).isNotNull();
    assertThat(rules.columns()).hasSize(5);
    for (int c = 0; c < xs.length; c++) {
      assertThat(rules.columns()[c]).isBetween(xs[c] - 1, xs[c] + 2);
    }
    assertThat(rules.rows()).hasSize(3);
    assertThat(rules.rows().get(1).crossed()).containsExactly(true, true, false, false, true);
    assertThat(rules.rows().get(2).crossed()).containsExactly(true, true, true, true, true);
    // The rules are erased for Tesseract, the text is not.
    assertThat(page.getRaster().getSample(xs[2], 600, 0)).isEqualTo(255);
    assertThat(page.getRaster().getSample(400, ys[3], 0)).isEqualTo(255);
    assertThat(darkPixels(page, 230, 555, 450, 585)).isPositive();
  }

  @Test
  void aHeadingInCapitalsWithItsAccentsIsNoTable() throws IOException {
    // The accents over capitals stand apart from their letters by a blank row of pixels: read as
    // lines of their own,
    // their few marks far apart lined up like a table's cells (a notice of one task was read as a
    // table, its heading
    // in columns).
    byte[] scan = DirectiveDocuments.scannedPdf(DirectiveDocuments.oneTaskNotice(2027), 300);
    try (PDDocument document = Loader.loadPDF(scan)) {
      BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 300, ImageType.GRAY);
      assertThat(TableScan.rules(page)).isNull();
    }
  }

  @Test
  void aRowOfAccentsJoinsTheNearerLine() {
    List<int[]> lines = TableScan.accentsJoined(List.of(
        new int[] {100, 110}, // accents above the first line
        new int[] {114, 150},
        new int[] {170, 206},
        new int[] {208, 216}, // dots below the second line
        new int[] {240, 276}));
    assertThat(lines)
        .extracting(line -> line[0] + "-" + line[1])
        .containsExactly("100-150", "170-216", "240-276");
  }

  @Test
  void aTableWithoutRulesIsFoundInThePageImageFromItsGuttersAndLeftAsItIs() {
    BufferedImage page = new BufferedImage(1654, 1754, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = page.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 1654, 1754);
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 24));
    g.drawString(
        "Căn cứ Nghị định số 42/2025/NĐ-CP quy định chức năng, nhiệm vụ của Bộ Y tế", 150, 100);
    String[][] rows = {
      {"TT", "Nhiệm vụ", "Chủ trì", "Thời hạn"},
      {"1", "Xây dựng Thông tư", "Vụ Pháp chế", "Quý II/2026"},
      {"", "về hồ sơ bệnh án", "", ""},
      {"2", "Trình Đề án", "Cục Công nghệ", "Năm 2026"},
      {"3", "Kiểm tra an toàn", "Bộ Công an", "Hằng năm"}
    };
    int[] xs = {150, 250, 750, 1150};
    for (int r = 0; r < rows.length; r++) {
      for (int c = 0; c < xs.length; c++) {
        g.drawString(rows[r][c], xs[c], 300 + 50 * r);
      }
    }
    g.dispose();
    BufferedImage before = copy(page);

    Rules rules = TableScan.rules(page);

    assertThat(rules).isNotNull();
    assertThat(rules.ruled()).isFalse();
    assertThat(rules.columns()).hasSize(5);
    for (int c = 1; c < xs.length; c++) {
      // A boundary lies in the gutter before its column's text.
      assertThat(rules.columns()[c]).isBetween(xs[c - 1] + 30, xs[c] - 1);
    }
    assertThat(rules.top()).isBetween(250, 300);
    assertThat(rules.bottom()).isBetween(500, 520);
    // Nothing to erase: the image is as it was.
    assertThat(page.getRaster().getSamples(0, 0, 1654, 1754, 0, (int[]) null))
        .isEqualTo(before.getRaster().getSamples(0, 0, 1654, 1754, 0, (int[]) null));
  }

  @Test
  void aTableWithoutRulesFoundInTheImageHasItsColumnsFromThereAndItsRowsFromTheNumbers() {
    Rules columns = new Rules(
        new int[] {100, 200, 700, 1000, 1400},
        List.of(new Band(400, 700, new boolean[] {true, true, true, true, true})),
        1754,
        false);
    List<Word> words = new ArrayList<>();
    words.addAll(line("Căn cứ Nghị định số 42/2025/NĐ-CP", 100, 300, "1"));
    // The header's first line has no number: it belongs to the row "TT" starts.
    words.addAll(line("Cơ quan", 720, 410, "2"));
    words.addAll(line("TT", 110, 440, "3"));
    words.addAll(line("Nhiệm vụ", 220, 440, "3"));
    words.addAll(line("Thời hạn", 1020, 440, "3"));
    words.addAll(line("chủ trì", 720, 470, "4"));
    words.addAll(line("1", 120, 520, "5"));
    words.addAll(line("Xây dựng", 220, 520, "5"));
    words.addAll(line("Bộ Y tế", 720, 520, "5"));
    words.addAll(line("Quý IV/2026", 1020, 520, "5"));
    words.addAll(line("Thông tư", 220, 570, "6"));
    words.addAll(line("2", 120, 630, "7"));
    words.addAll(line("Trình Đề án", 220, 630, "7"));
    words.addAll(line("Bộ Tài chính", 720, 630, "7"));
    words.addAll(line("Năm 2026", 1020, 630, "7"));

    assertThat(TableScan.text(words, columns))
        .isEqualTo(String.join(
            "\n",
            "Căn cứ Nghị định số 42/2025/NĐ-CP",
            "TT\tNhiệm vụ\tCơ quan chủ trì\tThời hạn",
            "1\tXây dựng Thông tư\tBộ Y tế\tQuý IV/2026",
            "2\tTrình Đề án\tBộ Tài chính\tNăm 2026"));
  }

  @Test
  void theColumnsPutApartAreReadBackWhereTheyStand() {
    BufferedImage page = new BufferedImage(1654, 1754, BufferedImage.TYPE_BYTE_GRAY);
    Rules rules = new Rules(
        new int[] {100, 200, 700, 1000, 1400},
        List.of(new Band(400, 600, new boolean[] {true, true, true, true, true})),
        1754,
        true);
    BufferedImage apart = TableScan.columnsApart(page, rules);
    // The number and task stay; the lead's and the time's columns go one under the other below the
    // page.
    int stride = (600 - 400) + 100;
    assertThat(apart.getHeight()).isEqualTo(1754 + 2 * stride);
    List<Word> words = new ArrayList<>();
    words.addAll(line("1", 120, 420, "1"));
    words.addAll(line("Xây dựng", 220, 420, "1"));
    words.addAll(line("Bộ Y tế", 720, 1754 + 20, "2"));
    words.addAll(line("Quý IV/2026", 1020, 1754 + stride + 20, "3"));
    assertThat(TableScan.text(words, rules)).isEqualTo("1\tXây dựng\tBộ Y tế\tQuý IV/2026");
  }

  @Test
  void aTableWithoutRulesIsFoundFromItsGuttersAndItsRowsFromTheNumbers() {
    List<Word> words = new ArrayList<>();
    words.addAll(line("PHỤ LỤC", 700, 200, "1"));
    words.addAll(
        line("(Kèm theo Quyết định số 1450/QĐ-BKHCN ngày 10/4/2026 của Bộ trưởng)", 300, 260, "2"));
    // The header's wrapped cells: "Cơ quan | chủ trì" over two lines, "TT" and "Nhiệm vụ" centred
    // down the row.
    words.addAll(line("Cơ quan", 1000, 340, "3"));
    words.addAll(line("Thời hạn", 1500, 340, "3"));
    words.addAll(line("Sản", 1900, 340, "3"));
    words.addAll(line("TT", 310, 370, "4"));
    words.addAll(line("Nhiệm vụ", 450, 370, "4"));
    words.addAll(line("chủ trì", 1000, 400, "5"));
    words.addAll(line("phẩm", 1900, 400, "5"));
    words.addAll(line("1", 320, 480, "6"));
    words.addAll(line("Xây dựng Thông tư", 400, 480, "6"));
    words.addAll(line("Cục Quản lý", 1000, 480, "6"));
    words.addAll(line("Quý III/2026", 1480, 480, "6"));
    words.addAll(line("Thông tư", 1900, 480, "6"));
    words.addAll(line("về hồ sơ bệnh án", 400, 540, "7"));
    words.addAll(line("khám bệnh", 1000, 540, "7"));
    words.addAll(line("2", 320, 620, "8"));
    words.addAll(line("Trình Đề án", 400, 620, "8"));
    words.addAll(line("Cục Công nghệ", 1000, 620, "8"));
    words.addAll(line("Năm 2026", 1500, 620, "8"));
    words.addAll(line("Đề án", 1900, 620, "8"));
    words.addAll(line("thông tin", 1000, 680, "9"));
    words.addAll(line(
        "Nơi nhận: như trên và các đơn vị thuộc Bộ có liên quan để thực hiện", 300, 800, "10"));

    assertThat(TableScan.text(words, null))
        .isEqualTo(String.join(
            "\n",
            "PHỤ LỤC",
            "(Kèm theo Quyết định số 1450/QĐ-BKHCN ngày 10/4/2026 của Bộ trưởng)",
            "TT\tNhiệm vụ\tCơ quan chủ trì\tThời hạn\tSản phẩm",
            "1\tXây dựng Thông tư về hồ sơ bệnh án\tCục Quản lý khám bệnh\tQuý III/2026\tThông tư",
            "2\tTrình Đề án\tCục Công nghệ thông tin\tNăm 2026\tĐề án",
            "Nơi nhận: như trên và các đơn vị thuộc Bộ có liên quan để thực hiện"));
  }

  @Test
  void runningTextWithIndentedParagraphsAndShortLinesIsNoTable() {
    List<Word> words = new ArrayList<>();
    String[] text = {
      "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch chuyển đổi số",
      "ngành y tế năm 2026, định hướng đến năm 2030 và các nhiệm vụ",
      "trọng tâm.",
      "Điều 2. Quyết định này có hiệu lực kể từ ngày ký, ban hành và",
      "thay thế các quy định trước đây trái với Quyết định này.",
      "Điều 3. Chánh Văn phòng Bộ, Cục trưởng các Cục chịu trách",
      "nhiệm thi hành Quyết định này./.",
      "Nơi nhận:          BỘ TRƯỞNG",
      "- Như Điều 3;          (Đã ký)",
      "- Lưu: VT."
    };
    for (int i = 0; i < text.length; i++) {
      // A paragraph's first line is indented; the signature stands apart on the right.
      int left = text[i].startsWith("Điều") ? 420 : 300;
      String[] parts = text[i].split(" {10}");
      words.addAll(line(parts[0], left, 200 + 60 * i, String.valueOf(i)));
      if (parts.length > 1) {
        words.addAll(line(parts[1], 1500, 200 + 60 * i, String.valueOf(i)));
      }
    }
    assertThat(TableScan.text(words, null))
        .doesNotContain("\t")
        .isEqualTo(String.join("\n", text).replace("          ", " "));
  }

  private static BufferedImage copy(BufferedImage image) {
    BufferedImage copy =
        new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
    copy.setData(image.getData());
    return copy;
  }

  private static int darkPixels(BufferedImage image, int x0, int y0, int x1, int y1) {
    int dark = 0;
    for (int y = y0; y < y1; y++) {
      for (int x = x0; x < x1; x++) {
        if (image.getRaster().getSample(x, y, 0) < 128) {
          dark++;
        }
      }
    }
    return dark;
  }
}
