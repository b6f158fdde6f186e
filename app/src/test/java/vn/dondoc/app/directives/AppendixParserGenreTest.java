package vn.dondoc.app.directives;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.dondoc.app.time.DeadlineParser.Kind;

/** The wordings of the genre the appendix reader must know, each read and not over-read (texts written for the test). */
class AppendixParserGenreTest {

  private final AppendixParser parser = new AppendixParser(SeedAgencies.matcher());

  private DraftTask only(String text) {
    List<DraftTask> drafts = parser.parse(text);
    assertThat(drafts).hasSize(1);
    return drafts.get(0);
  }

  @Test
  void aDirectingBodyIsNotTheLead() {
    DraftTask task = only(
        "1. Đề nghị Chính phủ chỉ đạo Bộ Tài chính chủ trì, phối hợp với Bộ Nội vụ, Bộ Tư pháp sửa đổi cơ chế "
            + "khoán chi, hoàn thành trong quý II/2026.");
    assertThat(task.lead().agency()).isEqualTo("btc");
    assertThat(task.coOperating()).containsExactly("bnv", "btp");
    assertThat(task.deadline().dueDate()).isEqualTo(LocalDate.of(2026, 6, 30));
  }

  @Test
  void theDirectingBodyLeadsWhenNoActorFollowsIt() {
    DraftTask task = only(
        "1. Đề nghị Đảng ủy Chính phủ lãnh đạo, chỉ đạo rà soát toàn bộ các chương trình đầu tư công.");
    assertThat(task.lead().text()).isEqualTo("Đảng ủy Chính phủ");
    assertThat(task.flags()).contains("UNKNOWN_AGENCY:Đảng ủy Chính phủ", "NO_DEADLINE");
  }

  @Test
  void aSubHeadingNamingAnActorGovernsTheBulletsUnderIt() {
    List<DraftTask> drafts = parser.parse("""
        2. Bộ Y tế chủ trì, phối hợp với Bộ Công an:
        - Kết nối hồ sơ sức khỏe điện tử với ứng dụng định danh, hoàn thành trong tháng 6/2026.
        - Tổ chức tập huấn cho các cơ sở khám chữa bệnh.
        3. Về hạ tầng số
        - Rà soát mạng cáp quang tới cấp xã.""");
    assertThat(drafts).hasSize(3);
    assertThat(drafts.get(0).lead().agency()).isEqualTo("byt");
    assertThat(drafts.get(0).coOperating()).containsExactly("bca");
    assertThat(drafts.get(0).flags()).contains("LEAD_FROM_HEADING");
    assertThat(drafts.get(1).lead().agency()).isEqualTo("byt");
    // a topic heading names no one: the bullet stays without a lead, and says so
    assertThat(drafts.get(2).lead()).isNull();
    assertThat(drafts.get(2).flags()).contains("NO_LEAD");
  }

  @Test
  void romanPartsAfterAnActorAreTasksEachWithTheSharedDeadlineFlagged() {
    List<DraftTask> drafts = parser.parse(
        "- Bộ Công an: (i) Xây dựng tiện ích hỗ trợ bầu cử trên VNeID; (ii) Mở rộng Trung tâm dữ liệu "
            + "quốc gia số 01. Hoàn thành trong quý I/2026.");
    assertThat(drafts).extracting(d -> d.lead().agency()).containsExactly("bca", "bca");
    assertThat(drafts).allSatisfy(d -> {
      assertThat(d.deadline().dueDate()).isEqualTo(LocalDate.of(2026, 3, 31));
      assertThat(d.flags()).contains("SHARED_DEADLINE");
    });
  }

  @Test
  void aCollectiveLeadIsKeptAsWrittenAndFlagged() {
    DraftTask task = only(
        "1. Các bộ, ngành, địa phương báo cáo định kỳ hằng quý kết quả thực hiện về Bộ Khoa học và Công nghệ.");
    assertThat(task.lead().generic()).isEqualTo(AgencyMatcher.Generic.CENTRAL_AND_LOCAL);
    assertThat(task.lead().text()).isEqualTo("Các bộ, ngành, địa phương");
    assertThat(task.flags()).contains("COLLECTIVE_LEAD");
    assertThat(task.deadline().kind()).isEqualTo(Kind.PERIODIC_REPORT);
  }

