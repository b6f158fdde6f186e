package vn.dondoc.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A person's roles, agency and leadership as the people page reads them from their Keycloak group paths. */
class PersonGroupsTest {

  private static People.Person person(String... groups) {
    return new People.Person(
        "id",
        "canbo",
        "Nguyễn Văn",
        "An",
        "an@example.vn",
        true,
        List.of(groups),
        null,
        null,
        null);
  }

  @Test
  void anOfficerOfAnAgency() {
    People.Person officer = person("/agency-officer", "/agencies/bkhcn", "/innovator");

    assertThat(officer.roles()).containsExactly("agency-officer", "innovator");
    assertThat(officer.agency()).isEqualTo("bkhcn");
    assertThat(officer.leader()).isFalse();
    assertThat(officer.fullName()).isEqualTo("Nguyễn Văn An");
  }

  @Test
  void aLeaderIsInTheAgencysLeadersGroup() {
    People.Person leader = person("/agency-leader", "/agencies/hanoi", "/agencies/hanoi/leaders");

    assertThat(leader.agency()).isEqualTo("hanoi");
    assertThat(leader.leader()).isTrue();
    assertThat(leader.leaderWithoutTitle())
        .as("their letters would print a generic line")
        .isTrue();
    People.Person titled = new People.Person(
        "id",
        "lanhdao",
        "Trịnh Thị",
        "Hạnh",
        null,
        true,
        List.of("/agency-leader", "/agencies/hanoi", "/agencies/hanoi/leaders"),
        null,
        null,
        "Phó Chủ tịch Ủy ban nhân dân");
    assertThat(titled.leaderWithoutTitle()).isFalse();
    assertThat(person("/agency-officer", "/agencies/hanoi").leaderWithoutTitle())
        .as("only leaders sign")
        .isFalse();
  }

  @Test
  void someoneOfNoAgencyWithoutANameIsCalledByTheirUsername() {
    People.Person expert = new People.Person(
        "id", "chuyengia", null, " ", null, true, List.of("/expert"), null, null, null);

    assertThat(expert.agency()).isNull();
    assertThat(expert.leader()).isFalse();
    assertThat(expert.fullName()).isEqualTo("chuyengia");
  }

  @Test
  void aliasesAreOnePerLineWithoutBlanks() {
    assertThat(AgenciesPage.lines("Bộ KH&CN\r\n\n  BKHCN  \n"))
        .containsExactly("Bộ KH&CN", "BKHCN");
    assertThat(AgenciesPage.lines(null)).isEmpty();
  }
}
