package vn.dondoc.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import vn.dondoc.search.CaseDocument;
import vn.dondoc.search.VersionedCase;

class CaseGeneratorTest {

  private static final Corpus CORPUS = new Corpus(Corpus.sentencesOf("""
      Ban Chỉ đạo đã tổ chức Hội nghị tổng kết công tác năm 2025 và nhiệm vụ, giải pháp trọng tâm năm 2026.
      Hoàn thiện thể chế, chính sách phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia.
      Đẩy mạnh cải cách thủ tục hành chính, cung cấp dịch vụ công trực tuyến toàn trình cho người dân và doanh nghiệp.
      Bảo đảm an ninh mạng, an toàn thông tin và bảo vệ dữ liệu cá nhân trong mọi hoạt động chuyển đổi số.
      """));
  private static final List<String> AGENCIES =
      IntStream.range(0, 27).mapToObj(i -> "agency" + i).toList();
  private static final List<String> LOCALITIES = List.of("national", "hanoi", "hcm", "danang");

  private static CaseGenerator generator(long seed) {
    return new CaseGenerator(seed, CORPUS, AGENCIES, LOCALITIES);
  }

  @Test
  void the_same_seed_gives_the_same_cases_in_any_order() {
    CaseGenerator one = generator(57);
    CaseGenerator other = generator(57);
    List<VersionedCase> forward =
        IntStream.range(0, 500).mapToObj(i -> one.versioned(i)).toList();
    for (int i = 499; i >= 0; i--) {
      assertThat(other.versioned(i)).isEqualTo(forward.get(i));
    }
    assertThat(generator(58).generate(7)).isNotEqualTo(one.generate(7));
  }

  @Test
  void proportions_are_roughly_the_intended_ones() {
    CaseGenerator generator = generator(57);
    int n = 20_000;
    Map<String, Integer> types = new HashMap<>();
    Map<String, Integer> sla = new HashMap<>();
    Set<String> agencies = new HashSet<>();
    Set<String> codes = new HashSet<>();
    int published = 0;
    for (int i = 0; i < n; i++) {
      CaseDocument d = generator.generate(i);
      types.merge(d.caseType(), 1, Integer::sum);
      if (d.slaState() != null) {
        sla.merge(d.slaState(), 1, Integer::sum);
      }
      if (d.leadAgency() != null) {
        agencies.add(d.leadAgency());
      }
      published += d.publicVisible() ? 1 : 0;
      codes.add(d.code());
      assertThat(d.createdAt()).isBetween(CaseGenerator.START, CaseGenerator.AS_OF);
      assertThat(d.updatedAt()).isAfterOrEqualTo(d.createdAt());
      assertThat(d.titleFolded()).isEqualTo(vn.dondoc.search.VietnameseFolding.fold(d.title()));
      if ("BREACHED".equals(d.slaState())) {
        assertThat(d.breachAt()).isNotNull();
      }
    }
    assertThat(codes).hasSize(n);
    assertThat(types.get("feedback") / (double) n).isCloseTo(0.55, within(0.02));
    assertThat(types.get("task") / (double) n).isCloseTo(0.25, within(0.02));
    assertThat(types.get("evidence") / (double) n).isCloseTo(0.10, within(0.02));
    assertThat(types.get("extension") / (double) n).isCloseTo(0.05, within(0.01));
    assertThat(types.get("initiative") / (double) n).isCloseTo(0.05, within(0.01));
    assertThat(published / (double) n).isCloseTo(0.10, within(0.03));
    assertThat(sla).containsKeys("RUNNING", "AT_RISK", "BREACHED", "PAUSED", "MET");
    assertThat(agencies).hasSize(27);
  }
}
