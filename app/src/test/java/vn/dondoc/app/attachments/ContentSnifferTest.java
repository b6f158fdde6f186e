package vn.dondoc.app.attachments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.dondoc.app.attachments.SampleFiles.ascii;
import static vn.dondoc.app.attachments.SampleFiles.concat;
import static vn.dondoc.app.attachments.SampleFiles.latin1;
import static vn.dondoc.app.attachments.SampleFiles.utf8;

import java.text.Normalizer;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.util.unit.DataSize;
import vn.dondoc.app.web.InvalidFieldException;

class ContentSnifferTest {

  private final ContentSniffer sniffer = new ContentSniffer(
      EnumSet.allOf(FileType.class),
      new ContentSniffer.ZipLimits(2000, DataSize.ofMegabytes(100), 100));

  static Stream<Arguments> accepted() {
    return Stream.of(
        Arguments.of("Báo cáo.pdf", SampleFiles.pdf(), FileType.PDF),
        Arguments.of(
            "Quyết định đã ký.pdf",
            PdfFixtures.signed(PdfFixtures.selfSignedSigner("Nguyễn Văn An", "Bộ KH&CN")),
            FileType.PDF),
        Arguments.of("ảnh chụp.png", SampleFiles.png(), FileType.PNG),
        Arguments.of(
            "ảnh.JPG", latin1("\u00ff\u00d8\u00ff\u00e0\u0000\u0010JFIF\u0000"), FileType.JPEG),
        Arguments.of(
            "ảnh.webp",
            concat(ascii("RIFF"), new byte[] {26, 0, 0, 0}, ascii("WEBPVP8 ")),
            FileType.WEBP),
        Arguments.of("Kế hoạch.docx", SampleFiles.docx(), FileType.DOCX),
        Arguments.of(
            "Bảng.xlsx",
            SampleFiles.zip(Map.of(
                "[Content_Types].xml", utf8("<Types/>"), "xl/workbook.xml", utf8("<workbook/>"))),
            FileType.XLSX),
        Arguments.of("Văn bản.odt", SampleFiles.odt(), FileType.ODT),
        Arguments.of(
            "ghi chú.txt", utf8("\uFEFFThủ tục hành chính cần đơn giản hoá.\n"), FileType.TEXT),
        Arguments.of("số liệu.csv", utf8("tỉnh,số phản ánh\nHà Nội,12\n"), FileType.CSV));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("accepted")
  void recognisesAcceptedTypesByContent(String filename, byte[] content, FileType type) {
    ContentSniffer.Inspected inspected = sniffer.inspect(filename, content);
    assertThat(inspected.type()).isEqualTo(type);
    assertThat(inspected.filename()).isEqualTo(filename);
  }

  static Stream<Arguments> rejected() {
    Map<String, byte[]> manyParts = new LinkedHashMap<>();
    for (int i = 0; i <= 2000; i++) {
      manyParts.put("part" + i + ".xml", new byte[0]);
    }
    return Stream.of(
        Arguments.of("empty", "trống.pdf", new byte[0], "empty"),
        Arguments.of(
            "Windows program named as a PDF",
            "hồ sơ.pdf",
            concat(ascii("MZ"), new byte[100]),
            "executable"),
        Arguments.of(
            "ELF program",
            "chương trình.txt",
            latin1("\u007fELF\u0002\u0001\u0001\u0000"),
            "executable"),
        Arguments.of(
            "Mach-O program",
            "app.pdf",
            latin1("\u00cf\u00fa\u00ed\u00fe\u0007\u0000\u0000\u0001"),
            "executable"),
        Arguments.of("shell script", "cài đặt.txt", ascii("#!/bin/sh\nrm -rf /\n"), "executable"),
        Arguments.of(
            "HTML",
            "trang.txt",
            ascii("<!DOCTYPE html><html><body>Xin chào</body></html>"),
            "markup"),
        Arguments.of(
            "HTML after blank lines",
            "trang.txt",
            ascii("\n\n  <html><body>x</body></html>"),
            "markup"),
        Arguments.of(
            "SVG with script",
            "ảnh.svg",
            ascii("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"),
            "markup"),
        Arguments.of(
            "text hiding a script",
            "ghi chú.txt",
            ascii("Xin chao\n<script>alert(1)</script>"),
            "markup"),
        Arguments.of(
            "PDF with a script in its head",
            "báo cáo.pdf",
            ascii("%PDF-1.4\n<html><script>alert(document.cookie)</script></html>\n%%EOF"),
            "polyglot"),
        Arguments.of(
            "PNG with HTML in its head",
            "ảnh.png",
            concat(SampleFiles.png(), ascii("<HTML>")),
            "polyglot"),
        Arguments.of("zip bomb (200 MB of zeros)", "bom.docx", SampleFiles.zipBomb(), "zip-bomb"),
        Arguments.of("ZIP of 2,001 parts", "nhiều.docx", SampleFiles.zip(manyParts), "zip-bomb"),
        Arguments.of(
            "DOCX with VBA macros",
            "macro.docx",
            SampleFiles.docx(Map.of("word/vbaProject.bin", new byte[] {1, 2, 3})),
            "macro"),
        Arguments.of(
            "DOCX carrying a program",
            "kèm.docx",
            SampleFiles.docx(Map.of("word/media/setup.exe", ascii("MZ"))),
            "macro"),
        Arguments.of(
            "DOCX carrying an OLE package",
            "kèm.docx",
            SampleFiles.docx(Map.of("word/embeddings/oleObject1.bin", new byte[] {1})),
            "macro"),
        Arguments.of(
            "plain ZIP", "tài liệu.docx", SampleFiles.zip(Map.of("a.txt", utf8("a"))), "archive"),
        Arguments.of("gzip", "dữ liệu.csv", latin1("\u001f\u008b\u0008\u0000"), "archive"),
        Arguments.of("truncated ZIP", "hỏng.docx", ascii("PK\u0003\u0004\u0014\u0000"), "damaged"),
        Arguments.of(
            "PNG signature without a header",
            "ảnh.png",
            latin1("\u0089PNG\r\n\u001a\nxxxxxxxx"),
            "damaged"),
        Arguments.of("GIF", "ảnh.gif", ascii("GIF89a\u0001\u0000\u0001\u0000"), "type-not-allowed"),
        Arguments.of(
            "binary that is not UTF-8",
            "dữ liệu.txt",
            new byte[] {(byte) 0xc3, 0x28, 1, 2},
            "type-not-allowed"),
        Arguments.of("text with NUL", "ghi chú.txt", utf8("abc\0def"), "type-not-allowed"),
        Arguments.of("PNG named as a PDF", "báo cáo.pdf", SampleFiles.png(), "extension-mismatch"),
        Arguments.of("PDF with no extension", "báo cáo", SampleFiles.pdf(), "extension-mismatch"),
        Arguments.of(
            "PDF named .pdf.exe", "báo cáo.pdf.exe", SampleFiles.pdf(), "extension-mismatch"),
        Arguments.of(
            "text named as a script", "tập lệnh.js", utf8("alert(1)"), "extension-mismatch"),
        Arguments.of("no name", "../..", SampleFiles.pdf(), "name-missing"),
        Arguments.of(
            "PDF that runs JavaScript when opened",
            "quyết định.pdf",
            PdfFixtures.withJavaScript(),
            "pdf-javascript"),
        Arguments.of(
            "PDF that launches a program",
            "quyết định.pdf",
            PdfFixtures.withLaunchAction(),
            "pdf-launch"),
        Arguments.of(
            "PDF carrying an embedded file",
            "quyết định.pdf",
            PdfFixtures.withEmbeddedFile(),
            "pdf-embedded-file"),
        Arguments.of(
            "PDF whose objects PDFBox cannot find",
            "hỏng.pdf",
            ascii("%PDF-1.7\nnothing here\n"),
            "damaged"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejected")
  void rejectsWithAReasonNamingTheFileField(
      String what, String filename, byte[] content, String reason) {
    assertThatThrownBy(() -> sniffer.inspect(filename, content))
        .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
          assertThat(e.field()).isEqualTo("file");
          assertThat(e.messageKey()).isEqualTo("validation.attachment." + reason);
        });
  }

  @Test
  void onlyConfiguredTypesAreAllowed() {
    ContentSniffer pdfOnly = new ContentSniffer(
        EnumSet.of(FileType.PDF),
        new ContentSniffer.ZipLimits(2000, DataSize.ofMegabytes(100), 100));
    assertThatThrownBy(() -> pdfOnly.inspect("ảnh.png", SampleFiles.png()))
        .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
          assertThat(e.messageKey()).isEqualTo("validation.attachment.type-not-allowed");
          assertThat(e.arguments()).containsExactly(".pdf");
        });
  }

