package vn.dondoc.app.directives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import vn.dondoc.app.attachments.ContentSniffer;
import vn.dondoc.app.attachments.ContentSniffer.ZipLimits;
import vn.dondoc.app.attachments.FileType;
import vn.dondoc.app.web.InvalidFieldException;

/** A directive arrives as a PDF with a text layer, a Word file or text; a scan is refused, not misread. */
class DirectiveDocumentTextTest {

  private static final List<String> DIRECTIVE = List.of(
      "CHỈ THỊ",
      "1. Bộ Tài chính chủ trì, phối hợp với Bộ Khoa học và Công nghệ "
          + "sửa đổi cơ chế khoán chi đến sản phẩm cuối cùng đối với nhiệm vụ khoa học và công nghệ, hoàn thành trong quý II/2026.");

  private final DirectiveDocumentText reader = new DirectiveDocumentText(new ContentSniffer(
      Set.of(FileType.PDF, FileType.DOCX, FileType.TEXT, FileType.PNG, FileType.JPEG),
      new ZipLimits(1000, DataSize.ofMegabytes(50), 100)));

  @Test
  void aPdfWithATextLayerIsReadAndItsTaskFoundAcrossTheWrappedLine() {
    String text = reader
        .read("chi-thi.pdf", DirectiveDocuments.textPdf(DIRECTIVE), "file")
        .text();
    assertThat(text).contains("Bộ Tài chính chủ trì").contains("quý II/2026");
    DraftTask task = new AppendixParser(SeedAgencies.matcher()).parse(text).get(0);
    assertThat(task.lead().agency()).isEqualTo("btc");
    assertThat(task.coOperating()).containsExactly("bkhcn");
    assertThat(task.deadline().text()).isEqualTo("hoàn thành trong quý II/2026");
  }

  @Test
  void aWordFileIsRead() {
    assertThat(reader
            .read("ke-hoach.docx", DirectiveDocuments.docx(DIRECTIVE), "file")
            .text())
        .contains(DIRECTIVE.get(1));
  }

  @Test
  void aPdfWithoutATextLayerIsAScanToRecognise() {
    DirectiveDocumentText.Read read =
        reader.read("scan.pdf", DirectiveDocuments.imageOnlyPdf(), "file");
    assertThat(read.isScan()).isTrue();
    assertThat(read.scan()).isEqualTo(FileType.PDF);
    assertThat(read.pages()).isEqualTo(1);
    assertThat(reader
            .read("chi-thi.pdf", DirectiveDocuments.textPdf(DIRECTIVE), "file")
            .isScan())
        .isFalse();
  }

  @Test
  void aProgramNamedLikeADocumentIsRefusedByTheUploadRules() {
    byte[] program = "MZ\u0090\u0000 not a directive".getBytes(StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> reader.read("chi-thi.pdf", program, "file"))
        .isInstanceOf(InvalidFieldException.class)
        .extracting(e -> ((InvalidFieldException) e).field())
        .isEqualTo("file");
  }
}
