package vn.dondoc.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class VietnameseFoldingTest {

  @Test
  void removesTonesAndVowelMarks() {
    assertThat(VietnameseFolding.fold("Thủ tục hành chính")).isEqualTo("thu tuc hanh chinh");
    assertThat(VietnameseFolding.fold("Chuyển đổi số, đổi mới sáng tạo"))
        .isEqualTo("chuyen doi so, doi moi sang tao");
    assertThat(VietnameseFolding.fold("Ưu tiên phổ cập kỹ năng số"))
        .isEqualTo("uu tien pho cap ky nang so");
  }

  @Test
  void foldsDStrokeInBothCases() {
    assertThat(VietnameseFolding.fold("Đà Nẵng đột phá")).isEqualTo("da nang dot pha");
  }

  @Test
  void treatsPrecomposedAndDecomposedInputAlike() {
    String precomposed = "Quản trị dữ liệu";
    String decomposed = Normalizer.normalize(precomposed, Normalizer.Form.NFD);
    assertThat(decomposed).isNotEqualTo(precomposed);
    assertThat(VietnameseFolding.fold(decomposed))
        .isEqualTo(VietnameseFolding.fold(precomposed))
        .isEqualTo("quan tri du lieu");
  }

  @Test
  void leavesCodesAndDigitsReadable() {
    assertThat(VietnameseFolding.fold("PAKN-2026-000123")).isEqualTo("pakn-2026-000123");
    assertThat(VietnameseFolding.fold("17-TB/CQTTBCĐ")).isEqualTo("17-tb/cqttbcd");
  }

  @Test
  void nullAndEmptyPassThrough() {
    assertThat(VietnameseFolding.fold(null)).isNull();
    assertThat(VietnameseFolding.fold("")).isEmpty();
  }
}
