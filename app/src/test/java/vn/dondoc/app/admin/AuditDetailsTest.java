package vn.dondoc.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import vn.dondoc.app.staff.StaffLabels;
import vn.dondoc.app.support.Messages;

/**
 * The audit trail's detail column reads as words: the page showed the raw JSON ({@code "dueAt":
 * "2026-12-02T17:00:00Z"}, {@code "stage": "ANSWER"}) and logins.
 */
class AuditDetailsTest {

  private final AuditDetails details = new AuditDetails(
      new ObjectMapper(),
      Messages.source(),
      StaffLabels.caseLabels(),
      login -> Map.of("chuyengia2", "Phạm Văn An", "thuongtruc", "Trần Minh Đức")
          .getOrDefault(login, login));

  @AfterEach
  void resetLocale() {
    LocaleContextHolder.resetLocaleContext();
  }

  @Test
  void knownKeysHaveVietnameseLabelsAndValuesAreReadable() {
    LocaleContextHolder.setLocale(Locale.forLanguageTag("vi"));
    List<String> lines = details.lines("""
        {"stage": "ANSWER", "dueAt": "2026-12-02T17:00:00Z", "deadline": "2027-03-31", "field": "INSTITUTIONS",
         "published": true, "panel": ["chuyengia2", "thuongtruc"], "outcome": "return", "taskDefinitionKey": "ClassifyFeedback",
         "reviewRound": 2, "before": {"state": "PENDING", "attempts": 0}}""").stream().map(Object::toString).toList();
    assertThat(lines)
        .containsExactly(
            "Giai đoạn: xử lý và trả lời",
            "Hạn xử lý: 03/12/2026 00:00",
            "Thời hạn: 31/03/2027",
            "Lĩnh vực: Thể chế, quy định, quy trình",
            "Công khai: Có",
            "Hội đồng: Phạm Văn An, Trần Minh Đức",
            "Kết quả: Trả lại để bổ sung minh chứng",
            "Review round: 2",
            "Trước: Trạng thái: Pending, Số lần thử: 0");
    assertThat(String.join("\n", lines))
        .doesNotContain("ANSWER", "2026-12-02T", "chuyengia2", "ClassifyFeedback");
  }

  @Test
  void andInEnglishWithTheSwitch() {
    LocaleContextHolder.setLocale(Locale.ENGLISH);
    assertThat(
            details.lines("{\"stage\": \"ANSWER\", \"dueAt\": \"2026-12-02T17:00:00Z\"}").stream()
                .map(Object::toString))
        .containsExactly(
            "Stage: " + Messages.source().getMessage("sla.stage.ANSWER", null, Locale.ENGLISH),
            "Due: 03/12/2026 00:00");
  }

  @Test
  void aStatusCodeUnderAKeyThatUsuallyNamesAPersonIsLabelledNotLookedUp() {
    LocaleContextHolder.setLocale(Locale.forLanguageTag("vi"));
    assertThat(details.lines("{\"to\": \"IN_PROGRESS\", \"from\": \"LATE_REQUEST\"}").stream()
            .map(Object::toString))
        .containsExactly(
            "Chuyển cho: " + StaffLabels.caseLabels().status(null, "IN_PROGRESS"),
            "Từ: Late request");
  }

  @Test
  void anEmptyOrMissingDetailHasNoLines() {
    assertThat(details.lines(null)).isEmpty();
    assertThat(details.lines("{}")).isEmpty();
  }
}
