package vn.dondoc.app.directives;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OcrCleanupTest {

  @Test
  void pageNumbersAndRepeatedHeadersGoAndAParagraphCutByAPageBreakIsJoined() {
    String text = OcrCleanup.text(List.of(
        "BAN CHỈ ĐẠO TRUNG ƯƠNG - Trang 1\n1. Bộ Tài chính chủ trì rà soát cơ chế khoán chi,\n- 1 -",
        "BAN CHỈ ĐẠO TRUNG ƯƠNG - Trang 2\nhoàn thành trong quý II/2026.\n2. Bộ Nội vụ hướng dẫn.\n2",
        "BAN CHỈ ĐẠO TRUNG ƯƠNG - Trang 3\n3. Bộ Công an triển khai.\nTrang 3/3"));
    assertThat(text)
        .isEqualTo(
            "1. Bộ Tài chính chủ trì rà soát cơ chế khoán chi, hoàn thành trong quý II/2026.\n"
                + "2. Bộ Nội vụ hướng dẫn.\n3. Bộ Công an triển khai.");
  }

  @Test
  void aNewItemOnTheNextPageIsNotJoinedAndALineSeenOnOnePageOnlyStays() {
    String text = OcrCleanup.text(List.of(
        "Kính gửi: các bộ, ngành\n1. Bộ Y tế triển khai.",
        "2. Bộ Xây dựng hỗ trợ.\nNơi nhận: như trên"));
    assertThat(text)
        .isEqualTo(
            "Kính gửi: các bộ, ngành\n1. Bộ Y tế triển khai.\n2. Bộ Xây dựng hỗ trợ.\nNơi nhận: như trên");
  }

  @Test
  void itemMarkersOcrMisreadsAreMendedAndOnlyThose() {
    assertThat(OcrCleanup.text(List.of(
            "5, Về chuyển đổi số\n¡) Bộ Khoa học và Công nghệ rà soát.\n12, 5 triệu đồng",
            "- Bộ Công an: (¡) Nghiên cứu; (¡¡) Mở rộng (¡ xem)")))
        .isEqualTo("5. Về chuyển đổi số\ni) Bộ Khoa học và Công nghệ rà soát.\n12, 5 triệu đồng\n"
            + "- Bộ Công an: (i) Nghiên cứu; (ii) Mở rộng (¡ xem)");
  }

  private static final String VIETNAMESE =
      "Bộ Khoa học và Công nghệ chủ trì, phối hợp với các bộ, ngành rà soát, xây dựng bộ chỉ số theo "
          + "dõi, giám sát việc thực hiện các mục tiêu, chỉ tiêu, nhiệm vụ được giao về phát triển khoa học, công nghệ, đổi mới "
          + "sáng tạo và chuyển đổi số, hoàn thành trong tháng 11 năm 2025.";

  @Test
  void textWithItsDiacriticsIsReadable() {
    assertThat(OcrCleanup.readable(VIETNAMESE)).isTrue();
  }

  @Test
  void textThatLostItsDiacriticsIsReportedUnreadable() {
    String lost = java.text.Normalizer.normalize(VIETNAMESE, java.text.Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "")
        .replace('đ', 'd');
    assertThat(OcrCleanup.readable(lost)).isFalse();
    assertThat(OcrCleanup.readable("Bo Tai chinh")).isTrue();
  }

  @Test
  void aQuarterWhoseIWasReadAsASmallLIsMendedAndOnlyThat() {
    assertThat(OcrCleanup.text(List.of(
            "hoàn thành chậm nhất trong quý l năm 2027, quý Il/2026 và quý IV/2026; Công ty lớn")))
        .isEqualTo(
            "hoàn thành chậm nhất trong quý I năm 2027, quý II/2026 và quý IV/2026; Công ty lớn");
  }

  @Test
  void aSectionNumeralOneReadAsABarIsMendedOnlyBeforeAHeading() {
    assertThat(
            OcrCleanup.text(
                List.of(
                    "|. VỀ CÁC NHIỆM VỤ TRỌNG TÂM\nl. CÁC BỘ, NGÀNH\nl. và các nội dung khác\ncột | . Bộ Y tế")))
        .isEqualTo(
            "I. VỀ CÁC NHIỆM VỤ TRỌNG TÂM\nI. CÁC BỘ, NGÀNH\nl. và các nội dung khác\ncột | . Bộ Y tế");
  }

  @Test
  void aTableRowKeepsItsEmptyCellsAndAGroupNumeralRepeatedIsTheNext() {
    assertThat(
            OcrCleanup.text(
                List.of(
                    "STT\tNhiệm vụ\tChủ trì\nII\tHẠ TẦNG\t\n\tvà dữ liệu\tBộ Y tế\n5,\tXây dựng\tBộ Công an",
                    "II\tNGUỒN LỰC\t\n9\tTổng hợp\tBộ Tài chính\nIV\tKIỂM TRA\t\nII. Về tổ chức thực hiện")))
        .isEqualTo(String.join(
            "\n",
            "STT\tNhiệm vụ\tChủ trì",
            "II\tHẠ TẦNG\t",
            "\tvà dữ liệu\tBộ Y tế",
            "5,\tXây dựng\tBộ Công an",
            "III\tNGUỒN LỰC\t",
            "9\tTổng hợp\tBộ Tài chính",
            "IV\tKIỂM TRA\t",
            "II. Về tổ chức thực hiện"));
  }
}
