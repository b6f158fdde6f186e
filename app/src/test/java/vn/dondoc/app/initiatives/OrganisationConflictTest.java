package vn.dondoc.app.initiatives;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Whether an expert belongs to the proposer's organisation: by tax code where both have one, else by normalised name. */
class OrganisationConflictTest {

  @Test
  void namesCompareWithoutCaseDiacriticsPunctuationOrSpacing() {
    assertThat(InitiativeExperts.sameOrganisation(
            null, "Công ty Cổ phần  Sáng-Kiến Việt", null, "CÔNG TY CỔ PHẦN SÁNG KIẾN VIỆT"))
        .isTrue();
    assertThat(InitiativeExperts.sameOrganisation(
            null, "Đại học Quốc gia Hà Nội", "", "Dai hoc Quoc gia Ha Noi."))
        .isTrue();
    assertThat(InitiativeExperts.sameOrganisation(
            null, "Đại học Quốc gia Hà Nội", null, "Đại học Bách khoa Hà Nội"))
        .isFalse();
    assertThat(InitiativeExperts.sameOrganisation(null, " ", null, " "))
        .as("no name is no organisation")
        .isFalse();
  }

  @Test
  void taxCodesDecideWhereBothHaveOne() {
    assertThat(InitiativeExperts.sameOrganisation(
            "0101234567", "Tên cũ", "0101234567-001", "Chi nhánh Hà Nội"))
        .as("a branch of the same company")
        .isTrue();
    assertThat(InitiativeExperts.sameOrganisation(
            "0101234567", "Sáng Kiến Việt", "0309876543", "Sáng Kiến Việt"))
        .as("two companies of one name")
        .isFalse();
    assertThat(InitiativeExperts.sameOrganisation(
            "0101234567", "Sáng Kiến Việt", null, "sang kien viet"))
        .as("one side without a tax code: the names")
        .isTrue();
  }
}
