package vn.dondoc.app.directives;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import vn.dondoc.app.directives.DeadlineParser.Deadline;
import vn.dondoc.app.directives.DeadlineParser.Kind;

class DeadlineParserTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
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
      "trước quý II/2026 | 2026-03-31"})
  void normalisesWhatIsWritten(String written, LocalDate due) {
    Deadline deadline = DeadlineParser.parse(written);
    assertThat(deadline.recognised()).isTrue();
    assertThat(deadline.kind()).isEqualTo(Kind.DEADLINE);
    assertThat(deadline.dueDate()).isEqualTo(due);
    assertThat(deadline.text()).doesNotContain("**");
  }

  @Test
  void withoutDiacriticsTheDateIsStillReadButNotAsBefore() {
    // "truoc" is not recognised as "trước": the day itself is taken (listed above), which errs on the late side.
    assertThat(DeadlineParser.parse("truoc ngay 10/01/2026").dueDate()).isEqualTo(LocalDate.of(2026, 1, 10));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"nhiệm vụ thường xuyên", "(Nhiệm vụ thường xuyên)", "cập nhật thường xuyên, liên tục",
      "Hằng tháng báo cáo Thường trực Ban Chỉ đạo"})
  void standingTasksHaveNoDueDate(String written) {
    Deadline deadline = DeadlineParser.parse(written);
    assertThat(deadline).isEqualTo(new Deadline(Kind.RECURRING, null, written, true));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"theo lộ trình", "quý V/2026", "tháng 13/2026", "31/02/2026", "sớm nhất có thể",
      "trong quý I/2026 hoặc tháng 6/2026"})
  void whatCannotBeReadIsNotGuessed(String written) {
    Deadline deadline = DeadlineParser.parse(written);
    assertThat(deadline.recognised()).isFalse();
    assertThat(deadline.dueDate()).isNull();
    assertThat(deadline.text()).isEqualTo(written);
  }

  @Test
  void inRunningTextOnlyDatesThatCompleteOrReportSomethingAreDeadlines() {
    String text = "Bộ Công an chủ trì theo dõi theo quy định tại Nghị quyết số 66.7/2025/NQ-CP, ngày 15/11/2025 của Chính phủ; "
        + "đề xuất kinh phí trong năm 2026 và các năm tiếp theo; hoàn thành chậm nhất ngày 01/3/2026. "
        + "Báo cáo Ban Chỉ đạo kết quả trong quý I/2026.";
    assertThat(DeadlineParser.find(text)).extracting(f -> f.deadline().dueDate())
        .containsExactly(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));
    assertThat(DeadlineParser.find(text).get(1).deadline().text()).isEqualTo("Báo cáo Ban Chỉ đạo kết quả trong quý I/2026");
  }

  @Test
  void aDeadlineMustBeInTheSameSentenceAsItsVerb() {
    assertThat(DeadlineParser.find("Hoàn thành việc rà soát. Các Luật thông qua trong năm 2025 được hướng dẫn.")).isEmpty();
  }
}
