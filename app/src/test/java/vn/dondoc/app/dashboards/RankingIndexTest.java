package vn.dondoc.app.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.dondoc.app.dashboards.RankingIndex.Component;
import vn.dondoc.app.dashboards.RankingIndex.Fraction;

class RankingIndexTest {

  @Test
  void theWeightsAddUpToOneHundred() {
    assertThat(List.of(Component.values()).stream().mapToInt(Component::weight).sum())
        .isEqualTo(100);
  }

  @Test
  void allComponentsAreWeighedAsDocumented() {
    // 40 × 3/4 + 20 × (1 − 1/5) + 20 × 1/2 + 10 × 9/10 + 10 × 4/5 = 30 + 16 + 10 + 9 + 8 = 73
    RankingIndex index = new RankingIndex()
        .with(Component.TASK_ON_TIME, new Fraction(3, 4))
        .with(Component.NOT_OVERDUE, new Fraction(4, 5))
        .with(Component.FEEDBACK_ON_TIME, new Fraction(1, 2))
        .with(Component.FEEDBACK_PROCESSED, new Fraction(9, 10))
        .with(Component.SATISFACTION, new Fraction(20, 25));

    assertThat(index.value()).isEqualByComparingTo("73.0");
  }

  @Test
  void anAgencyWithoutFeedbackHasTheFeedbackWeightsSharedAmongTheTaskComponents() {
    // only tasks: (40 × 3/4 + 20 × 4/5) / 60 = (30 + 16) / 60 = 76.666…% → 76.7
    RankingIndex index = new RankingIndex()
        .with(Component.TASK_ON_TIME, new Fraction(3, 4))
        .with(Component.NOT_OVERDUE, new Fraction(4, 5))
        .with(Component.FEEDBACK_ON_TIME, null)
        .with(Component.FEEDBACK_PROCESSED, null)
        .with(Component.SATISFACTION, null);

    assertThat(index.value()).isEqualByComparingTo("76.7");
    assertThat(index.components()).containsOnlyKeys(Component.TASK_ON_TIME, Component.NOT_OVERDUE);
  }

  @Test
  void anAgencyWithoutRatingsHasTheSatisfactionWeightShared() {
    // (40 × 1 + 20 × 1 + 20 × 0 + 10 × 1) / 90 = 70 / 90 = 77.777…% → 77.8
    RankingIndex index = new RankingIndex()
        .with(Component.TASK_ON_TIME, new Fraction(2, 2))
        .with(Component.NOT_OVERDUE, new Fraction(5, 5))
        .with(Component.FEEDBACK_ON_TIME, new Fraction(0, 3))
        .with(Component.FEEDBACK_PROCESSED, new Fraction(3, 3))
        .with(Component.SATISFACTION, Fraction.ofOrNull(0, 0));

    assertThat(index.value()).isEqualByComparingTo("77.8");
  }

  @Test
  void aSingleComponentIsTheIndexAndNoComponentIsNoIndex() {
    assertThat(
            new RankingIndex().with(Component.SATISFACTION, new Fraction(7, 10)).value())
        .isEqualByComparingTo("70.0");
    assertThat(new RankingIndex().value()).isNull();
  }

  @Test
  void theResultIsRoundedHalfUpOnlyAtTheEnd() {
    // (40 × 1/8 + 20 × 1) / 60 = 25 / 60 = 41.666…% → 41.7; 40 × 1/3 / 40 = 33.333…% → 33.3
    assertThat(new RankingIndex()
            .with(Component.TASK_ON_TIME, new Fraction(1, 8))
            .with(Component.NOT_OVERDUE, new Fraction(1, 1))
            .value())
        .isEqualByComparingTo("41.7");
    assertThat(
            new RankingIndex().with(Component.TASK_ON_TIME, new Fraction(1, 3)).value())
        .isEqualByComparingTo(new BigDecimal("33.3"));
  }

  @Test
  void aShareIsBetweenZeroAndOne() {
    assertThat(Fraction.ofOrNull(1, 0)).isNull();
    assertThatThrownBy(() -> new Fraction(3, 2)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Fraction(-1, 2)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void equalIndicesShareARankAndAreOrderedByName() {
    List<AgencyRanking.Entry> ranked = AgencyRanking.ranked(List.of(
        entry("c", "Tỉnh Cà Mau", "80.0"),
        entry("a", "Bộ Y tế", "90.0"),
        entry("b", "Bộ Công an", "80.0"),
        entry("d", "Thành phố Đà Nẵng", "70.0")));

    assertThat(ranked).extracting(AgencyRanking.Entry::agency).containsExactly("a", "b", "c", "d");
    assertThat(ranked).extracting(AgencyRanking.Entry::rank).containsExactly(1, 2, 2, 4);
  }

  private static AgencyRanking.Entry entry(String code, String name, String index) {
    return new AgencyRanking.Entry(
        0,
        code,
        name,
        new BigDecimal(index),
        0,
        0,
        null,
        0,
        0,
        null,
        0,
        0,
        0,
        0,
        null,
        null,
        0,
        null,
        Set.of());
  }
}