  @Test
  void anOrganisationOutsideTheTableIsFlaggedNeverDropped() {
    DraftTask task = only(
        "1. Viện Hàn lâm Khoa học và Công nghệ Việt Nam chủ trì, phối hợp với Đại học Quốc gia Hà Nội xây dựng "
            + "phòng thí nghiệm trọng điểm về vật liệu bán dẫn, hoàn thành trong năm 2027.");
    assertThat(task.lead().text()).isEqualTo("Viện Hàn lâm Khoa học và Công nghệ Việt Nam");
    assertThat(task.flags())
        .contains(
            "UNKNOWN_AGENCY:Viện Hàn lâm Khoa học và Công nghệ Việt Nam",
            "UNKNOWN_AGENCY:Đại học Quốc gia Hà Nội");
  }

  @Test
  void aHorizonNearTheAssignmentIsFlaggedNotTakenAsTheDeadline() {
    DraftTask task = only(
        "1. Bộ Giáo dục và Đào tạo xây dựng Đề án đào tạo nhân lực bán dẫn đến năm 2030, tầm nhìn đến năm 2045.");
    assertThat(task.deadline().dueDate()).isNull();
    assertThat(task.flags())
        .contains(
            "NO_DEADLINE",
            "DATE_NOT_DEADLINE:đến năm 2030",
            "DATE_NOT_DEADLINE:tầm nhìn đến năm 2045");
  }

  @Test
  void aDurationWithoutAStartIsFlagged() {
    DraftTask task = only("1. Bộ Tư pháp thẩm định hồ sơ trong vòng 15 ngày làm việc.");
    assertThat(task.deadline().dueDate()).isNull();
    assertThat(task.flags()).contains("DURATION_WITHOUT_START:trong vòng 15 ngày làm việc");
  }

  @Test
  void aPartyBodyThatDirectsIsNotTheLead() {
    DraftTask task = only(
        "6. Đề nghị Ban Bí thư chỉ đạo Ban Tổ chức Trung ương nghiên cứu tiêu chí đánh giá cán bộ, báo cáo Bộ Chính trị "
            + "trong quý IV/2026.");
    assertThat(task.lead().text()).isEqualTo("Ban Tổ chức Trung ương");
    assertThat(task.deadline().dueDate()).isEqualTo(LocalDate.of(2026, 12, 31));
  }

  @Test
  void aPartyBodyThatDirectsNoOneElseLeadsItself() {
    DraftTask task = only(
        "1. Đề nghị Bộ Chính trị chỉ đạo tổng kết việc thực hiện Kết luận số 91-KL/TW ngày 12/8/2024.");
    assertThat(task.lead().text()).isEqualTo("Bộ Chính trị");
    assertThat(task.deadline().dueDate()).isNull();
  }

  @Test
  void theHeadsOfTheProvincesLeadEveryPartAddressedToThem() {
    List<DraftTask> drafts = parser.parse(
        "c) Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương: (i) Bố trí kinh phí duy "
            + "trì hạ tầng số cấp xã; (ii) Báo cáo kết quả về Bộ Khoa học và Công nghệ theo quý.");
    assertThat(drafts)
        .extracting(d -> d.lead().generic())
        .containsExactly(AgencyMatcher.Generic.ALL_PROVINCES, AgencyMatcher.Generic.ALL_PROVINCES);
    assertThat(drafts).allSatisfy(d -> assertThat(d.flags()).contains("COLLECTIVE_LEAD"));
    assertThat(drafts.get(1).deadline().kind()).isEqualTo(Kind.PERIODIC_REPORT);
    assertThat(drafts.get(0).deadline().kind()).isEqualTo(Kind.DEADLINE);
  }

  @Test
  void aYearClosingTheTaskIsItsDeadlineForAPersonToConfirm() {
    DraftTask task = only(
        "5. Bộ Nông nghiệp và Môi trường triển khai hệ thống giám sát tài nguyên nước trong năm 2026.");
    assertThat(task.deadline().dueDate()).isEqualTo(LocalDate.of(2026, 12, 31));
    assertThat(task.flags()).contains("DEADLINE_WITHOUT_VERB");
  }

