package vn.dondoc.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dondoc.app.support.Api;
import vn.dondoc.app.support.Feedback;
import vn.dondoc.app.support.IntegrationTest;

/**
 * Random and malformed input to every public endpoint: never a 5xx, never a stored row, never the
 * input's script echoed back as markup. Seeded, so a failure replays.
 */
class PublicEndpointFuzzIT extends IntegrationTest {

  private static final long SEED = 57_2024L;
  private static final String SCRIPT = "<script>alert(1)</script>";

  @Autowired
  JdbcClient jdbc;

  private final Random random = new Random(SEED);
  private int tried;

  @Test
  void publicEndpointsSurviveGarbage() {
    String code = api()
        .postJson("/api/v1/feedback", Api.toJson(Feedback.valid(Feedback.marker())))
        .json()
        .path("code")
        .asText();
    int feedbackBefore = count("feedback_item");
    int attachmentsBefore = count("attachment");

    for (int i = 0; i < 150; i++) {
      expectNoServerError(
          api().postJson("/api/v1/feedback", garbageJson(), null, Map.of()),
          "POST /api/v1/feedback");
      expectNoServerError(
          api()
              .postJson(
                  "/api/v1/public/feedback/" + code + "/reply",
                  garbageJson(),
                  null,
                  Map.of("X-Tracking-Secret", randomAscii(20))),
          "reply");
      expectNoServerError(
          api()
              .postJson(
                  "/api/v1/public/feedback/" + code + "/rating",
                  garbageJson(),
                  null,
                  Map.of("X-Tracking-Secret", randomAscii(20))),
          "rating");
      expectNoServerError(
          api()
              .get(
                  "/api/v1/public/feedback/" + Api.encode(randomText(12)),
                  null,
                  Map.of("X-Tracking-Secret", randomAscii(8))),
          "follow");
      expectNoServerError(
          api().get("/api/v1/public/answers/" + Api.encode(randomText(12)), null), "answers");
      expectNoServerError(
          api()
              .get(
                  "/api/v1/search?q=" + Api.encode(randomText(random.nextInt(300))) + "&page="
                      + Api.encode(randomText(3)) + "&size=" + Api.encode(randomText(3)),
                  null),
          "search");
      expectNoServerError(
          Api.send(api()
              .multipartRequest(
                  "/api/v1/attachments",
                  "file",
                  fileName(),
                  garbageBytes(),
                  randomMediaType(),
                  null)),
          "upload");
    }
    assertThat(count("feedback_item")).as("no junk feedback stored").isEqualTo(feedbackBefore);
    assertThat(count("attachment") - attachmentsBefore)
        .as("only files that passed the checks are staged")
        .isLessThanOrEqualTo(150);
    assertThat(tried).isEqualTo(150 * 7);
  }

  private void expectNoServerError(Api.Response response, String what) {
    tried++;
    assertThat(response.status())
        .as("%s answered %s", what, response.raw().body())
        .isLessThan(500);
    assertThat(response.raw().body()).as("%s reflects markup", what).doesNotContain(SCRIPT);
  }

  private String garbageJson() {
    return switch (random.nextInt(8)) {
      case 0 -> "";
      case 1 -> "{";
      case 2 -> "[1,2,3]";
      case 3 -> "{\"type\": 12, \"field\": [], \"locality\": {\"x\": 1}, \"title\": null}";
      case 4 ->
        Api.toJson(
            Map.of("title", SCRIPT + randomText(20000), "content", randomText(5), "rating", "năm"));
      case 5 ->
        "{\"contact\": {\"email\": \"" + randomText(300)
            + "\"}, \"attachments\": [{\"id\": \"../../etc/passwd\"}]}";
      case 6 -> "\u0000\u0001\uFFFF" + randomText(50);
      default ->
        Api.toJson(Map.of(
            "rating",
            random.nextInt(),
            "comment",
            randomText(random.nextInt(10000)),
            "reopen",
            "có"));
    };
  }

  private String randomText(int length) {
    String alphabet =
        "aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậđèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"
            + "<>\"'&;%/\\{}[]()=+-@#\u0000\u202E\uD83D\uDE00 ";
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      text.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return text.toString();
  }

  /** Header values: the HTTP client itself refuses anything else. */
  private String randomAscii(int length) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      text.append((char) (33 + random.nextInt(94)));
    }
    return text.toString();
  }

  private String fileName() {
    List<String> names = new ArrayList<>(List.of(
        "../../etc/passwd",
        "a.pdf",
        "ảnh chụp.png",
        "x.exe",
        "bom.zip",
        "script.svg",
        "%00.pdf",
        "con.txt",
        ""));
    return names.get(random.nextInt(names.size()))
        + (random.nextBoolean() ? "" : randomText(5).replace("\"", ""));
  }

  private byte[] garbageBytes() {
    return switch (random.nextInt(5)) {
      case 0 -> new byte[0];
      case 1 -> ("%PDF-1.7\n" + SCRIPT).getBytes(StandardCharsets.UTF_8);
      case 2 -> "<svg onload=alert(1)></svg>".getBytes(StandardCharsets.UTF_8);
      case 3 -> new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0};
      default -> {
        byte[] bytes = new byte[random.nextInt(4096)];
        random.nextBytes(bytes);
        yield bytes;
      }
    };
  }

  private String randomMediaType() {
    return List.of(
            "application/pdf",
            "image/png",
            "text/html",
            "application/x-msdownload",
            "application/zip")
        .get(random.nextInt(5));
  }

  private int count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
  }
}
