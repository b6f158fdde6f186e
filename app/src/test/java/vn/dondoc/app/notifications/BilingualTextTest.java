package vn.dondoc.app.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import vn.dondoc.app.support.Messages;

/** Notices are stored in both languages; a page shows the reader's half, without the case code it shows beside. */
class BilingualTextTest {

  private static final Locale VI = Locale.forLanguageTag("vi");

  private final BilingualText texts = new BilingualText(Messages.source());

  @Test
  void aRenderedNoticeReadsInOneLanguageOnAPage() {
    BilingualText.Text text = texts.render(
        "NV-2026-000033", "notification.task-overdue", "Xây dựng cơ sở dữ liệu", "31/03/2026");
    assertThat(text.subject()).isEqualTo("[NV-2026-000033] Nhiệm vụ quá hạn / Task overdue");

    assertThat(BilingualText.subjectIn(text.subject(), VI)).isEqualTo("Nhiệm vụ quá hạn");
    assertThat(BilingualText.subjectIn(text.subject(), Locale.ENGLISH)).isEqualTo("Task overdue");
    assertThat(BilingualText.bodyIn(text.body(), VI))
        .startsWith("Nhiệm vụ \"Xây dựng cơ sở dữ liệu\" đã quá hạn 31/03/2026")
        .doesNotContain("Task", "---");
    assertThat(BilingualText.bodyIn(text.body(), Locale.ENGLISH))
        .startsWith("Task \"Xây dựng cơ sở dữ liệu\" passed its deadline");
  }

  @Test
  void aNoticeInOneLanguageIsShownAsItIs() {
    assertThat(BilingualText.subjectIn("Hồ sơ PAKN-2026-000001 quá hạn", VI))
        .isEqualTo("Hồ sơ PAKN-2026-000001 quá hạn");
    assertThat(BilingualText.subjectIn("Hồ sơ quá hạn", Locale.ENGLISH)).isEqualTo("Hồ sơ quá hạn");
    assertThat(BilingualText.bodyIn("Đề nghị đôn đốc.", Locale.ENGLISH))
        .isEqualTo("Đề nghị đôn đốc.");
  }
}
