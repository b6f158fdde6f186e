package vn.dondoc.app.demo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.dondoc.app.initiatives.Initiative;
import vn.dondoc.app.initiatives.InitiativeCategory;
import vn.dondoc.app.initiatives.InitiativeDraft;
import vn.dondoc.app.initiatives.InitiativeService;
import vn.dondoc.processes.InitiativeSelection;
import vn.dondoc.processes.InitiativeSelection.Var;

/**
 * Demo initiatives of the demo innovator {@code sangkien}: one waiting for screening, one with a panel
 * that has partly scored (chuyengia2 has, chuyengia3 and chuyengia4 still have to), one draft. Skipped
 * when sangkien already has any.
 */
@Component
@ConditionalOnProperty(name = "dondoc.demo-data", havingValue = "true")
class DemoInitiatives implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoInitiatives.class);
  private static final String INNOVATOR = "sangkien";

  private final InitiativeService initiatives;
  private final JdbcClient jdbc;

  DemoInitiatives(InitiativeService initiatives, JdbcClient jdbc) {
    this.initiatives = initiatives;
    this.jdbc = jdbc;
  }

  /** All or nothing: the guard below looks for any of sangkien's initiatives. */
  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    if (jdbc.sql("select count(*) from initiative where proposer = ?")
            .param(INNOVATOR)
            .query(Integer.class)
            .single()
        > 0) {
      return;
    }
    Authentication innovator =
        DemoUsers.user(INNOVATOR, List.of("innovator"), List.of("/innovator"));
    Authentication office = DemoUsers.user(
        "thuongtruc", List.of("standing-office"), List.of("/standing-office", "/agencies/vptw"));

    Initiative waiting = submit(
        innovator,
        new InitiativeDraft(
            InitiativeCategory.BREAKTHROUGH,
            "Nền tảng số hóa hồ sơ đất đai cấp xã dùng trí tuệ nhân tạo",
            "Cán bộ địa chính cấp xã phải nhập tay hồ sơ giấy, sai sót nhiều, người dân phải nộp lại giấy tờ đã có.",
            "Nhận dạng văn bản tiếng Việt và đối chiếu tự động với cơ sở dữ liệu đất đai quốc gia.",
            "Nền tảng vận hành thử nghiệm tại 50 xã, giảm 70% thời gian nhập liệu.",
            "Trí tuệ nhân tạo",
            "bnnmt",
            null,
            "Kinh phí thử nghiệm 12 tỷ đồng; 20 cán bộ kỹ thuật",
            "Đã nộp đơn đăng ký sáng chế",
            null,
            null,
            true,
            List.of()));
    Initiative scored = submit(
        innovator,
        new InitiativeDraft(
            InitiativeCategory.STRATEGIC_TECH_PROPOSAL,
            "Chip cảm biến chi phí thấp cho quan trắc môi trường nước",
            "Các trạm quan trắc nhập khẩu đắt, khó bảo trì ở vùng sâu.",
            "Thiết kế chip cảm biến trong nước, đóng gói tại Việt Nam, kết nối nền tảng dữ liệu môi trường.",
            "1.000 cảm biến lắp đặt tại đồng bằng sông Cửu Long.",
            "Bán dẫn",
            "bkhcn",
            null,
            "Phòng sạch, 30 tỷ đồng",
            "Bí quyết, chưa đăng ký",
            null,
            null,
            true,
            List.of()));
    initiatives.saveDraft(
        null,
        new InitiativeDraft(
            InitiativeCategory.ORDINARY,
            "Ứng dụng nhắc lịch tiêm chủng cho vùng cao",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            false,
            List.of()),
        innovator);

    initiatives.screen(
        scored.caseCode(),
        Map.of(Var.SCREENING_DECISION, InitiativeSelection.Screening.EVALUATE),
        office);
    initiatives.pickPanel(
        scored.caseCode(),
        Map.of(Var.PANEL_TEXT, List.of("chuyengia2", "chuyengia3", "chuyengia4")),
        office);
    Authentication expert = DemoUsers.user("chuyengia2", List.of("expert"), List.of("/expert"));
    initiatives.declare(scored.caseCode(), Map.of(Var.CONFLICT_DECLARED, false), expert);
    // the sheet as the form initiative-scoring names it: scoreNovelty, commentNovelty, …
    Map<String, Object> sheet = new HashMap<>();
    for (String criterion : List.of(
        "Novelty", "Feasibility", "Impact", "StrategicFit", "DataReuse", "Sustainability")) {
      sheet.put("score" + criterion, 8);
      sheet.put("comment" + criterion, "Đánh giá của chuyên gia về tiêu chí này.");
    }
    initiatives.score(scored.caseCode(), sheet, expert);
    log.info(
        "Demo: initiatives {} (awaiting screening) and {} (panel scoring) of {}",
        waiting.caseCode(),
        scored.caseCode(),
        INNOVATOR);
  }

  private Initiative submit(Authentication innovator, InitiativeDraft draft) {
    return initiatives.submit(initiatives.saveDraft(null, draft, innovator).id(), innovator);
  }
}