  @Test
  void theUncompressedLimitHoldsEvenWhenTheRatioIsModest() {
    ContentSniffer small = new ContentSniffer(
        EnumSet.allOf(FileType.class),
        new ContentSniffer.ZipLimits(2000, DataSize.ofBytes(100), 100));
    assertThatThrownBy(() -> small.inspect("Kế hoạch.docx", SampleFiles.docx()))
        .isInstanceOfSatisfying(
            InvalidFieldException.class,
            e -> assertThat(e.messageKey()).isEqualTo("validation.attachment.zip-bomb"));
  }

  @Test
  void filenamesKeepTheBaseNameOnly() {
    assertThat(ContentSniffer.normaliseFilename("../../etc/passwd.pdf")).isEqualTo("passwd.pdf");
    assertThat(ContentSniffer.normaliseFilename("C:\\x\\y.pdf")).isEqualTo("y.pdf");
    assertThat(ContentSniffer.normaliseFilename("..\\..\\Báo cáo.pdf")).isEqualTo("Báo cáo.pdf");
  }

  @Test
  void filenamesLoseControlAndInvisibleCharacters() {
    assertThat(ContentSniffer.normaliseFilename("báo cáo.pdf\0.exe")).isEqualTo("báo cáo.pdf.exe");
    assertThat(ContentSniffer.normaliseFilename("hồ\u0000 sơ\r\n.pdf")).isEqualTo("hồ sơ.pdf");
    // U+202E (right-to-left override) would display "tài liệu‮fdp.exe" as "tài liệuexe.pdf".
    assertThat(ContentSniffer.normaliseFilename("tài liệu\u202Efdp.exe"))
        .isEqualTo("tài liệufdp.exe");
    assertThat(ContentSniffer.normaliseFilename("  . báo cáo.pdf. ")).isEqualTo("báo cáo.pdf");
  }

  @Test
  void aNulInTheNameCannotHideTheRealExtension() {
    assertThatThrownBy(() -> sniffer.inspect("báo cáo.pdf\0.exe", SampleFiles.pdf()))
        .isInstanceOfSatisfying(
            InvalidFieldException.class,
            e -> assertThat(e.messageKey()).isEqualTo("validation.attachment.extension-mismatch"));
  }

  @Test
  void filenamesAreNfcWithVietnameseLettersKept() {
    String decomposed =
        Normalizer.normalize("Đề xuất của Sở Khoa học và Công nghệ.docx", Normalizer.Form.NFD);
    String name = ContentSniffer.normaliseFilename(decomposed);
    assertThat(Normalizer.isNormalized(name, Normalizer.Form.NFC)).isTrue();
    assertThat(name).isEqualTo(Normalizer.normalize(decomposed, Normalizer.Form.NFC));
  }

  @Test
  void longFilenamesAreCutTo255CharactersKeepingTheExtension() {
    String name = ContentSniffer.normaliseFilename("Tờ trình ".repeat(40) + ".pdf");
    assertThat(name.codePointCount(0, name.length())).isEqualTo(255);
    assertThat(name).startsWith("Tờ trình Tờ trình").endsWith(".pdf");
  }
}
