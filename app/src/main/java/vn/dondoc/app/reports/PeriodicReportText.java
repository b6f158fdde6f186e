package vn.dondoc.app.reports;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import vn.dondoc.app.tasks.TaskSummary;

/**
 * The draft body of a periodic report: each figure as a sentence in the style of the standing office's
 * reports ("đã hoàn thành 370/944 nhiệm vụ, 176/944 nhiệm vụ đang triển khai trong hạn ..."), numbers written
 * the Vietnamese way (1.071; 94,2%). The office edits the text before exporting it.
 */
public final class PeriodicReportText {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  /** How the report names the channels feedback came through (FeedbackChannel codes); the figures give the order. */
  private static final Map<String, String> CHANNELS = Map.of(
      "web",
      "qua Cổng thông tin",
      "hotline",
      "qua đường dây nóng",
      "letter",
      "bằng thư gửi đến",
      "email",
      "qua thư điện tử",
      "counter",
      "trực tiếp tại bộ phận tiếp nhận");

  private static final DecimalFormatSymbols VIETNAMESE =
      DecimalFormatSymbols.getInstance(Locale.forLanguageTag("vi-VN"));

  private PeriodicReportText() {}

  public static List<String> draft(PeriodicFigures figures) {
    List<String> body = new ArrayList<>();
    body.add("I. TÌNH HÌNH THỰC HIỆN NHIỆM VỤ");
    body.add("Tính đến ngày " + DAY.format(figures.asOf()) + ", các bộ, ngành, địa phương "
        + taskSentence(figures.tasks()) + ".");
    if (figures.sinceTasks() != null) {
      TaskSummary.Figures since = figures.sinceTasks();
      body.add("Tính riêng trong khoảng thời gian từ ngày "
          + DAY.format(figures.since().plusDays(1)) + " đến ngày "
          + DAY.format(figures.asOf()) + ", có " + number(since.withDeadline())
          + " nhiệm vụ đến hạn, đã hoàn thành "
          + number(since.completed()) + " nhiệm vụ và còn " + number(since.overdue())
          + " nhiệm vụ quá hạn, chậm muộn.");
    }
    body.add("(Danh sách các nhiệm vụ quá hạn tại Phụ lục 01 kèm theo)");
    if (!figures.byDirective().isEmpty()) {
      body.add("1. Theo văn bản giao nhiệm vụ");
      for (TaskSummary.Group group : figures.byDirective()) {
        body.add("- " + group.label() + ": " + taskSentence(group.figures()) + ".");
      }
    }
    if (!figures.byAgency().isEmpty()) {
      body.add("2. Theo cơ quan chủ trì");
      for (TaskSummary.Group group : figures.byAgency()) {
        body.add("- " + group.label() + ": " + taskSentence(group.figures()) + ".");
      }
    }
    body.add("II. TIẾP NHẬN, XỬ LÝ PHẢN ÁNH, KIẾN NGHỊ VÀ SÁNG KIẾN");
    var feedback = figures.feedback();
    StringBuilder feedbackSentence = new StringBuilder("Hệ thống đã tiếp nhận "
        + number(feedback.received()) + " phản ánh, kiến nghị; đã xử lý, trả lời "
        + number(feedback.answered()) + "/" + number(feedback.received()));
    if (feedback.processedRate() != null) {
      feedbackSentence
          .append(" (đạt ")
          .append(percent(feedback.processedRate()))
          .append(")");
    }
    if (feedback.onTimeRate() != null) {
      feedbackSentence.append(", tỷ lệ xử lý đúng hạn đạt ").append(percent(feedback.onTimeRate()));
    }
    body.add(feedbackSentence + ".");
    String channels = figures.feedbackByChannel().entrySet().stream()
        .filter(e -> e.getValue() > 0 && CHANNELS.containsKey(e.getKey()))
        .map(e -> CHANNELS.get(e.getKey()) + " " + number(e.getValue()))
        .collect(Collectors.joining(", "));
    if (!channels.isEmpty()) {
      body.add("Theo kênh tiếp nhận: " + channels + ".");
    }
    body.add("Cổng sáng kiến đã tiếp nhận " + number(figures.initiativesReceived())
        + " sáng kiến, trong đó " + number(figures.initiativesSelected())
        + " sáng kiến được lựa chọn.");
    if (!figures.weakest().isEmpty()) {
      body.add("III. CÁC CƠ QUAN CẦN TẬP TRUNG CHỈ ĐẠO");
      body.add("Các cơ quan có chỉ số đánh giá thấp nhất trong kỳ: "
          + figures.weakest().stream()
              .map(weak -> weak.name() + " (chỉ số "
                  + (weak.index() == null ? "chưa có" : decimal(weak.index())) + "; "
                  + number(weak.overdue()) + " nhiệm vụ quá hạn)")
              .collect(Collectors.joining("; "))
          + ".");
    }
    return body;
  }

  /** "được giao 944 nhiệm vụ, đã hoàn thành 370/944 nhiệm vụ, 176/944 nhiệm vụ đang triển khai trong hạn, ..." */
  static String taskSentence(TaskSummary.Figures tasks) {
    long whole = tasks.withDeadline();
    StringBuilder sentence = new StringBuilder("được giao " + number(tasks.total()) + " nhiệm vụ");
    if (tasks.recurring() > 0) {
      sentence
          .append(" (")
          .append(number(tasks.recurring()))
          .append(" nhiệm vụ thường xuyên, ")
          .append(number(whole))
          .append(" nhiệm vụ có thời hạn)");
    }
    sentence
        .append(", đã hoàn thành ")
        .append(number(tasks.completed()))
        .append("/")
        .append(number(whole))
        .append(" nhiệm vụ, ")
        .append(number(tasks.inProgressOnTime()))
        .append("/")
        .append(number(whole))
        .append(" nhiệm vụ đang triển khai trong hạn, ")
        .append(number(tasks.overdue()))
        .append(" nhiệm vụ quá hạn");
    if (tasks.onTimeRate() != null) {
      sentence.append(", tỷ lệ hoàn thành đúng hạn đạt ").append(percent(tasks.onTimeRate()));
    }
    return sentence.toString();
  }

  /** 1.071 */
  static String number(long value) {
    return new DecimalFormat("#,##0", VIETNAMESE).format(value);
  }

  /** 94,2% (a whole number without decimals: 67%) */
  static String percent(BigDecimal value) {
    return decimal(value) + "%";
  }

  private static String decimal(BigDecimal value) {
    return new DecimalFormat("#,##0.#", VIETNAMESE).format(value);
  }
}
