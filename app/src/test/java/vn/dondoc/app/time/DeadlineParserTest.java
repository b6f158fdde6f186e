package vn.dondoc.app.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.dondoc.app.time.DeadlineParser.Deadline;
import vn.dondoc.app.time.DeadlineParser.Kind;

class DeadlineParserTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "trong quý I/2026 | 2026-03-31",
        "Hoàn thành trong quý II/2026. | 2026-06-30",
        "quý III/2026 | 2026-09-30",
        "quý IV/2025 | 2025-12-31",
        "trong quý 1/2026 | 2026-03-31",
        "Quý 4 năm 2026 | 2026-12-31",
        "**hoàn thành chậm nhất trong quý I/2026.** | 2026-03-31",
        "trong tháng 3/2026 | 2026-03-31",
        "tháng 02/2028 | 2028-02-29",
        "Báo cáo Ban Chỉ đạo trong tháng 01/2026. | 2026-01-31",
        "chậm nhất trong tháng 3/2026 | 2026-03-31",
        "tháng 9 năm 2026 | 2026-09-30",
        "trong năm 2026 | 2026-12-31",
        "hoàn thành dứt điểm trong năm 2026 | 2026-12-31",
        "trước ngày 10/01/2026 | 2026-01-09",
        "(Hoàn thành **trước ngày 10/01/2026**) | 2026-01-09",
        "trước 31/12/2025 | 2025-12-30",
        "trước ngày 01/3/2026 | 2026-02-28",
        "chậm nhất ngày 01/3/2026 | 2026-03-01",
        "ngày 15/7/2025 | 2025-07-15",
        "trước quý II/2026 | 2026-03-31",
        "trong 6 tháng đầu năm 2026 | 2026-06-30",
        "6 tháng cuối năm 2026 | 2026-12-31",
        "nửa đầu năm 2027 | 2027-06-30",
        "cuối năm 2026 | 2026-12-31",
        "đến hết năm 2026 | 2026-12-31",
        "hết tháng 6/2026 | 2026-06-30",
        "chậm nhất ngày 15 tháng 3 năm 2026 | 2026-03-15",
        "quý IV năm 2025 | 2025-12-31",
        "trong tháng 11 năm 2025 | 2025-11-30"
      })
  void normalisesWhatIsWritten(String written, LocalDate due) {
    Deadline deadline = DeadlineParser.parse(written);
    assertThat(deadline.recognised()).isTrue();
    assertThat(deadline.kind()).isEqualTo(Kind.DEADLINE);
    assertThat(deadline.dueDate()).isEqualTo(due);
    assertThat(deadline.text()).doesNotContain("**");
  }

  @Test
  void withoutDiacriticsTheDateIsStillReadButNotAsBefore() {
    // "truoc" is not recognised as "trước": the day itself is taken (listed above), which errs on
    // the late side.
    assertThat(DeadlineParser.parse("truoc ngay 10/01/2026").dueDate())
        .isEqualTo(LocalDate.of(2026, 1, 10));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"nhiệm vụ thường xuyên", "(Nhiệm vụ thường xuyên)", "cập nhật thường xuyên, liên tục"
      })
  void standingTasksHaveNoDueDate(String written) {
    Deadline deadline = DeadlineParser.parse(written);
    assertThat(deadline).isEqualTo(new Deadline(Kind.RECURRING, null, written, true));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Hằng tháng báo cáo Thường trực Ban Chỉ đạo",
        "định kỳ hằng quý báo cáo Ban Chỉ đạo",
        "báo cáo 6 tháng một lần",
        "báo cáo hàng tháng trước ngày 25 hàng tháng"
      })
  void reportsEveryPeriodArePeriodicReports(String written) {
    assertThat(DeadlineParser.parse(written).kind()).isEqualTo(Kind.PERIODIC_REPORT);
    assertThat(DeadlineParser.parse(written).dueDate()).isNull();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Bộ Y tế trình Thủ tướng Chính phủ Đề án trong tháng 11/2025. | 2025-11-30",
        "Các bộ gửi kết quả về Bộ Công an trước ngày 20/11/2025. | 2025-11-19",
        "Ban hành Kế hoạch chậm nhất ngày 01/3/2026. | 2026-03-01",
        "Hoàn thiện hồ sơ, trình Bộ Chính trị trong quý II/2026. | 2026-06-30",
        "Thời hạn: 6 tháng đầu năm 2026. | 2026-06-30",
        "Triển khai Nghị quyết số 57-NQ/TW ngày 22/12/2024, hoàn thành trong quý I/2026. | 2026-03-31",
        "Rà soát các Luật đã được Quốc hội thông qua trong năm 2025, ban hành văn bản hướng dẫn, hoàn thành trong quý I/2026. | 2026-03-31"
      })
  void completionAndReportingVerbsMakeADateADeadline(String text, LocalDate due) {
    assertThat(DeadlineParser.find(text))
        .extracting(f -> f.deadline().dueDate())
        .containsExactly(due);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Hoàn thành các nhiệm vụ theo Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị. | CITATION",
        "Ban hành Chiến lược phát triển đến năm 2030, tầm nhìn đến năm 2045. | HORIZON",
        "Hoàn thành việc áp dụng quy định mới từ ngày 01/01/2026. | START",
        "Xây dựng Chương trình giai đoạn 2026–2030 và báo cáo kết quả. | PHASE",
        "Các địa phương hoàn thành trong vòng 30 ngày kể từ khi nhận được hướng dẫn. | DURATION",
        "Trình Chương trình quốc gia theo Quyết định số 2266/QĐ-TTg, ngày 15/10/2025. | CITATION"
      })
  void datesThatAreNotDeadlinesNeverBecomeOne(String text, DeadlineParser.NotDeadline reason) {
    assertThat(DeadlineParser.find(text)).isEmpty();
    assertThat(DeadlineParser.notDeadlines(text))
        .extracting(DeadlineParser.Mentioned::reason)
        .contains(reason);
  }

  @Test
  void aDayWithoutItsYearIsNotGuessed() {
    assertThat(DeadlineParser.find("Hoàn thành trước ngày 15/12."))
        .singleElement()
        .satisfies(f -> assertThat(f.deadline().recognised()).isFalse());
  }

  @Test
  void chiThuongXuyenIsABudgetLineNotAStandingDuty() {
    assertThat(DeadlineParser.isRecurring("bố trí chi thường xuyên cho nhiệm vụ"))
        .isFalse();
    assertThat(DeadlineParser.isRecurring("theo dõi thường xuyên")).isTrue();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "theo lộ trình",
        "quý V/2026",
        "tháng 13/2026",
        "31/02/2026",
        "sớm nhất có thể",
        "trong quý I/2026 hoặc tháng 6/2026"
      })
  void whatCannotBeReadIsNotGuessed(String written) {
    Deadline deadline = DeadlineParser.parse(written);
    assertThat(deadline.recognised()).isFalse();
    assertThat(deadline.dueDate()).isNull();
    assertThat(deadline.text()).isEqualTo(written);
  }

  @Test
  void inRunningTextOnlyDatesThatCompleteOrReportSomethingAreDeadlines() {
    String text =
        "Bộ Công an chủ trì theo dõi theo quy định tại Nghị quyết số 66.7/2025/NQ-CP, ngày 15/11/2025 của Chính phủ; "
            + "đề xuất kinh phí trong năm 2026 và các năm tiếp theo; hoàn thành chậm nhất ngày 01/3/2026. "
            + "Báo cáo Ban Chỉ đạo kết quả trong quý I/2026.";
    assertThat(DeadlineParser.find(text))
        .extracting(f -> f.deadline().dueDate())
        .containsExactly(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));
    assertThat(DeadlineParser.find(text).get(1).deadline().text())
        .isEqualTo("Báo cáo Ban Chỉ đạo kết quả trong quý I/2026");
  }

  @Test
  void aDeadlineMustBeInTheSameSentenceAsItsVerb() {
    assertThat(DeadlineParser.find(
            "Hoàn thành việc rà soát. Các Luật thông qua trong năm 2025 được hướng dẫn."))
        .isEmpty();
  }

  @Test
  void aPeriodAfterTrongInATaskWithoutAVerbIsItsDeadlineMarkedForConfirmation() {
    assertThat(DeadlineParser.find(
            "Tỉnh ủy Thanh Hóa tổ chức hội nghị trực tuyến trong tháng 12/2026."))
        .singleElement()
        .satisfies(f -> {
          assertThat(f.deadline().dueDate()).isEqualTo(LocalDate.of(2026, 12, 31));
          assertThat(f.verbless()).isTrue();
        });
    assertThat(DeadlineParser.find("Hoàn thành trong quý I/2026."))
        .singleElement()
        .satisfies(f -> assertThat(f.verbless()).isFalse());
  }

  @Test
  void aBareYearOrAStartWithoutAVerbIsNoDeadline() {
    assertThat(
            DeadlineParser.find("Đề xuất nhiệm vụ, kinh phí trong năm 2026 và các năm tiếp theo."))
        .isEmpty();
    assertThat(DeadlineParser.find("Phát sóng chuyên mục từ ngày 01/3/2027.")).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Báo cáo kết quả về Bộ Khoa học và Công nghệ theo quý",
        "báo cáo Ban Chỉ đạo theo từng tháng"
      })
  void aReportByThePeriodIsAPeriodicReport(String written) {
    assertThat(DeadlineParser.isPeriodicReport(written)).isTrue();
  }

  @Test
  void aReportDueInANamedQuarterIsNotPeriodic() {
    assertThat(DeadlineParser.isPeriodicReport("báo cáo kết quả theo quý III/2026"))
        .isFalse();
    assertThat(DeadlineParser.isPeriodicReport("báo cáo theo tháng 10/2026")).isFalse();
  }

  @Test
  void aYearThatClosesTheTaskIsItsDeadlineMarkedForConfirmation() {
    assertThat(DeadlineParser.find("Bộ Xây dựng triển khai hệ thống trong năm 2026."))
        .singleElement()
        .satisfies(f -> {
          assertThat(f.deadline().dueDate()).isEqualTo(LocalDate.of(2026, 12, 31));
          assertThat(f.verbless()).isTrue();
        });
    assertThat(DeadlineParser.find("Triển khai ngay trong năm 2026; ưu tiên cấp xã."))
        .singleElement()
        .satisfies(f -> assertThat(f.verbless()).isTrue());
  }

  @Test
  void aYearTheTaskGoesOnFromIsAScope() {
    assertThat(
            DeadlineParser.find("Trong năm 2026, ưu tiên bố trí kinh phí cho hạ tầng số cấp xã."))
        .isEmpty();
    assertThat(DeadlineParser.find("Bố trí kinh phí năm 2026 cho hạ tầng số.")).isEmpty();
    assertThat(DeadlineParser.find("Thí điểm mô hình từ năm 2026.")).isEmpty();
  }

  @Test
  void aCadenceClosingTheTaskMakesItAStandingOne() {
    assertThat(DeadlineParser.parse("Tổ chức diễn tập an ninh mạng quốc gia hằng năm.")
            .kind())
        .isEqualTo(Kind.RECURRING);
    assertThat(DeadlineParser.isRecurring("Bố trí kinh phí hằng năm cho các nhiệm vụ khoa học"))
        .isFalse();
  }

  @Test
  void aDayOfEveryYearIsACadenceNotADeadline() {
    String text = "Theo dõi việc thực hiện; báo cáo trước ngày 20/12 hằng năm.";
    assertThat(DeadlineParser.find(text)).isEmpty();
    assertThat(DeadlineParser.notDeadlines(text))
        .extracting(DeadlineParser.Mentioned::reason)
        .contains(DeadlineParser.NotDeadline.CADENCE);
    assertThat(DeadlineParser.isPeriodicReport(text)).isTrue();
    assertThat(DeadlineParser.find("Báo cáo trước ngày 20/12."))
        .singleElement()
        .satisfies(f -> assertThat(f.deadline().recognised()).isFalse());
  }

  @Test
  void aDateInThePurposeOfTheTaskIsTheNextActorsStep() {
    assertThat(DeadlineParser.find(
            "Các bộ gửi báo cáo về Bộ Khoa học và Công nghệ trước ngày 30/11/2026 để tổng hợp, báo cáo Thủ tướng "
                + "Chính phủ trong tháng 12/2026."))
        .extracting(f -> f.deadline().dueDate())
        .containsExactly(LocalDate.of(2026, 11, 29));
  }

  @Test
  void twoDatesWithoutAPurposeBetweenThemAreBothKept() {
    assertThat(DeadlineParser.find(
            "Hoàn thành khảo sát trong quý I/2026, hoàn thành chuẩn hóa trong quý III/2026."))
        .extracting(f -> f.deadline().dueDate())
        .containsExactly(LocalDate.of(2026, 3, 31), LocalDate.of(2026, 9, 30));
  }

  @Test
  void aPeriodThatCannotBeReadBeforeAYearIsNotTheWholeYear() {
    // "quý l" (OCR's small L for I) is no period: the year it leaves is not the deadline.
    assertThat(DeadlineParser.find("Hoàn thành chậm nhất trong quý l năm 2027."))
        .isEmpty();
    assertThat(DeadlineParser.find("Hoàn thành chậm nhất trong năm 2027."))
        .singleElement()
        .satisfies(f -> assertThat(f.deadline().dueDate()).isEqualTo(LocalDate.of(2027, 12, 31)));
  }

  @Test
  void aBareYearRightAfterItsVerbIsTheDeadlineButNotAYearQualifyingANoun() {
    assertThat(DeadlineParser.find("Số hóa di sản văn hóa cấp quốc gia, hoàn thành năm 2027."))
        .singleElement()
        .satisfies(f -> assertThat(f.deadline().dueDate()).isEqualTo(LocalDate.of(2027, 12, 31)));
    assertThat(DeadlineParser.find(
            "Rà soát, hoàn thiện hồ sơ các nhiệm vụ đã được bố trí kinh phí năm 2026."))
        .isEmpty();
  }
}
