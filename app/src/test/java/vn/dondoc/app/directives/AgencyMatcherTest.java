package vn.dondoc.app.directives;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.dondoc.app.directives.AgencyMatcher.Generic;
import vn.dondoc.app.directives.AgencyMatcher.Mention;

class AgencyMatcherTest {

  private final AgencyMatcher matcher = SeedAgencies.matcher();

  private List<String> codes(String text) {
    return matcher.list(text, 0).stream()
        .map(m ->
            m.code() != null ? m.code() : m.generic() != null ? m.generic().name() : "?" + m.text())
        .toList();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Bộ Khoa học và Công nghệ chủ trì | bkhcn",
        "Bộ KH&CN chủ trì | bkhcn",
        "BKHCN chủ trì | bkhcn",
        "bộ khoa học và công nghệ chủ trì | bkhcn",
        "Bo Khoa hoc va Cong nghe chu tri | bkhcn",
        "BỘ KHOA HỌC VÀ CÔNG NGHỆ chủ trì | bkhcn",
        "Bộ GD&ĐT tập trung | bgddt",
        "Bộ Tài nguyên và Môi trường (cũ) | bnnmt",
        "Văn phòng Chính phủ theo dõi | vpcp",
        "Cơ quan Thường trực Ban Chỉ đạo tăng cường | vptw",
        "TP.HCM triển khai | hcm",
        "Ngân hàng Nhà nước Việt Nam chủ trì | nhnn"
      })
  void findsAnAgencyByNameShortNameOrAlias(String text, String code) {
    assertThat(codes(text)).containsExactly(code);
  }

  @Test
  void listsSeparatedByCommasAndVa() {
    assertThat(codes("Bộ Công an, Bộ Khoa học và Công nghệ và các cơ quan liên quan: Căn cứ"))
        .containsExactly("bca", "bkhcn", "RELATED_AGENCIES");
    assertThat(codes("Bộ KH&CN, Bộ Tài chính, Bộ GD&ĐT, Bộ Công Thương theo chức năng"))
        .containsExactly("bkhcn", "btc", "bgddt", "bct");
  }

  @Test
  void expandsCacBoLists() {
    assertThat(codes("các Bộ: Nội vụ, Giáo dục và Đào tạo, Ngoại giao tiếp tục rà soát"))
        .containsExactly("bnv", "bgddt", "bng");
    assertThat(codes("các Bộ: Khoa học và Công nghệ, Tài chính và Công Thương để"))
        .containsExactly("bkhcn", "btc", "bct");
    assertThat(matcher.list("các Bộ: Nội vụ, Ngoại giao", 0))
        .extracting(Mention::text)
        .containsExactly("Bộ Nội vụ", "Bộ Ngoại giao");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Các bộ, ngành chủ trì | ALL_MINISTRIES",
        "Các bộ, cơ quan ngang bộ chủ trì | ALL_MINISTRIES",
        "Các bộ, ngành, địa phương chủ động | CENTRAL_AND_LOCAL",
        "Các cơ quan Trung ương và địa phương: (1) | CENTRAL_AND_LOCAL",
        "các cơ quan liên quan | RELATED_AGENCIES",
        "Các địa phương chủ động | ALL_PROVINCES",
        "Ủy ban nhân dân các tỉnh, thành phố chỉ đạo | ALL_PROVINCES",
        "Uỷ ban nhân dân các tỉnh, thành phố chỉ đạo | ALL_PROVINCES",
        "Chính phủ chỉ đạo | GOVERNMENT",
        "cac bo, nganh chu tri | ALL_MINISTRIES"
      })
  void collectiveActorsAreNotOneAgency(String text, String generic) {
    List<Mention> found = matcher.list(text, 0);
    assertThat(found).hasSize(1);
    assertThat(found.get(0).code()).isNull();
    assertThat(found.get(0).generic()).isEqualTo(Generic.valueOf(generic));
  }

  @Test
  void organisationsMissingFromTheTableComeBackUnknownWithTheirName() {
    assertThat(codes("Ban Cơ yếu Chính phủ cấp chứng thư số"))
        .containsExactly("?Ban Cơ yếu Chính phủ");
    assertThat(codes("Ban Tuyên giáo và Dân vận Trung ương, Bộ Nội vụ chủ trì"))
        .containsExactly("?Ban Tuyên giáo và Dân vận Trung ương", "bnv");
    assertThat(codes("Bảo hiểm xã hội Việt Nam chủ trì"))
        .containsExactly("?Bảo hiểm xã hội Việt Nam");
    assertThat(codes("các Bộ: Nội vụ, Kế hoạch và Đầu tư"))
        .containsExactly("bnv", "?Bộ Kế hoạch và Đầu tư");
  }

  @Test
  void verbsThatLookLikeOrganisationsAreNotOnes() {
    assertThat(matcher.list("Tổ chức tập huấn kỹ năng số", 0)).isEmpty();
    assertThat(matcher.list("Ban hành Thông tư", 0)).isEmpty();
    assertThat(matcher.list("Xây dựng chỉ số đánh giá", 0)).isEmpty();
  }

  @Test
  void findAllSkipsDocumentSymbolsAndPrefersLongerNames() {
    assertThat(matcher.findAll(
            "thay thế Thông tư số 03/2015/TT-BKHCN; Văn phòng Chính phủ và Chính phủ"))
        .extracting(m -> m.code() != null ? m.code() : m.generic().name())
        .containsExactly("vpcp", "GOVERNMENT");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Ban Tổ chức Trung ương chủ trì | Ban Tổ chức Trung ương",
        "BTCTW chủ trì | Ban Tổ chức Trung ương",
        "Đảng uỷ Chính phủ lãnh đạo | Đảng ủy Chính phủ",
        "Viện Hàn lâm KHCN Việt Nam chủ trì | Viện Hàn lâm Khoa học và Công nghệ Việt Nam",
        "Tỉnh ủy Lào Cai chỉ đạo | Tỉnh ủy Lào Cai",
        "UBND tỉnh Nghệ An triển khai | Tỉnh Nghệ An",
        "Ủy ban nhân dân thành phố Hải Phòng chủ trì | Thành phố Hải Phòng",
        "Thanh tra Chính phủ chủ trì | Thanh tra Chính phủ",
        "Tòa án nhân dân tối cao phối hợp | Tòa án nhân dân tối cao"
      })
  void organisationsOutsideTheTableAreRecognisedWholeAndNamed(String text, String name) {
    List<Mention> found = matcher.list(text, 0);
    assertThat(found).hasSize(1);
    assertThat(found.get(0).unknown()).isTrue();
    assertThat(found.get(0).name()).isEqualTo(name);
  }

  @Test
  void theCatalogueNeverHidesATableAgency() {
    assertThat(codes("UBND thành phố Hà Nội chủ trì")).containsExactly("hanoi");
    assertThat(codes("Tỉnh Lạng Sơn chủ trì")).containsExactly("langson");
  }

  @Test
  void leadsJoinedByCungAndSemicolonListsAfterCacBoNganh() {
    assertThat(codes("Bộ Tài chính cùng Bộ Khoa học và Công nghệ bảo đảm"))
        .containsExactly("btc", "bkhcn");
    assertThat(
            codes(
                "Các Bộ, ngành: Công an, Bộ Giáo dục và Đào tạo; Bộ Ngoại giao; Văn phòng Quốc hội khẩn trương"))
        .containsExactly("bca", "bgddt", "bng", "?Văn phòng Quốc hội");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Các ban, bộ, ngành, địa phương tập trung | PARTY_AND_STATE",
        "Các tỉnh ủy, thành ủy lãnh đạo | PARTY_COMMITTEES",
        "Các đảng ủy trực thuộc Trung ương chỉ đạo | PARTY_COMMITTEES"
      })
  void partyCollectivesAreCollectives(String text, String generic) {
    assertThat(codes(text)).containsExactly(generic);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Bộ trưởng Bộ Công an chỉ đạo | bca",
        "Thống đốc Ngân hàng Nhà nước Việt Nam chỉ đạo các tổ chức tín dụng | nhnn",
        "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương bố trí | ALL_PROVINCES",
        "Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Thủ trưởng cơ quan thuộc Chính phủ chỉ đạo | ALL_MINISTRIES",
        "Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Thủ trưởng cơ quan thuộc Chính phủ, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố "
            + "trực thuộc Trung ương tập trung | CENTRAL_AND_LOCAL"
      })
  void anOfficeHolderStandsForTheBodyTheyHead(String text, String actor) {
    assertThat(codes(text)).containsExactly(actor);
  }

  @Test
  void officeHoldersInAListEachStandForTheirBody() {
    assertThat(codes("Bộ trưởng Bộ Tài chính, Bộ trưởng Bộ Tư pháp rà soát"))
        .containsExactly("btc", "btp");
  }

  @Test
  void aTitleWithNoBodyAfterItIsNoActor() {
    assertThat(codes("Chủ tịch nước ký lệnh công bố")).isEmpty();
    assertThat(codes("Bí thư chi bộ chủ trì sinh hoạt")).isEmpty();
    assertThat(codes("Giám đốc điều hành chủ trì")).isEmpty();
  }

  @Test
  void aUnitOfABodyIsNamedWithoutTheBodyItBelongsTo() {
    assertThat(codes("Cục Đổi mới sáng tạo thuộc Bộ Khoa học và Công nghệ là đầu mối"))
        .containsExactly("?Cục Đổi mới sáng tạo");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Các sở, ban, ngành tỉnh chủ động | PROVINCIAL_DEPARTMENTS",
        "Các sở, ngành chủ động | PROVINCIAL_DEPARTMENTS",
        "các Sở Y tế triển khai | PROVINCIAL_DEPARTMENTS",
        "UBND các xã, phường, đặc khu rà soát | COMMUNES",
        "Ủy ban nhân dân cấp xã rà soát | COMMUNES",
        "Các đảng ủy trực thuộc Tỉnh ủy lãnh đạo | PARTY_COMMITTEES",
        "Các bộ, ban, ngành phối hợp | PARTY_AND_STATE"
      })
  void aProvincesOwnCollectivesAreRecognised(String text, String generic) {
    assertThat(codes(text)).containsExactly(generic);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Vụ Pháp chế chủ trì | ?Vụ Pháp chế",
        "Đảng ủy Công an tỉnh lãnh đạo | ?Đảng ủy Công an tỉnh",
        "Trường Đại học Vinh phối hợp | ?Trường Đại học Vinh",
        "Báo Nghệ An mở chuyên mục | ?Báo Nghệ An",
        "Thanh tra Bộ kiểm tra | ?Thanh tra Bộ"
      })
  void organisationsOfMoreKindsOutsideTheTableAreNamedAsWritten(String text, String expected) {
    assertThat(codes(text)).containsExactly(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Báo cáo kết quả thực hiện",
        "Hội nghị sơ kết được tổ chức",
        "Trường hợp cần thiết, đề xuất",
        "Thanh tra việc sử dụng kinh phí"
      })
  void wordsThatBeginLikeAnOrganisationAreNotOne(String text) {
    assertThat(codes(text)).isEmpty();
  }

  @Test
  void aNameOutsideTheTableEndsAtCungAndTheBodyAfterItIsListed() {
    assertThat(codes(
            "Đảng đoàn Hội đồng nhân dân tỉnh cùng Ban cán sự đảng Ủy ban nhân dân tỉnh lãnh đạo"))
        .containsExactly(
            "?Đảng đoàn Hội đồng nhân dân tỉnh", "?Ban cán sự đảng Ủy ban nhân dân tỉnh");
    // "và" still joins the words of one name
    assertThat(codes("Sở Văn hóa và Thể thao chủ trì")).containsExactly("?Sở Văn hóa và Thể thao");
  }
}
