package vn.dondoc.app.directives;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.dondoc.app.support.Api;
import vn.dondoc.app.support.BrowserSession;
import vn.dondoc.app.support.Directives;
import vn.dondoc.app.support.IntegrationTest;
import vn.dondoc.app.tasks.TaskFilter;
import vn.dondoc.app.tasks.TaskRepository;
import vn.dondoc.app.time.HanoiTime;

/**
 * The desk's page endpoints as its script calls them, in a signed-in page session: a directive pasted as text
 * becomes a draft with its header read; a collective lead and an impossible date keep it from being issued (and
 * nothing is issued); a save over a stale version is a 409 naming who saved, and changes nothing; once fixed, the
 * directive and all its tasks are issued; the same directive uploaded again is recognised and not issued twice.
 * A scan is read in the background and its draft opens when the reading ends; a collective can be sent to all.
 */
class DirectiveDeskIT extends IntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired
  DirectiveIssuing issuing;

  @Autowired
  TaskRepository tasks;

  @Test
  void aDraftIsSavedWithoutOverwritingAndIssuedAllOrNothing() throws Exception {
    String symbol = Directives.freshSymbol();
    int year = LocalDate.now(HanoiTime.ZONE).getYear() + 1;
    String directive = """
        VĂN PHÒNG TRUNG ƯƠNG ĐẢNG
        Số: %1$s
        Hà Nội, ngày 14 tháng 11 năm 2025

        THÔNG BÁO KẾT LUẬN
        về việc đẩy mạnh chia sẻ dữ liệu giữa các cơ quan

        1. Bộ Khoa học và Công nghệ chủ trì, phối hợp với Bộ Tài chính xây dựng bộ chỉ số đo lường mức độ chia sẻ dữ liệu, hoàn thành trước ngày 30/6/%2$d.
        2. Các bộ, ngành, địa phương rà soát và công bố danh mục dữ liệu dùng chung, hoàn thành trong quý III/%2$d.
        3. Thành phố Hà Nội hoàn thành thí điểm kết nối dữ liệu dân cư với hệ thống y tế trước ngày 31/10/%2$d.
        """.formatted(symbol, year);
    String base = "http://127.0.0.1:" + port + DirectiveDeskPage.PATH;
    BrowserSession office = new BrowserSession();
    String page = office.loginAndOpen(base, "thuongtruc").body();
    assertThat(page).contains("Văn bản chỉ đạo");

    JsonNode upload = json(
        office.pagePost(
            base + "/nhap",
            page,
            "multipart/form-data; boundary=desk",
            multipart("text", directive)),
        200);
    String draftUrl = "http://127.0.0.1:" + port + upload.get("draft").asText();
    JsonNode draft = json(office.get(draftUrl + "/du-lieu"), 200);
    assertThat(draft.at("/header/type").asText()).isEqualTo("CONCLUSION_NOTICE");
    assertThat(draft.at("/header/number").asText()).isEqualTo(symbol);
    assertThat(draft.at("/header/date").asText()).isEqualTo("14/11/2025");
    assertThat(draft.at("/header/issuer").asText()).isEqualTo("VĂN PHÒNG TRUNG ƯƠNG ĐẢNG");
    ArrayNode rows = (ArrayNode) draft.get("rows");
    assertThat(rows).hasSize(3);
    assertThat(rows.get(0).get("lead").asText()).isEqualTo("bkhcn");
    // "trước ngày 30/6" is the day before (DOMAIN.md §2.1.6)
    assertThat(rows.get(0).get("dueDate").asText()).isEqualTo("29/06/" + year);
    assertThat(rows.get(1).hasNonNull("lead")).isFalse();
    assertThat(rows.get(1).get("collective").asText()).isEqualTo("CENTRAL_AND_LOCAL");
    assertThat(draft.get("version").asInt()).isEqualTo(1);

    // the collective lead is not issued as it stands; nothing is
    JsonNode refused = json(post(office, draftUrl + "/xem-truoc", page, version(1)), 400);
    assertThat(fields(refused)).containsExactly("rows[1].lead");
    assertThat(issuing.exists(symbol)).isFalse();

    // one person expands the collective into two agencies and writes an impossible date; the other,
    // still on version 1, saves after
    ObjectNode mine = JSON.createObjectNode().put("version", 1);
    mine.set("header", draft.get("header"));
    ArrayNode edited = mine.putArray("rows");
    edited.add(((ObjectNode) rows.get(0).deepCopy()).put("dueDate", "31/02/" + year));
    edited.add(((ObjectNode) rows.get(1).deepCopy())
        .put("id", "r10")
        .put("code", "2-bkhcn")
        .put("lead", "bkhcn")
        .putNull("collective"));
    edited.add(((ObjectNode) rows.get(1).deepCopy())
        .put("id", "r11")
        .put("code", "2-hanoi")
        .put("lead", "hanoi")
        .putNull("collective"));
    edited.add(rows.get(2));
    assertThat(json(post(office, draftUrl + "/luu", page, JSON.writeValueAsString(mine)), 200)
            .get("version")
            .asInt())
        .isEqualTo(2);

    ObjectNode theirs = JSON.createObjectNode().put("version", 1);
    theirs.set("header", draft.get("header"));
    theirs.putArray("rows").add(rows.get(2));
    JsonNode stale =
        json(post(office, draftUrl + "/luu", page, JSON.writeValueAsString(theirs)), 409);
    assertThat(stale.get("detail").asText()).contains("Trần Minh Đức", "chưa được lưu");
    assertThat(stale.at("/current/version").asInt()).isEqualTo(2);
    assertThat(stale.at("/current/rows")).hasSize(4);
    assertThat(json(office.get(draftUrl + "/du-lieu"), 200).get("rows")).hasSize(4);

    // every row's problem at once; nothing is issued
    JsonNode invalid = json(post(office, draftUrl + "/ban-hanh", page, version(2)), 400);
    assertThat(fields(invalid)).containsExactly("rows[0].dueDate");
    assertThat(invalid.get("errors").get(0).get("message").asText()).contains("dd/mm/yyyy");
    assertThat(issuing.exists(symbol)).isFalse();
    assertThat(tasks.find(new TaskFilter(symbol, null, null, null), null, 10, 0))
        .isEmpty();

    edited.set(0, ((ObjectNode) edited.get(0)).put("dueDate", "30/06/" + year));
    mine.put("version", 2);
    assertThat(json(post(office, draftUrl + "/luu", page, JSON.writeValueAsString(mine)), 200)
            .get("version")
            .asInt())
        .isEqualTo(3);
    JsonNode plan = json(post(office, draftUrl + "/xem-truoc", page, version(3)), 200);
    assertThat(plan.get("tasks").asInt()).isEqualTo(4);
    assertThat(plan.at("/perAgency/Bộ Khoa học và Công nghệ").asInt()).isEqualTo(2);
    assertThat(plan.at("/perAgency/Thành phố Hà Nội").asInt()).isEqualTo(2);

    JsonNode issued = json(post(office, draftUrl + "/ban-hanh", page, version(3)), 200);
    assertThat(issued.get("symbol").asText()).isEqualTo(symbol);
    assertThat(issued.get("tasks").asInt()).isEqualTo(4);
    assertThat(tasks.find(new TaskFilter(symbol, null, null, null), null, 10, 0))
        .extracting(t -> t.taskCode())
        .containsExactlyInAnyOrder(
            symbol + "/1", symbol + "/2-bkhcn", symbol + "/2-hanoi", symbol + "/3");
    // once issued, the desk shows the directive, not a draft: its symbol, title and "Đã ban hành"
    // with its date
    String issuedPage = office.get(draftUrl).body();
    assertThat(issuedPage)
        .contains(
            symbol + " về việc đẩy mạnh chia sẻ dữ liệu giữa các cơ quan", "Đã ban hành 14/11/2025")
        .doesNotContain("Bản nháp văn bản chỉ đạo");
    String listed = row(office.get(base).body(), symbol);
    assertThat(listed)
        .contains("về việc đẩy mạnh chia sẻ dữ liệu giữa các cơ quan", "Đã ban hành 14/11/2025")
        .doesNotContain("Đang soạn");
    // issued once: the draft is read-only and a second issue is refused as stale
    assertThat(json(post(office, draftUrl + "/ban-hanh", page, version(3)), 409)
            .at("/current/issuedSymbol")
            .asText())
        .isEqualTo(symbol);

    // the same directive uploaded again: recognised, what changed shown, not issued twice
    JsonNode again = json(
        office.pagePost(
            base + "/nhap",
            page,
            "multipart/form-data; boundary=desk",
            multipart("text", directive)),
        200);
    String againUrl = "http://127.0.0.1:" + port + again.get("draft").asText();
    JsonNode changes = json(office.get(againUrl + "/du-lieu"), 200).get("changes");
    assertThat(changes.get("symbol").asText()).isEqualTo(symbol);
    assertThat(changes.get("issuedTasks").asInt()).isEqualTo(4);
    assertThat(changes.get("removed"))
        .extracting(JsonNode::asText)
        .containsExactlyInAnyOrder("2-bkhcn", "2-hanoi");
    // the office moved task 1's date from the text's 29/06 to 30/06 before issuing: the text read
    // again differs there
    assertThat(changes.get("changed")).hasSize(1);
    assertThat(changes.at("/changed/0/code").asText()).isEqualTo("1");
    assertThat(changes.at("/changed/0/fields"))
        .extracting(JsonNode::asText)
        .containsExactly("deadline");
    assertThat(fields(json(post(office, againUrl + "/xem-truoc", page, version(1)), 400)))
        .contains("header.number");
  }

  @Test
  void theListHoldsEveryDirectiveNotOnlyTheDesksDrafts() throws Exception {
    // issued through the import API, as the demo data's 17-TB is, never drafted on the desk
    String symbol = Directives.freshSymbol();
    LocalDate due = LocalDate.now(HanoiTime.ZONE).plusMonths(2);
    assertThat(api()
            .postJson(
                "/api/v1/directives",
                Api.toJson(Directives.notice(
                    symbol,
                    List.of(
                        Directives.task("1", "bkhcn", due), Directives.task("2", "hanoi", due)))),
                Api.token("thuongtruc"),
                Map.of())
            .status())
        .isEqualTo(201);

    String base = "http://127.0.0.1:" + port + DirectiveDeskPage.PATH;
    BrowserSession office = new BrowserSession();
    String listed = row(office.loginAndOpen(base, "thuongtruc").body(), symbol);
    assertThat(listed)
        .contains(
            "Thông báo kết luận về nhiệm vụ, giải pháp trọng tâm năm 2026",
            "2 nhiệm vụ",
            "Đã ban hành 29/12/2025",
            "/giam-sat?directive=")
        .doesNotContain("Đang soạn");
  }

  @Test
  void aTitleWithNoEndIsCutShortAndFlaggedForChecking() throws Exception {
    int year = LocalDate.now(HanoiTime.ZONE).getYear() + 1;
    // pasted from a PDF viewer: no blank line anywhere, and the title runs on
    String text = "ỦY BAN NHÂN DÂN TỈNH LÀO CAI\nKẾ HOẠCH\n"
        + "triển khai chuyển đổi số trong các cơ quan đảng, chính quyền, Mặt trận Tổ quốc và các đoàn thể\n"
            .repeat(5)
        + "1. Sở Khoa học và Công nghệ chủ trì xây dựng kho dữ liệu dùng chung, hoàn thành trước ngày 30/6/"
        + year + ".\n";
    String base = "http://127.0.0.1:" + port + DirectiveDeskPage.PATH;
    BrowserSession office = new BrowserSession();
    String page = office.loginAndOpen(base, "thuongtruc").body();
    String draftUrl = "http://127.0.0.1:" + port
        + json(
                office.pagePost(
                    base + "/nhap",
                    page,
                    "multipart/form-data; boundary=desk",
                    multipart("text", text)),
                200)
            .get("draft")
            .asText();

    JsonNode draft = json(office.get(draftUrl + "/du-lieu"), 200);
    assertThat(draft.at("/header/title").asText())
        .startsWith("triển khai chuyển đổi số")
        .doesNotContain("Sở Khoa học")
        .hasSizeLessThanOrEqualTo(DirectiveHeaderReader.TITLE_LENGTH);
    assertThat(draft.at("/header/titleToCheck").asBoolean()).isTrue();
    assertThat(draft.get("rows")).hasSize(1);
    assertThat(office.get(draftUrl).body()).contains("id=\"header-title-hint\"", "đã bị cắt bớt");
  }

  @Test
  void aCollectiveSentToAllBecomesOneTaskPerAgencyOfItsKinds() throws Exception {
    String symbol = Directives.freshSymbol();
    int year = LocalDate.now(HanoiTime.ZONE).getYear() + 1;
    String base = "http://127.0.0.1:" + port + DirectiveDeskPage.PATH;
    BrowserSession office = new BrowserSession();
    String page = office.loginAndOpen(base, "thuongtruc").body();
    String text = "BỘ KHOA HỌC VÀ CÔNG NGHỆ\nSố: " + symbol
        + "\nHà Nội, ngày 02 tháng 12 năm 2025\n\nKẾ HOẠCH\nvề số hóa hồ sơ\n\n"
        + "1. Các bộ, ngành, địa phương hoàn thành số hóa hồ sơ lưu trữ trước ngày 31/12/" + year
        + ".\n";
    String draftUrl = "http://127.0.0.1:" + port
        + json(
                office.pagePost(
                    base + "/nhap",
                    page,
                    "multipart/form-data; boundary=desk",
                    multipart("text", text)),
                200)
            .get("draft")
            .asText();
    JsonNode draft = json(office.get(draftUrl + "/du-lieu"), 200);
    assertThat(draft.at("/header/type").asText()).isEqualTo("PLAN");
    int agencies = draft.at("/addressedToAll/CENTRAL_AND_LOCAL").asInt();
    assertThat(agencies).isGreaterThan(20);

    ObjectNode save = JSON.createObjectNode().put("version", 1);
    save.set("header", draft.get("header"));
    save.putArray("rows").add(((ObjectNode) draft.at("/rows/0").deepCopy()).put("sendToAll", true));
    json(post(office, draftUrl + "/luu", page, JSON.writeValueAsString(save)), 200);
    JsonNode plan = json(post(office, draftUrl + "/xem-truoc", page, version(2)), 200);
    assertThat(plan.get("tasks").asInt()).isEqualTo(agencies);
    assertThat(plan.at("/perAgency/Tỉnh Gia Lai").asInt()).isEqualTo(1);
    assertThat(plan.at("/perAgency/Văn phòng Chính phủ").asInt()).isEqualTo(1);
    // a party body is not one of "các bộ, ngành, địa phương"
    assertThat(plan.get("perAgency").has("Văn phòng Trung ương Đảng")).isFalse();
    assertThat(issuing.exists(symbol)).isFalse();
  }

  @Test
  void aScanIsReadInTheBackgroundAndItsDraftOpensWhenDone() throws Exception {
    int year = LocalDate.now(HanoiTime.ZONE).getYear() + 1;
    byte[] scan = DirectiveDocuments.scannedPdf(DirectiveDocuments.oneTaskNotice(year), 300);
    String base = "http://127.0.0.1:" + port + DirectiveDeskPage.PATH;
    BrowserSession office = new BrowserSession();
    String page = office.loginAndOpen(base, "thuongtruc").body();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(
        ("--desk\r\nContent-Disposition: form-data; name=\"file\"; filename=\"quet.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(scan);
    body.writeBytes("\r\n--desk--\r\n".getBytes(StandardCharsets.UTF_8));

    JsonNode job = json(
        office.pagePost(
            base + "/nhap", page, "multipart/form-data; boundary=desk", body.toByteArray()),
        200);
    assertThat(job.has("draft")).isFalse();
    assertThat(job.get("pages").asInt()).isEqualTo(1);
    for (int polls = 0; !job.has("draft"); polls++) {
      assertThat(polls).as("the reading of the scan ends").isLessThan(240);
      Thread.sleep(500);
      job = json(office.get("http://127.0.0.1:" + port + job.get("job").asText()), 200);
    }
    assertThat(job.get("pagesDone").asInt()).isEqualTo(1);
    JsonNode draft =
        json(office.get("http://127.0.0.1:" + port + job.get("draft").asText() + "/du-lieu"), 200);
    assertThat(draft.get("sourceName").asText()).isEqualTo("quet.pdf");
    assertThat(draft.at("/header/type").asText()).isEqualTo("CONCLUSION_NOTICE");
    assertThat(draft.at("/rows/0/lead").asText()).isEqualTo("btp");
    // "trước ngày 31/12" is the day before
    assertThat(draft.at("/rows/0/dueDate").asText()).isEqualTo("30/12/" + year);
  }

  @Test
  void otherRolesAreRefused() {
    String base = "http://127.0.0.1:" + port + DirectiveDeskPage.PATH;
    BrowserSession officer = new BrowserSession();
    HttpResponse<String> page = officer.loginAndOpen(base, "canbo.bkhcn");
    assertThat(page.statusCode()).isEqualTo(403);
    assertThat(officer.get(base + "/nhap/" + UUID.randomUUID()).statusCode()).isEqualTo(403);
  }

  /** The table row of the desk's list that names {@code symbol}. */
  private static String row(String page, String symbol) {
    int at = page.indexOf(">" + symbol + "<");
    assertThat(at).as("%s listed", symbol).isPositive();
    return page.substring(page.lastIndexOf("<tr", at), page.indexOf("</tr>", at));
  }

  private static HttpResponse<String> post(
      BrowserSession session, String url, String page, String body) {
    return session.pagePost(url, page, "application/json", body.getBytes(StandardCharsets.UTF_8));
  }

  private static String version(int version) {
    return "{\"version\":" + version + "}";
  }

  private static JsonNode json(HttpResponse<String> response, int status) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return JSON.readTree(response.body());
  }

  private static List<String> fields(JsonNode problem) {
    return problem.get("errors").findValuesAsText("field");
  }

  private static byte[] multipart(String field, String value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(("--desk\r\nContent-Disposition: form-data; name=\"" + field + "\"\r\n"
            + "Content-Type: text/plain; charset=UTF-8\r\n\r\n")
        .getBytes(StandardCharsets.UTF_8));
    out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
    out.writeBytes("\r\n--desk--\r\n".getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }
}