  @Test
  void aDeadlineTheSubHeadingStatesIsEachBulletsThatStatesNoneFlagged() {
    List<DraftTask> drafts = parser.parse("""
        1. Bộ Khoa học và Công nghệ chủ trì, phối hợp với Bộ Tài chính, hoàn thành trong quý III năm 2026:
        - Xây dựng Đề án phát triển trung tâm thiết kế vi mạch.
        - Ban hành hướng dẫn đánh giá công nghệ chậm nhất ngày 15/5/2026.""");
    assertThat(drafts)
        .extracting(d -> d.deadline().dueDate())
        .containsExactly(LocalDate.of(2026, 9, 30), LocalDate.of(2026, 5, 15));
    assertThat(drafts.get(0).flags()).contains("SHARED_DEADLINE");
    assertThat(drafts.get(1).flags()).doesNotContain("SHARED_DEADLINE");
    assertThat(drafts).allSatisfy(d -> assertThat(d.coOperating()).containsExactly("btc"));
  }

  @Test
  void aHeadingWithoutADeadlineOrWithTwoGivesTheBulletsNone() {
    List<DraftTask> drafts = parser.parse("""
        I. NHIỆM VỤ TRỌNG TÂM NĂM 2026 VÀ ĐỊNH HƯỚNG ĐẾN NĂM 2030
        1. Bộ Y tế, hoàn thành khảo sát trong quý I/2026, hoàn thành chuẩn hóa trong quý III/2026:
        - Chuẩn hóa dữ liệu khám chữa bệnh.
        2. Bộ Tư pháp:
        - Rà soát văn bản hướng dẫn.""");
    assertThat(drafts).hasSize(2);
    assertThat(drafts).allSatisfy(d -> {
      assertThat(d.deadline().dueDate()).isNull();
      assertThat(d.flags()).contains("NO_DEADLINE");
    });
  }

