package vn.dondoc.app.directives;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.dondoc.app.time.DeadlineParser.Kind;

/** An appendix table as a Word file's text gives it (cells separated by tabs), read row by row; texts written for the test. */
class AppendixTableTest {

  private final AppendixParser parser = new AppendixParser(SeedAgencies.matcher());

  private static String row(String... cells) {
    return String.join("\t", cells);
  }

  private static final String HEADER =
      row("TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Tiến độ", "Kết quả, sản phẩm");

  @Test
  void eachNumberedRowIsATaskCodedByItsGroupWithLeadCoOperatingDeadlineAndProduct() {
    List<DraftTask> drafts = parser.parse(String.join(
        "\n",
        "Điều 1. Ban hành kèm theo Quyết định này Danh mục nhiệm vụ năm 2026.",
        HEADER,
        row("A", "CƠ CHẾ, CHÍNH SÁCH", "", "", "", ""),
        row(
            "1",
            "Trình Chính phủ Nghị định về y tế số",
            "Bộ Y tế",
            "Bộ Tư pháp, Bộ Tài chính",
            "Quý III/2026",
            "Nghị định"),
        row(
            "2",
            "Ban hành Thông tư về bệnh án điện tử",
            "Cục Quản lý khám, chữa bệnh",
            "Các đơn vị liên quan",
            "Trước 01/7/2026",
            "Thông tư"),
        row("B", "DỮ LIỆU", "", "", "", ""),
        row(
            "3",
            "Cập nhật dữ liệu tiêm chủng",
            "Bộ Y tế",
            "Bộ Công an",
            "Thường xuyên",
            "Dữ liệu")));
    assertThat(drafts).extracting(DraftTask::code).containsExactly("A.1", "A.2", "B.3");
    DraftTask first = drafts.get(0);
    assertThat(first.lead().agency()).isEqualTo("byt");
    assertThat(first.coOperating()).containsExactly("btp", "btc");
    assertThat(first.deadline().dueDate()).isEqualTo(LocalDate.of(2026, 9, 30));
    assertThat(first.expectedProduct()).isEqualTo("Nghị định");
    assertThat(first.headings()).containsExactly("A. CƠ CHẾ, CHÍNH SÁCH");
    // a unit outside the agency table is the whole cell, flagged; "trước" a day is the day before
    assertThat(drafts.get(1).lead().text()).isEqualTo("Cục Quản lý khám, chữa bệnh");
    assertThat(drafts.get(1).flags()).contains("UNKNOWN_AGENCY:Cục Quản lý khám, chữa bệnh");
    assertThat(drafts.get(1).deadline().dueDate()).isEqualTo(LocalDate.of(2026, 6, 30));
    assertThat(drafts.get(2).deadline().kind()).isEqualTo(Kind.RECURRING);
  }

  @Test
  void aReportsCadenceIsAPeriodicReportAndAPhaseIsNoDate() {
    List<DraftTask> drafts = parser.parse(String.join(
        "\n",
        HEADER,
        row("1", "Báo cáo kết quả thực hiện", "Văn phòng Bộ", "", "Định kỳ hằng quý", "Báo cáo"),
        row(
            "2",
            "Tổ chức diễn tập an toàn thông tin",
            "Bộ Công an",
            "",
            "Hằng năm",
            "Kết quả diễn tập"),
        row("3", "Xây dựng nền tảng dữ liệu ngành", "Bộ Y tế", "", "2026 - 2028", "Nền tảng"),
        row("4", "Rà soát danh mục thủ tục hành chính", "Bộ Y tế", "", "", "")));
    assertThat(drafts.get(0).deadline().kind()).isEqualTo(Kind.PERIODIC_REPORT);
    assertThat(drafts.get(1).deadline().kind()).isEqualTo(Kind.RECURRING);
    assertThat(drafts.get(2).deadline().dueDate()).isNull();
    assertThat(drafts.get(2).flags()).contains("AMBIGUOUS_DEADLINE");
    assertThat(drafts.get(3).deadline().dueDate()).isNull();
    assertThat(drafts.get(3).flags()).contains("NO_DEADLINE");
  }

