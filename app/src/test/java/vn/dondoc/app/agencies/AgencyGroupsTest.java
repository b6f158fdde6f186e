package vn.dondoc.app.agencies;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AgencyGroupsTest {

  @Test
  void readsAgencyCodesFromGroupIdsAndTokenPaths() {
    assertThat(AgencyGroups.agencyCodes(
            List.of("agencies/bkhcn", "/agencies/hanoi", "standing-office", "agencies/")))
        .containsExactly("bkhcn", "hanoi");
  }

  @Test
  void aLeadersSubgroupBelongsToItsAgency() {
    assertThat(AgencyGroups.agencyCodes(
            List.of("/agency-leader", "/agencies/bkhcn", "/agencies/bkhcn/leaders")))
        .containsExactly("bkhcn");
    assertThat(AgencyGroups.leadersOf("bkhcn")).isEqualTo("agencies/bkhcn/leaders");
  }
}