  @Test
  void theNumberedContentsOfOneDeliverableAreOneTask() {
    List<DraftTask> drafts = parser.parse(
        "2. Giao Bộ Giáo dục và Đào tạo chủ trì xây dựng Chương trình đào tạo kỹ sư bán dẫn gồm các nội "
            + "dung: (1) chuẩn đầu ra; (2) cơ sở đào tạo tham gia; (3) kinh phí thực hiện; trình Thủ tướng Chính phủ trước ngày 31 tháng 10 "
            + "năm 2026.");
    assertThat(drafts).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo("2");
      assertThat(d.lead().agency()).isEqualTo("bgddt");
      assertThat(d.deadline().dueDate()).isEqualTo(LocalDate.of(2026, 10, 30));
    });
  }

  @Test
  void numberedPartsAfterTheContentsToCarryOutAreTasks() {
    List<DraftTask> drafts = parser.parse(
        "3. Các bộ, ngành tập trung thực hiện các nội dung sau: (1) Rà soát thủ tục hành chính; "
            + "(2) Công khai dữ liệu mở.");
    assertThat(drafts).extracting(DraftTask::code).containsExactly("3.(1)", "3.(2)");
  }

  @Test
  void doiVoiAndTrachNhiemCuaNameTheLeadOfTheItemsUnderThem() {
    List<DraftTask> drafts = parser.parse("""
        1. Đối với Bộ Công an:
        a) Xây dựng cơ sở dữ liệu về tội phạm công nghệ cao, đưa vào sử dụng trong tháng 01 năm 2027.
        2. Trách nhiệm của Bộ Tài chính
        - Hướng dẫn cơ chế quỹ đầu tư mạo hiểm, thời hạn hoàn thành: quý IV/2026.
        3. Đối với dữ liệu đất đai:
        - Chuẩn hóa, làm sạch dữ liệu.""");
    assertThat(drafts)
        .extracting(d -> d.lead() == null ? null : d.lead().agency())
        .containsExactly("bca", "btc", null);
    assertThat(drafts)
        .extracting(d -> d.deadline().dueDate())
        .containsExactly(LocalDate.of(2027, 1, 31), LocalDate.of(2026, 12, 31), null);
    assertThat(drafts.get(2).flags()).contains("NO_LEAD");
  }

  @Test
  void aTimePhraseBeforeTheSubjectDoesNotHideTheLead() {
    DraftTask task =
        only("2. Trong quý IV/2026, Bộ Nội vụ hoàn thành việc số hóa hồ sơ cán bộ, công chức.");
    assertThat(task.lead().agency()).isEqualTo("bnv");
    assertThat(task.deadline().dueDate()).isEqualTo(LocalDate.of(2026, 12, 31));
    assertThat(task.flags()).contains("DEADLINE_WITHOUT_VERB");
  }

  @Test
  void giaoChoNamesTheLeadAfterIt() {
    DraftTask task = only(
        "1. Giao cho Bộ Tư pháp chủ trì, phối hợp với Bộ Nội vụ rà soát quy định, trình Chính phủ trước ngày 15/01/2027.");
    assertThat(task.lead().agency()).isEqualTo("btp");
    assertThat(task.coOperating()).containsExactly("bnv");
    assertThat(task.deadline().dueDate()).isEqualTo(LocalDate.of(2027, 1, 14));
  }

  @Test
  void aProvincialBodyOutsideTheTableIsNamedWithoutWhatItDoes() {
    assertThat(only("4. Sở Tài chính bố trí kinh phí thực hiện các nhiệm vụ.")
            .lead()
            .text())
        .isEqualTo("Sở Tài chính");
    assertThat(only("5. Công an tỉnh bảo đảm an toàn thông tin mạng; thực hiện thường xuyên.")
            .lead()
            .text())
        .isEqualTo("Công an tỉnh");
  }

  @Test
  void aPartyBodyLeadingAStateBodyPassesTheTaskToIt() {
    DraftTask task = only(
        "a) Ban cán sự đảng Ủy ban nhân dân tỉnh lãnh đạo, chỉ đạo Sở Tài chính hoàn thành đề án, trình Tỉnh ủy "
            + "trong tháng 10/2026.");
    assertThat(task.lead().text()).isEqualTo("Sở Tài chính");
    assertThat(
            only("b) Đảng ủy Bộ Công an lãnh đạo Bộ Công an hoàn thành việc làm sạch dữ liệu trong quý III/2026.")
                .lead()
                .agency())
        .isEqualTo("bca");
  }

  @Test
  void aPartyBodyLeadsWhenNoStateBodyFollowsAndAStateBodyDirectingItsOwnUnitsLeadsItself() {
    assertThat(
            only("3. Đảng đoàn Hội đồng nhân dân tỉnh lãnh đạo việc ban hành nghị quyết về chính sách đặc thù.")
                .lead()
                .text())
        .isEqualTo("Đảng đoàn Hội đồng nhân dân tỉnh");
    assertThat(only("4. Bộ Y tế chỉ đạo Sở Y tế các tỉnh triển khai bệnh án điện tử.")
            .lead()
            .agency())
        .isEqualTo("byt");
  }

  @Test
  void aProvincesDepartmentsAndCommunesAreCollectivesOfTheirKindFlaggedNeverDropped() {
    DraftTask departments = only(
        "c) Các sở, ban, ngành rà soát thủ tục hành chính, gửi Sở Nội vụ trước ngày 15/7/2026.");
    assertThat(departments.lead().generic())
        .isEqualTo(AgencyMatcher.Generic.PROVINCIAL_DEPARTMENTS);
    assertThat(departments.flags()).contains("COLLECTIVE_LEAD");
    DraftTask communes =
        only("d) Chủ tịch Ủy ban nhân dân các xã, phường kiện toàn tổ công nghệ số cộng đồng.");
    assertThat(communes.lead().generic()).isEqualTo(AgencyMatcher.Generic.COMMUNES);
    assertThat(communes.flags()).contains("COLLECTIVE_LEAD");
  }

  @Test
  void aSectionHeadingRunIntoACollectiveLeavesTheCollectiveAsTheLead() {
    List<DraftTask> drafts = parser.parse("""
        5. Về kinh phí
        Các bộ, ngành, địa phương: (1) Rà soát các nhiệm vụ đã được bố trí kinh phí. (2) Đẩy nhanh giải ngân vốn được giao.""");
    assertThat(drafts)
        .hasSize(2)
        .allSatisfy(
            d -> assertThat(d.lead().generic()).isEqualTo(AgencyMatcher.Generic.CENTRAL_AND_LOCAL));
    // a topic that runs into what is not an actor stays a topic: the item names no lead
    DraftTask topic =
        only("6. Về hạ tầng số và Internet vạn vật: tiếp tục phủ sóng 5G tới các khu công nghiệp.");
    assertThat(topic.lead()).isNull();
  }

  @Test
  void resultsSentAtACadenceAreAPeriodicReportWithoutTheWordAndAStandingCadenceIsRecurring() {
    assertThat(
            only("1. Sở Khoa học và Công nghệ hằng tháng tổng hợp số liệu dịch vụ công, gửi Văn phòng Ủy ban nhân dân tỉnh.")
                .deadline()
                .kind())
        .isEqualTo(Kind.PERIODIC_REPORT);
    assertThat(
            only("2. Ngân hàng Nhà nước Việt Nam đánh giá kết quả 6 tháng một lần, gửi Bộ Tài chính.")
                .deadline()
                .kind())
        .isEqualTo(Kind.PERIODIC_REPORT);
    assertThat(
            only("3. Đài Phát thanh và Truyền hình tỉnh mở chuyên mục về chuyển đổi số, phát định kỳ hằng tuần.")
                .deadline()
                .kind())
        .isEqualTo(Kind.RECURRING);
    // a cadence with nothing sent nor reported is no report
    assertThat(only("4. Bộ Công an tổ chức diễn tập an toàn thông tin định kỳ.")
            .deadline()
            .kind())
        .isNotEqualTo(Kind.PERIODIC_REPORT);
  }

  @Test
  void theDaysOfAReportsCadenceAreNotItsDeadline() {
    DraftTask task = only(
        "c) Báo cáo tình hình thực hiện định kỳ 6 tháng (trước ngày 15/6) và hằng năm (trước ngày 15/12) gửi Bộ Nội vụ.");
    assertThat(task.deadline().kind()).isEqualTo(Kind.PERIODIC_REPORT);
    assertThat(task.flags()).doesNotContain("AMBIGUOUS_DEADLINE");
    // a day without its year that is not a cadence's stays a deadline to check, without a date
    DraftTask yearless = only("d) Sở Tài chính bố trí kinh phí; hoàn thành trước 30/9.");
    assertThat(yearless.deadline().dueDate()).isNull();
    assertThat(yearless.deadline().kind()).isEqualTo(Kind.DEADLINE);
    assertThat(yearless.flags()).contains("AMBIGUOUS_DEADLINE");
  }

  @Test
  void aCadenceOpeningTheSentenceIsNeitherTheLeadNorPartOfItAndItsDayIsNoDeadline() {
    DraftTask yearly = only(
        "7. Hằng năm, Sở Nội vụ xây dựng kế hoạch bồi dưỡng, gửi Sở Tài chính trước ngày 15/7 để bố trí kinh phí.");
    assertThat(yearly.lead().text()).isEqualTo("Sở Nội vụ");
    assertThat(yearly.deadline().kind()).isEqualTo(Kind.PERIODIC_REPORT);
    DraftTask quarterly = only(
        "2. Sở Khoa học và Công nghệ hằng quý tổng hợp tình hình, tham mưu Ủy ban nhân dân tỉnh.");
    assertThat(quarterly.lead().text()).isEqualTo("Sở Khoa học và Công nghệ");
    assertThat(quarterly.deadline().kind()).isEqualTo(Kind.PERIODIC_REPORT);
  }

  @Test
  void whoeverGivesTheTaskToABodyNamedNextIsNotItsLead() {
    assertThat(
            only("1. Ban Thường vụ Tỉnh ủy giao Ban Tổ chức Tỉnh ủy chủ trì rà soát quy chế, trình trong quý III/2026.")
                .lead()
                .text())
        .isEqualTo("Ban Tổ chức Tỉnh ủy");
    assertThat(
            only("2. Thủ tướng Chính phủ yêu cầu Bộ Nội vụ hoàn thành đề án trong tháng 10/2026.")
                .lead()
                .agency())
        .isEqualTo("bnv");
    // "giao" followed by no body is the work itself
    assertThat(
            only("3. Sở Nội vụ giao nhiệm vụ cho các phòng chuyên môn.").lead().text())
        .isEqualTo("Sở Nội vụ");
  }

  @Test
  void officeHoldersListedSideBySideAreOneCollective() {
    DraftTask task = only(
        "a) Bộ trưởng, Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố "
            + "trực thuộc Trung ương xây dựng kế hoạch triển khai.");
    assertThat(task.lead().generic()).isEqualTo(AgencyMatcher.Generic.CENTRAL_AND_LOCAL);
    assertThat(task.flags()).doesNotContain("JOINT_LEAD");
    DraftTask ministries = only("b) Bộ trưởng các Bộ: Y tế, Công an rà soát dữ liệu.");
    assertThat(ministries.lead().agency()).isEqualTo("byt");
    assertThat(ministries.coOperating()).containsExactly("bca");
    // a collective beside a named agency stays beside it
    assertThat(only("c) Bộ Tài chính, các địa phương bố trí vốn.").lead().agency())
        .isEqualTo("btc");
  }

  @Test
  void aProgressColonIntroducesTheDeadlineButProgressInRunningTextDoesNot() {
    assertThat(
            only("1. Bộ Y tế xây dựng đề án. Tiến độ: quý II/2026.").deadline().dueDate())
        .isEqualTo(LocalDate.of(2026, 6, 30));
    assertThat(
            only("2. Bộ Y tế đẩy nhanh tiến độ giải ngân năm 2026.").deadline().dueDate())
        .isNull();
  }

  @Test
  void aSecondDateLeftInTheWordsIsFlaggedAndAStepAfterDeDoesNotCount() {
    DraftTask phases = only(
        "13. Bộ Văn hóa, Thể thao và Du lịch số hóa di sản; hoàn thành giai đoạn 1 trong năm 2026, giai đoạn 2 trong năm 2027.");
    assertThat(phases.deadline().dueDate()).isEqualTo(LocalDate.of(2026, 12, 31));
    assertThat(phases.flags()).contains("AMBIGUOUS_DEADLINE");
    DraftTask purpose = only(
        "3. Các bộ gửi báo cáo về Bộ Khoa học và Công nghệ trước ngày 30/11/2026 để tổng hợp, báo cáo Thủ tướng Chính phủ "
            + "trong tháng 12/2026.");
    assertThat(purpose.flags()).doesNotContain("AMBIGUOUS_DEADLINE");
  }

  @Test
  void theEndOfAYearIsADeadlineWithoutAVerbButAYearsScopeIsNot() {
    DraftTask end = only(
        "12. Thường trực Hội đồng nhân dân tỉnh giám sát việc thực hiện, cuối năm 2026 báo cáo tại kỳ họp thường lệ.");
    assertThat(end.deadline().dueDate()).isEqualTo(LocalDate.of(2026, 12, 31));
    assertThat(end.flags()).contains("DEADLINE_WITHOUT_VERB");
    assertThat(
            only("3. Bộ Tài chính bố trí kinh phí trong năm 2026, ưu tiên các nhiệm vụ cấp bách.")
                .deadline()
                .dueDate())
        .isNull();
  }

  @Test
  void aNameEndsAtWhatTheBodyDoesButKeepsItsCapitalisedWords() {
    DraftTask task = only(
        "1. Sở Giáo dục và Đào tạo phối hợp với Văn phòng Ủy ban nhân dân tỉnh nâng cấp hệ thống, hoàn thành trong quý IV/2026.");
    assertThat(task.lead().text()).isEqualTo("Sở Giáo dục và Đào tạo");
    assertThat(task.flags()).contains("UNKNOWN_AGENCY:Văn phòng Ủy ban nhân dân tỉnh");
  }

  @Test
  void dottedSubSectionsNestUnderTheirSectionAndAreNotRunTogether() {
    List<DraftTask> drafts = parser.parse("""
        II. NHIỆM VỤ CỤ THỂ
        1. Về thể chế
        1.1. Bộ Tư pháp rà soát văn bản, hoàn thành trong quý III/2026.
        1.2. Bộ Nội vụ:
        a) Trình đề án sắp xếp đơn vị sự nghiệp trong tháng 9/2026.
        b) Hướng dẫn các địa phương thực hiện.
        2. Về dữ liệu
        2.1. Bộ Công an làm sạch dữ liệu dân cư; thực hiện thường xuyên.""");
    assertThat(drafts)
        .extracting(DraftTask::code)
        .containsExactly("II.1.1", "II.1.2.a", "II.1.2.b", "II.2.1");
    assertThat(drafts)
        .extracting(d -> d.lead().agency())
        .containsExactly("btp", "bnv", "bnv", "bca");
    // a number with a decimal point opening a wrapped line is no heading
    assertThat(
            parser.parse(
                "1. Bộ Tài chính bố trí vốn cho các dự án với tổng mức\n2.5 nghìn tỷ đồng, hoàn thành trong năm 2026."))
        .hasSize(1);
  }

  @Test
  void aCadenceOpeningATaskMakesItRecurringButACadenceInsideItDoesNot() {
    assertThat(only("- Hằng năm, cân đối, bố trí vốn cho khoa học, công nghệ theo quy định.")
            .deadline()
            .kind())
        .isEqualTo(Kind.RECURRING);
    assertThat(
            only("- Bộ Tài chính xây dựng định mức chi hằng năm cho khoa học, công nghệ, trình Chính phủ.")
                .deadline()
                .kind())
        .isNotEqualTo(Kind.RECURRING);
  }
}
