package vn.dondoc.app.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.dondoc.app.notifications.CaseNotices.Event;
import vn.dondoc.app.notifications.CaseNotices.Kind;

class CaseNoticesTest {

  private static Event event(String action, String author, String note, String at) {
    return new Event(action, author, note, null, Instant.parse(at));
  }

  @Test
  void aReturnStandsUntilNewEvidenceIsReported() {
    Event returned =
        event("EVIDENCE_RETURNED", "thamdinh", " Thiếu văn bản ban hành ", "2026-03-02T03:00:00Z");

    assertThat(CaseNotices.standing(List.of(
            event("TASK_PROGRESS_REPORTED", "canbo.bkhcn", null, "2026-03-03T03:00:00Z"),
            returned)))
        .hasValueSatisfying(notice -> {
          assertThat(notice.kind()).isEqualTo(Kind.EVIDENCE_RETURNED);
          assertThat(notice.note()).isEqualTo("Thiếu văn bản ban hành");
          assertThat(notice.author()).isEqualTo("thamdinh");
        });
    assertThat(CaseNotices.standing(List.of(
            event("TASK_COMPLETION_REPORTED", "canbo.bkhcn", null, "2026-03-03T03:00:00Z"),
            returned)))
        .isEmpty();
  }

  @Test
  void anAnsweredNoticeUncoversAnOlderOneStillWaiting() {
    List<Event> newestFirst = List.of(
        event("TASK_PROGRESS_REPORTED", "canbo.bkhcn", null, "2026-03-05T03:00:00Z"),
        event("EXTENSION_APPROVED", "thuongtruc", "", "2026-03-04T03:00:00Z"),
        event("EXTENSION_INFO_PROVIDED", "canbo.bkhcn", null, "2026-03-03T03:00:00Z"),
        event("EXTENSION_INFO_REQUESTED", "thuongtruc", "Lộ trình?", "2026-03-02T03:00:00Z"),
        event("EVIDENCE_RETURNED", "thamdinh", "Bổ sung số liệu", "2026-03-01T03:00:00Z"));

    assertThat(CaseNotices.standing(newestFirst)).hasValueSatisfying(notice -> {
      assertThat(notice.kind()).isEqualTo(Kind.EVIDENCE_RETURNED);
      assertThat(notice.note()).isEqualTo("Bổ sung số liệu");
    });
    assertThat(CaseNotices.standing(newestFirst.subList(1, 4)))
        .hasValueSatisfying(notice -> assertThat(notice.kind()).isEqualTo(Kind.EXTENSION_APPROVED));
  }

  @Test
  void aDraftSentBackStandsUntilTheNextDraft() {
    Event sentBack =
        event("ANSWER_SENT_BACK", "lanhdao.bkhcn", "Nêu rõ căn cứ pháp lý", "2026-03-02T03:00:00Z");

    assertThat(CaseNotices.standing(List.of(sentBack)))
        .hasValueSatisfying(notice -> assertThat(notice.kind()).isEqualTo(Kind.ANSWER_SENT_BACK));
    assertThat(CaseNotices.standing(List.of(
            event("ANSWER_DRAFTED", "canbo.bkhcn", null, "2026-03-03T03:00:00Z"), sentBack)))
        .isEmpty();
  }

  @Test
  void noNoticeWithoutAnEventThatSendsWordBack() {
    assertThat(CaseNotices.standing(
            List.of(event("TASK_ACKNOWLEDGED", "canbo.bkhcn", null, "2026-03-02T03:00:00Z"))))
        .isEmpty();
  }
}
