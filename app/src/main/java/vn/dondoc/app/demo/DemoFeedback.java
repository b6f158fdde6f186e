package vn.dondoc.app.demo;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import vn.dondoc.app.feedback.FeedbackField;
import vn.dondoc.app.feedback.FeedbackService;
import vn.dondoc.app.feedback.FeedbackSubmission;
import vn.dondoc.app.feedback.FeedbackSubmission.Contact;
import vn.dondoc.app.feedback.FeedbackType;
import vn.dondoc.processes.FeedbackHandling;
import vn.dondoc.processes.sla.SlaStage;

/**
 * Demo feedback for `bin/dondoc run`, written in the voice of the people the 2025–2026 directives
 * name (DOMAIN.md §2.5). Submitted through the real service with fixed idempotency keys, so a restart
 * adds nothing twice.
 */
@Component
@ConditionalOnProperty(name = "dondoc.demo-data", havingValue = "true")
class DemoFeedback implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoFeedback.class);

  private final FeedbackService feedback;
  private final DemoCaseProgress progress;

  DemoFeedback(FeedbackService feedback, DemoCaseProgress progress) {
    this.feedback = feedback;
    this.progress = progress;
  }

  private static FeedbackSubmission item(
      FeedbackType type,
      FeedbackField field,
      String locality,
      String title,
      String content,
      String sender,
      String email,
      boolean publish) {
    return new FeedbackSubmission(
        type, field, locality, title, content, new Contact(sender, email, null), publish, null);
  }

  static final List<FeedbackSubmission> ITEMS = List.of(
      item(
          FeedbackType.COMPLAINT,
          FeedbackField.ADMINISTRATIVE_PROCEDURES,
          "hanoi",
          "Thủ tục cấp phép thử nghiệm có kiểm soát (sandbox) còn kéo dài",
          "Doanh nghiệp chúng tôi nộp hồ sơ thử nghiệm có kiểm soát cho giải pháp thanh toán số từ tháng 9/2025 "
              + "nhưng đến nay chưa nhận được kết quả. Đề nghị công khai thời hạn giải quyết và đầu mối tiếp nhận.",
          "Công ty CP Giải pháp Số Thăng Long",
          "lienhe@thanglongso.vn",
          true),
      item(
          FeedbackType.RECOMMENDATION,
          FeedbackField.SUPPORT_POLICY,
          "hcm",
          "Kiến nghị cơ chế khoán chi đến sản phẩm cuối cùng cho đề tài khoa học",
          "Đề nghị hướng dẫn cụ thể việc khoán chi đến sản phẩm cuối cùng theo Nghị quyết 57, giảm thủ tục "
              + "thanh quyết toán cho nhà khoa học tại các viện, trường.",
          "PGS.TS. Trần Thị Minh Châu",
          "chau.ttm@hcmus.edu.vn",
          true),
      item(
          FeedbackType.COMPLAINT,
          FeedbackField.DIGITAL_INFRASTRUCTURE,
          "laichau",
          "Vùng lõm sóng di động tại các xã biên giới",
          "Nhiều thôn bản ở xã biên giới chưa có sóng 4G ổn định, người dân không thực hiện được dịch vụ công "
              + "trực tuyến và thanh toán không dùng tiền mặt.",
          "Lò Văn Sính",
          "sinh.lv@gmail.com",
          false),
      item(
          FeedbackType.SOLUTION,
          FeedbackField.DATA_GOVERNANCE,
          "danang",
          "Giải pháp chia sẻ dữ liệu đất đai giữa cấp tỉnh và cấp xã",
          "Đề xuất kết nối cơ sở dữ liệu đất đai của tỉnh với nền tảng tích hợp, chia sẻ dữ liệu để cán bộ "
              + "cấp xã tra cứu trực tiếp, tránh yêu cầu người dân nộp lại giấy tờ đã có.",
          "Nguyễn Hoàng Phúc",
          "phuc.nh@danang.gov.vn",
          true),
      item(
          FeedbackType.RECOMMENDATION,
          FeedbackField.DIGITAL_SKILLS,
          "thainguyen",
          "Mở rộng lớp Bình dân học vụ số cho người cao tuổi",
          "Đề nghị tổ công nghệ số cộng đồng tổ chức thêm lớp hướng dẫn sử dụng VNeID và dịch vụ công trực "
              + "tuyến cho người cao tuổi vào cuối tuần.",
          "Hoàng Thị Nga",
          "nga.ht@thainguyen.edu.vn",
          true),
      item(
          FeedbackType.COMPLAINT,
          FeedbackField.INFORMATION_SECURITY,
          "national",
          "Tin nhắn giả mạo cơ quan nhà nước yêu cầu cập nhật định danh điện tử",
          "Gần đây xuất hiện nhiều tin nhắn giả mạo yêu cầu người dân bấm đường link để cập nhật tài khoản "
              + "định danh điện tử. Đề nghị cảnh báo rộng rãi và xử lý nghiêm.",
          "Phạm Đức Anh",
          "anh.pd@outlook.com",
          true),
      item(
          FeedbackType.RECOMMENDATION,
          FeedbackField.INSTITUTIONS,
          "national",
          "Sửa đổi quy định về tài sản trí tuệ hình thành từ ngân sách",
          "Kiến nghị cho phép tổ chức chủ trì được sở hữu kết quả nghiên cứu sử dụng ngân sách nhà nước để "
              + "thương mại hóa nhanh hơn.",
          "Viện Nghiên cứu Đổi mới sáng tạo",
          "vienphapche@nic.gov.vn",
          true),
      item(
          FeedbackType.ORDER,
          FeedbackField.DIGITAL_INFRASTRUCTURE,
          "langson",
          "Đặt hàng nền tảng giám sát hàng hóa qua cửa khẩu thông minh",
          "Tỉnh đề xuất đặt hàng doanh nghiệp công nghệ xây dựng nền tảng theo dõi xe hàng qua cửa khẩu, kết "
              + "nối dữ liệu hải quan và biên phòng.",
          "Sở Khoa học và Công nghệ tỉnh Lạng Sơn",
          "sokhcn@langson.gov.vn",
          false));

  @Override
  public void run(ApplicationArguments args) {
    int created = 0;
    for (int i = 0; i < ITEMS.size(); i++) {
      String key = "demo-feedback-" + (i + 1);
      // asked first: a key past its replay window, or stored before replays were checked, is
      // refused
      if (feedback.storedUnder(key)) {
        continue;
      }
      FeedbackService.Submitted submitted = feedback.submit(ITEMS.get(i), key, null);
      if (submitted.created()) {
        created++;
        advance(i + 1, submitted.receipt().code());
      }
    }
    log.info(
        "Demo data: {} feedback item(s) created, {} already present",
        created,
        ITEMS.size() - created);
  }

  /** Demo officer and leader of the agencies that have them in the realm. */
  private static final Map<String, List<String>> DEMO_STAFF = Map.of(
      "hanoi", List.of("canbo.hanoi", "lanhdao.hanoi"),
      "bkhcn", List.of("canbo.bkhcn", "lanhdao.bkhcn"));

  /**
   * So that each demo user finds work: of the first four items, routed where the routing table
   * proposes, one is answered and published, one waits for its sender, one is being drafted and one
   * waits for the agency to accept it; the rest wait for the standing office to classify them. So that
   * the supervisors' board has something to watch, the draft answer has been waiting 13 working days (its
   * budget is 10: overdue, and past the 2 days after which it goes to a supervisor), the acceptance 1 (of
   * 2) and the fifth item's routing 3 (budget 1: overdue).
   */
  private void advance(int item, String code) {
    if (item == 5) {
      progress.waitedSince(code, FeedbackHandling.TASK_CLASSIFY, SlaStage.ROUTE, 3);
    }
    if (item > 4) {
      return;
    }
    String agency = progress.classifyAsProposed(code);
    List<String> staff = DEMO_STAFF.get(agency);
    if (item == 4) {
      progress.waitedSince(code, FeedbackHandling.TASK_ACCEPT, SlaStage.ACCEPT, 1);
    }
    if (staff == null || item == 4) {
      return;
    }
    progress.accept(code, staff.get(0), agency);
    if (item == 1) {
      progress.answer(
          code,
          staff.get(0),
          staff.get(1),
          agency,
          "Cơ quan đã tiếp nhận hồ sơ thử nghiệm có kiểm soát ngày 05/9/2025 và sẽ trả kết quả trước ngày "
              + "15/12/2026. Đầu mối: Phòng Quản lý công nghệ, điện thoại 024 3825 6789.");
    } else if (item == 2) {
      progress.askSender(
          code, staff.get(0), agency, "Đề nghị cho biết tên đề tài và số hợp đồng khoa học đã ký.");
    } else {
      progress.waitedSince(code, FeedbackHandling.TASK_DRAFT_ANSWER, SlaStage.ANSWER, 13);
    }
  }
}
