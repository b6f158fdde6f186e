package vn.dondoc.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HighlightsTest {

  private static final String P = Highlights.PRE;
  private static final String E = Highlights.POST;

  @Test
  void aFoldedFragmentGetsTheOriginalDiacriticsAndCaseBack() {
    String original = "Thủ tục hành chính cấp phép còn rườm rà";
    List<String> shown = Highlights.choose(
        original,
        List.of(P + "thu" + E + " " + P + "tuc" + E + " hanh chinh cap phep con ruom ra"),
        List.of());
    assertThat(shown).containsExactly("<em>Thủ tục</em> hành chính cấp phép còn rườm rà");
  }

  @Test
  void wordsMarkedOneAfterTheOtherShowAsOneMarkAndScatteredOnesApart() {
    assertThat(Highlights.choose(
            "Hồ sơ đất đai và đất rừng",
            List.of(P + "ho" + E + " " + P + "so" + E + " dat dai va " + P + "dat" + E + " rung"),
            List.of()))
        .containsExactly("<em>Hồ sơ</em> đất đai và <em>đất</em> rừng");
  }

  @Test
  void aFragmentInsideTheTextIsPlacedWhereItIs() {
    String original = "Đề nghị rút gọn thủ tục. Đường dây nóng";
    assertThat(Highlights.choose(
            original,
            List.of("de nghi rut gon thu tuc. " + P + "duong" + E + " day nong"),
            List.of()))
        .containsExactly("Đề nghị rút gọn thủ tục. <em>Đường</em> dây nóng");
  }

  @Test
  void textIsEscapedButTheMarksBecomeTags() {
    assertThat(Highlights.choose(
            "a <b> & \"c\"", List.of("a <b> & \"" + P + "c" + E + "\""), List.of()))
        .containsExactly("a &lt;b&gt; &amp; &quot;<em>c</em>&quot;");
  }

  @Test
  void withoutAPlaceInTheOriginalTheUnfoldedFragmentsAreUsed() {
    assertThat(
            Highlights.choose("Thủ tục", List.of(P + "khac" + E), List.of(P + "Thủ" + E + " tục")))
        .containsExactly("<em>Thủ</em> tục");
    assertThat(Highlights.choose("Thủ tục", List.of(P + "khac" + E), List.of()))
        .containsExactly("<em>khac</em>");
  }

  @Test
  void decomposedTextFallsBackToTheUnfoldedFragments() {
    String decomposed = java.text.Normalizer.normalize("Thủ tục", java.text.Normalizer.Form.NFD);
    assertThat(Highlights.choose(decomposed, List.of(P + "thu" + E + " tuc"), List.of()))
        .containsExactly("<em>thu</em> tuc");
  }

  @Test
  void noFragmentsNoHighlights() {
    assertThat(Highlights.choose("Thủ tục", List.of(), List.of())).isEmpty();
    assertThat(Highlights.choose(null, List.of(), List.of())).isEmpty();
  }
}