  @Test
  void linesWithTabsButNoHeaderAreNotATableAndTheTableEndsAtTheFirstLineWithoutATab() {
    List<DraftTask> drafts = parser.parse(String.join(
        "\n",
        row("1", "Bộ Tài chính bố trí kinh phí", "x"),
        HEADER,
        row("1", "Trình Chính phủ Nghị định", "Bộ Y tế", "", "Năm 2026", ""),
        "2. Bộ Nội vụ hoàn thành rà soát trong quý IV/2026."));
    assertThat(drafts).extracting(DraftTask::code).containsExactly("2", "1");
    assertThat(drafts.get(0).lead().agency()).isEqualTo("bnv");
    assertThat(drafts.get(1).deadline().dueDate()).isEqualTo(LocalDate.of(2026, 12, 31));
  }

  @Test
  void aDateInTheTasksContentIsNotItsDeadline() {
    DraftTask task = parser
        .parse(String.join(
            "\n",
            HEADER,
            row(
                "1",
                "Sửa đổi Thông tư số 12/2024/TT-BYT ngày 01/7/2024 về dữ liệu y tế năm 2027",
                "Bộ Y tế",
                "",
                "",
                "")))
        .get(0);
    assertThat(task.deadline().dueDate()).isNull();
    assertThat(task.flags()).contains("NO_DEADLINE");
  }

  @Test
  void aNumberedRowNamingNoLeadHeadsTheDottedRowsUnderIt() {
    List<DraftTask> drafts = parser.parse(String.join(
        "\n",
        HEADER,
        row("I", "THỂ CHẾ", "", "", "", ""),
        row("1", "Về y tế số", "", "", "", ""),
        row("1.1", "Trình Nghị định về y tế số", "Bộ Y tế", "", "Tháng 10/2026", "Nghị định"),
        row(
            "1.2",
            "Ban hành Thông tư về đơn thuốc điện tử",
            "Bộ Y tế",
            "",
            "Quý IV/2026",
            "Thông tư"),
        row("2", "Về dữ liệu", "", "", "", ""),
        row("1", "Làm sạch dữ liệu tiêm chủng", "Bộ Công an", "Bộ Y tế", "Thường xuyên", "")));
    assertThat(drafts).extracting(DraftTask::code).containsExactly("I.1.1", "I.1.2", "I.2.1");
    assertThat(drafts.get(2).coOperating()).containsExactly("byt");
  }

  @Test
  void bulletsThatAreTheFieldsOfAnItemMakeOneTaskAndOtherBulletsStayTasks() {
    List<DraftTask> drafts = parser.parse("""
        1. Về dữ liệu
        a) Xây dựng cơ sở dữ liệu đất đai của tỉnh.
        - Cơ quan chủ trì: Sở Nông nghiệp và Môi trường.
        - Cơ quan phối hợp: Bộ Tài chính; Ủy ban nhân dân các xã, phường.
        - Thời gian hoàn thành: Quý IV/2026.
        - Sản phẩm: Cơ sở dữ liệu được vận hành.
        b) Bộ Y tế chủ trì:
        - Kết nối dữ liệu tiêm chủng, hoàn thành trong tháng 9/2026.
        - Cập nhật dữ liệu thường xuyên.""");
    assertThat(drafts).extracting(DraftTask::code).containsExactly("1.a", "1.b.1", "1.b.2");
    DraftTask fields = drafts.get(0);
    assertThat(fields.content()).isEqualTo("Xây dựng cơ sở dữ liệu đất đai của tỉnh.");
    assertThat(fields.lead().text()).isEqualTo("Sở Nông nghiệp và Môi trường");
    assertThat(fields.coOperating()).containsExactly("btc");
    assertThat(fields.deadline().dueDate()).isEqualTo(LocalDate.of(2026, 12, 31));
    assertThat(fields.expectedProduct()).isEqualTo("Cơ sở dữ liệu được vận hành");
    assertThat(drafts.get(1).lead().agency()).isEqualTo("byt");
  }
}
