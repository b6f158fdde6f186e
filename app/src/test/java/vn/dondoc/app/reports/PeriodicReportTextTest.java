package vn.dondoc.app.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.dondoc.app.feedback.FeedbackSlaReport;
import vn.dondoc.app.tasks.TaskSummary;
import vn.dondoc.app.tasks.Timeliness;

/**
 * The draft rebuilds the figures of the Ministry's report of 11/2025 (sources/001, line 16-17: "đã hoàn thành
 * 370/944 nhiệm vụ, 176/943 nhiệm vụ đang triển khai trong hạn"; "từ ngày 24/9/2025 ... đến ngày 13/11/2025 ...
 * 125 nhiệm vụ, đã hoàn thành 81 nhiệm vụ và còn 42 nhiệm vụ quá hạn") and of the feedback figure 1.009/1.071
 * (94,2%) from task labels counted by {@link TaskSummary.Figures#of}, the one rule. The source's 943 is its own
 * slip (DOMAIN.md §6, no. 1): one set of tasks has one denominator. Its 67% on-time rate has no stated base
 * (no. 2); the rule's rate, on time over all tasks with a deadline, is 248/944 = 26,3% here.
 */
class PeriodicReportTextTest {

  static final LocalDate AS_OF = LocalDate.of(2025, 11, 13);
  static final LocalDate SINCE = LocalDate.of(2025, 9, 23);

  static PeriodicFigures sourceFigures() {
    TaskSummary.Figures all = TaskSummary.Figures.of(labels(248, 122, 176, 398));
    TaskSummary.Figures since = TaskSummary.Figures.of(labels(60, 21, 2, 42));
    FeedbackSlaReport.AgencyFigures feedback = new FeedbackSlaReport.AgencyFigures(
        null,
        1071,
        1009,
        950,
        12,
        FeedbackSlaReport.percent(1009, 1071),
        FeedbackSlaReport.percent(950, 1009 + 12));
    List<TaskSummary.Group> byAgency = List.of(new TaskSummary.Group(
        "bkhcn", "Bộ Khoa học và Công nghệ", TaskSummary.Figures.of(labels(30, 5, 10, 3))));
    List<TaskSummary.Group> byDirective =
        List.of(new TaskSummary.Group("71/NQ-CP", "71/NQ-CP", all));
    return new PeriodicFigures(
        AS_OF,
        SINCE,
        all,
        byDirective,
        byAgency,
        since,
        feedback,
        312,
        14,
        List.of(new PeriodicFigures.Weak(
            "Ủy ban nhân dân tỉnh Thanh Hóa", new java.math.BigDecimal("41.3"), 17)));
  }

  @Test
  void theDraftSaysTheSourcesFiguresInItsWords() {
    List<String> draft = PeriodicReportText.draft(sourceFigures());

    assertThat(draft)
        .contains(
            "Tính đến ngày 13/11/2025, các bộ, ngành, địa phương được giao 944 nhiệm vụ, đã hoàn thành"
                + " 370/944 nhiệm vụ, 176/944 nhiệm vụ đang triển khai trong hạn, 398 nhiệm vụ quá hạn, tỷ lệ hoàn thành đúng hạn"
                + " đạt 26,3%.");
    assertThat(draft)
        .contains(
            "Tính riêng trong khoảng thời gian từ ngày 24/09/2025 đến ngày 13/11/2025, có 125 nhiệm vụ"
                + " đến hạn, đã hoàn thành 81 nhiệm vụ và còn 42 nhiệm vụ quá hạn, chậm muộn.");
    assertThat(draft).contains("(Danh sách các nhiệm vụ quá hạn tại Phụ lục 01 kèm theo)");
    assertThat(draft)
        .contains(
            "Hệ thống đã tiếp nhận 1.071 phản ánh, kiến nghị; đã xử lý, trả lời 1.009/1.071 (đạt 94,2%),"
                + " tỷ lệ xử lý đúng hạn đạt 93%.");
    assertThat(draft)
        .contains(
            "- Bộ Khoa học và Công nghệ: được giao 48 nhiệm vụ, đã hoàn thành 35/48 nhiệm vụ, 10/48 nhiệm"
                + " vụ đang triển khai trong hạn, 3 nhiệm vụ quá hạn, tỷ lệ hoàn thành đúng hạn đạt 62,5%.");
    assertThat(draft)
        .contains(
            "Cổng sáng kiến đã tiếp nhận 312 sáng kiến, trong đó 14 sáng kiến được lựa chọn.");
    assertThat(draft)
        .contains(
            "Các cơ quan có chỉ số đánh giá thấp nhất trong kỳ: Ủy ban nhân dân tỉnh Thanh Hóa (chỉ số 41,3;"
                + " 17 nhiệm vụ quá hạn).");
  }

  @Test
  void theFeedbackIsCountedByTheChannelsItCameThrough() {
    PeriodicFigures f = sourceFigures();
    java.util.Map<String, Long> byChannel = new java.util.LinkedHashMap<>();
    byChannel.put("web", 1001L);
    byChannel.put("hotline", 52L);
    byChannel.put("letter", 18L);
    byChannel.put("email", 0L);
    byChannel.put("counter", 0L);
    PeriodicFigures withChannels = new PeriodicFigures(
        f.asOf(),
        f.since(),
        f.tasks(),
        f.byDirective(),
        f.byAgency(),
        f.sinceTasks(),
        f.feedback(),
        f.initiativesReceived(),
        f.initiativesSelected(),
        f.weakest(),
        byChannel);

    assertThat(PeriodicReportText.draft(withChannels))
        .contains(
            "Theo kênh tiếp nhận: qua Cổng thông tin 1.001, qua đường dây nóng 52, bằng thư gửi đến 18.");
    assertThat(PeriodicReportText.draft(f)).noneMatch(line -> line.startsWith("Theo kênh"));
  }

  @Test
  void withoutAPreviousReportThereIsNoPeriodParagraph() {
    PeriodicFigures figures = sourceFigures();
    PeriodicFigures alone = new PeriodicFigures(
        figures.asOf(),
        null,
        figures.tasks(),
        List.of(),
        List.of(),
        null,
        figures.feedback(),
        0,
        0,
        List.of());

    List<String> draft = PeriodicReportText.draft(alone);

    assertThat(draft).noneMatch(line -> line.startsWith("Tính riêng"));
    assertThat(draft).noneMatch(line -> line.startsWith("III."));
  }

  /** Task labels: completed on time, completed late, in progress within the deadline, overdue. */
  static Map<Timeliness, Long> labels(int onTime, int late, int inProgress, int overdue) {
    return Map.of(
        Timeliness.COMPLETED_ON_TIME, (long) onTime,
        Timeliness.COMPLETED_LATE, (long) late,
        Timeliness.IN_PROGRESS_ON_TIME, (long) inProgress,
        Timeliness.OVERDUE, (long) overdue);
  }
}
