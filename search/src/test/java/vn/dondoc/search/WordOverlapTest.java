package vn.dondoc.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WordOverlapTest {

  @Test
  void theSameWordsWithOrWithoutDiacriticsInAnyOrderAreTheSameText() {
    assertThat(WordOverlap.of("Đường hỏng, đề nghị sửa.", "de nghi sua DUONG hong"))
        .isEqualTo(1.0);
  }

  @Test
  void theShareIsTheWordsBothHaveOverTheWordsEitherHas() {
    // {cau, treo, hong} and {cau, treo, sap}: two shared of four
    assertThat(WordOverlap.of("Cầu treo hỏng", "cầu treo sập")).isCloseTo(0.5, within(1e-9));
    assertThat(WordOverlap.of("Cầu treo", "Đèn giao thông")).isZero();
  }

  @Test
  void emptyTextsShareNothing() {
    assertThat(WordOverlap.of("", null)).isZero();
    assertThat(WordOverlap.words(" , . ")).isEmpty();
  }
}
