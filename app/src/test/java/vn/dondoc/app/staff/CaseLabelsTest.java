package vn.dondoc.app.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.time.Clock;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import vn.dondoc.app.agencies.ReferenceData;
import vn.dondoc.app.support.Messages;

/**
 * The field facet of staff search and the case rows name every field in words: a task's, a feedback item's, and an
 * initiative's, whose "field" in the index is its category (the facet showed BREAKTHROUGH and STRATEGIC_TECH_PROPOSAL).
 */
class CaseLabelsTest {

  private final CaseLabels labels =
      new CaseLabels(Messages.source(), mock(ReferenceData.class), Clock.systemUTC());

  @AfterEach
  void resetLocale() {
    LocaleContextHolder.resetLocaleContext();
  }

  @Test
  void everyKindOfFieldIsNamedInVietnamese() {
    LocaleContextHolder.setLocale(Locale.forLanguageTag("vi"));
    assertThat(labels.facetValue("field", "BREAKTHROUGH")).isEqualTo("Sáng kiến đột phá");
    assertThat(labels.facetValue("field", "STRATEGIC_TECH_PROPOSAL"))
        .isEqualTo("Đề xuất công nghệ chiến lược");
    assertThat(labels.field("digital-skills")).isEqualTo("Phổ cập kỹ năng số");
  }

  @Test
  void andInEnglishWithTheSwitch() {
    LocaleContextHolder.setLocale(Locale.ENGLISH);
    assertThat(labels.facetValue("field", "BREAKTHROUGH")).isEqualTo("Breakthrough initiative");
  }
}
