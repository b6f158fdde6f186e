package vn.dondoc.app.attachments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dondoc.app.support.Api;
import vn.dondoc.app.support.IntegrationTest;
import vn.dondoc.app.web.InvalidFieldException;

/** Uploads over HTTP against the running services; attaching through the service, as other capabilities do. */
class AttachmentApiIT extends IntegrationTest {

  /** An owner type no capability has a policy for, so only the oversight roles may read. */
  private static final String OWNER_TYPE = "it-no-policy";

  private static final HttpClient HTTP = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  @Autowired
  JdbcClient jdbc;

  @Autowired
  AttachmentService attachments;

  @Autowired
  TransactionTemplate transaction;

  @Test
  void anAnonymousPdfUploadIsStagedWithItsSha256() throws Exception {
    byte[] pdf = SampleFiles.pdf();
    String decomposedName = Normalizer.normalize("Báo cáo tiến độ.pdf", Normalizer.Form.NFD);

    Api.Response created = upload(decomposedName, pdf, "application/octet-stream");

    assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
    JsonNode body = created.json();
    String id = body.path("id").asText();
    assertThat(created.header("Location")).isEqualTo("/api/v1/attachments/" + id);
    assertThat(body.path("filename").asText()).isEqualTo("Báo cáo tiến độ.pdf");
    assertThat(body.path("contentType").asText()).isEqualTo("application/pdf");
    assertThat(body.path("sizeBytes").asLong()).isEqualTo(pdf.length);
    assertThat(body.path("sha256").asText()).isEqualTo(sha256(pdf));
    String token = body.path("uploadToken").asText();
    assertThat(token).hasSizeGreaterThanOrEqualTo(40);

    var row = jdbc.sql(
            "select content, upload_token_hash, owner_type, uploaded_by from attachment where id = ?")
        .param(UUID.fromString(id))
        .query()
        .singleRow();
    assertThat((byte[]) row.get("content")).isEqualTo(pdf);
    assertThat(row.get("upload_token_hash"))
        .isEqualTo(sha256(token.getBytes(StandardCharsets.UTF_8)));
    assertThat(row.get("owner_type")).isNull();
    assertThat(row.get("uploaded_by")).isNull();
  }

  @Test
  void aLoggedInUploaderIsRecorded() {
    Api.Response created =
        upload("Kế hoạch.docx", SampleFiles.docx(), "application/msword", Api.token("congdan"));
    assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
    assertThat(created.json().path("contentType").asText()).isEqualTo(FileType.DOCX.mediaType());
    assertThat(jdbc.sql("select uploaded_by from attachment where id = ?")
            .param(UUID.fromString(created.json().path("id").asText()))
            .query(String.class)
            .single())
        .isEqualTo("congdan");
  }

  static Stream<Arguments> badUploads() {
    byte[] oversized = new byte[10 * 1024 * 1024 + 1];
    System.arraycopy(SampleFiles.pdf(), 0, oversized, 0, SampleFiles.pdf().length);
    return Stream.of(
        Arguments.of(
            "a Windows program",
            "setup.exe",
            SampleFiles.concat(SampleFiles.ascii("MZ"), new byte[512]),
            "là chương trình hoặc tập lệnh"),
        Arguments.of(
            "HTML named as text",
            "trang.txt",
            SampleFiles.ascii("<html><script>alert(1)</script></html>"),
            "là HTML, SVG, XML hoặc tập lệnh"),
        Arguments.of("one byte over 10 MB", "lớn.pdf", oversized, "lớn hơn 10 MB"),
        Arguments.of("a zip bomb", "bom.docx", SampleFiles.zipBomb(), "khi giải nén quá lớn"),
        Arguments.of(
            "a PNG named as a PDF",
            "báo cáo.pdf",
            SampleFiles.png(),
            "phải có tên kết thúc bằng .png"),
        Arguments.of("an empty file", "trống.pdf", new byte[0], "là tệp rỗng"),
        Arguments.of(
            "a PDF that runs JavaScript",
            "quyết định.pdf",
            PdfFixtures.withJavaScript(),
            "là PDF có chứa JavaScript"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badUploads")
  void aBadUploadIsA400ProblemNamingTheFileAndStoresNothing(
      String what, String filename, byte[] content, String message) {
    long before = countAttachments();

    Api.Response response = upload(filename, content, "application/pdf");

    assertThat(response.status()).as(response.raw().body()).isEqualTo(400);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().path("errors").findValuesAsText("field")).containsExactly("file");
    assertThat(response.json().path("errors").get(0).path("message").asText()).startsWith(message);
    assertThat(countAttachments()).isEqualTo(before);
  }

  @Test
  void aRequestWithoutAFilePartNamesTheField() {
    Api.Response response = multipart("note", "x.txt", SampleFiles.utf8("x"), "text/plain", null);
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().path("errors").findValuesAsText("field")).containsExactly("file");
  }

  @Test
  void problemsSpeakEnglishWhenAskedTo() {
    Api.Response response = Api.send(
        multipartRequest("file", "setup.exe", SampleFiles.ascii("MZ"), "application/pdf", null)
            .header("Accept-Language", "en"));
    assertThat(response.json().path("title").asText()).isEqualTo("Invalid input");
    assertThat(response.json().path("errors").get(0).path("message").asText())
        .isEqualTo("is a program or script, which cannot be attached");
  }

  @Test
  void aStagedFileCannotBeDownloadedEvenByTheStandingOffice() {
    String id = upload("Báo cáo.pdf", SampleFiles.pdf(), "application/pdf")
        .json()
        .path("id")
        .asText();
    Api.Response response = api().get("/api/v1/attachments/" + id, Api.token("thuongtruc"));
    assertThat(response.status()).isEqualTo(404);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(api()
            .get("/api/v1/attachments/" + UUID.randomUUID(), Api.token("thuongtruc"))
            .status())
        .isEqualTo(404);
    assertThat(
            api().get("/api/v1/attachments/not-an-id", Api.token("thuongtruc")).status())
        .isEqualTo(404);
  }

  @Test
  void aWrongTokenCannotAttachSomeoneElsesUpload() {
    JsonNode staged =
        upload("Báo cáo.pdf", SampleFiles.pdf(), "application/pdf").json();
    UUID id = UUID.fromString(staged.path("id").asText());
    long owner = newOwnerId();

    assertThatThrownBy(() -> transaction.executeWithoutResult(status -> attachments.attach(
            List.of(
                new AttachmentClaim(id, staged.path("uploadToken").asText()),
                new AttachmentClaim(id, "guessed-token")),
            OWNER_TYPE,
            owner)))
        .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
          assertThat(e.field()).isEqualTo("attachments[1]");
          assertThat(e.messageKey()).isEqualTo("validation.attachment.claim-invalid");
        });
    // The failed claim rolled back the good one: the file is still staged, ready for a correct
    // attempt.
    assertThat(jdbc.sql("select count(*) from attachment where id = ? and owner_type is null")
            .param(id)
            .query(Long.class)
            .single())
        .isEqualTo(1);
  }

  @Test
  void aFileIsAttachedOnceAndAtMostFivePerCall() {
    JsonNode staged =
        upload("Báo cáo.pdf", SampleFiles.pdf(), "application/pdf").json();
    AttachmentClaim claim = new AttachmentClaim(
        UUID.fromString(staged.path("id").asText()), staged.path("uploadToken").asText());

    List<AttachmentRef> attached =
        transaction.execute(status -> attachments.attach(List.of(claim), OWNER_TYPE, newOwnerId()));
    assertThat(attached).extracting(AttachmentRef::filename).containsExactly("Báo cáo.pdf");

    assertThatThrownBy(() -> transaction.executeWithoutResult(
            status -> attachments.attach(List.of(claim), OWNER_TYPE, newOwnerId())))
        .isInstanceOfSatisfying(
            InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("attachments[0]"));
    assertThatThrownBy(() -> transaction.executeWithoutResult(
            status -> attachments.attach(Collections.nCopies(6, claim), OWNER_TYPE, newOwnerId())))
        .isInstanceOfSatisfying(
            InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("attachments"));
  }

  @Test
  void anAttachedFileIsServedToTheStandingOfficeAsADownloadAndHiddenFromOthers() throws Exception {
    byte[] pdf = SampleFiles.pdf();
    JsonNode staged = upload("Báo cáo tiến độ.pdf", pdf, "application/pdf").json();
    UUID id = UUID.fromString(staged.path("id").asText());
    long owner = newOwnerId();
    transaction.executeWithoutResult(status -> attachments.attach(
        List.of(new AttachmentClaim(id, staged.path("uploadToken").asText())), OWNER_TYPE, owner));
    assertThat(attachments.listFor(OWNER_TYPE, owner))
        .containsExactly(new AttachmentRef(
            id, "Báo cáo tiến độ.pdf", "application/pdf", pdf.length, sha256(pdf)));

    HttpResponse<byte[]> download = HTTP.send(
        HttpRequest.newBuilder(URI.create(base() + "/api/v1/attachments/" + id))
            .header("Authorization", "Bearer " + Api.token("thuongtruc"))
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());

    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(pdf);
    assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(download.headers().firstValue("Content-Disposition"))
        .hasValue(
            "attachment; filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20ti%E1%BA%BFn%20%C4%91%E1%BB%99.pdf");
    assertThat(download.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
    assertThat(download.headers().firstValue("Content-Security-Policy")).hasValue("sandbox");
    assertThat(download.headers().firstValue("ETag")).hasValue("\"" + sha256(pdf) + "\"");

    assertThat(api().get("/api/v1/attachments/" + id, Api.token("canbo.bkhcn")).status())
        .isEqualTo(404);
    assertThat(api().get("/api/v1/attachments/" + id, Api.token("congdan")).status())
        .isEqualTo(404);
    assertThat(api().get("/api/v1/attachments/" + id, null).status()).isEqualTo(401);
  }

  @Test
  void stagedUploadsOlderThanTheRetentionAreDeleted() {
    UUID old = UUID.fromString(
        upload("cũ.pdf", SampleFiles.pdf(), "application/pdf").json().path("id").asText());
    UUID fresh = UUID.fromString(upload("mới.pdf", SampleFiles.pdf(), "application/pdf")
        .json()
        .path("id")
        .asText());
    jdbc.sql("update attachment set uploaded_at = ? where id = ?")
        .params(Timestamp.from(Instant.now().minus(Duration.ofHours(25))), old)
        .update();

    attachments.deleteExpiredStagedUploads();

    List<UUID> left = jdbc.sql("select id from attachment where id in (?, ?)")
        .params(old, fresh)
        .query(UUID.class)
        .list();
    assertThat(left).containsExactly(fresh);
  }

  private long countAttachments() {
    return jdbc.sql("select count(*) from attachment").query(Long.class).single();
  }

  private static long newOwnerId() {
    return ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
  }

  private Api.Response upload(String filename, byte[] content, String declaredType) {
    return upload(filename, content, declaredType, null);
  }

  private Api.Response upload(String filename, byte[] content, String declaredType, String token) {
    return multipart("file", filename, content, declaredType, token);
  }

  private Api.Response multipart(
      String part, String filename, byte[] content, String declaredType, String token) {
    return Api.send(multipartRequest(part, filename, content, declaredType, token));
  }

  private HttpRequest.Builder multipartRequest(
      String part, String filename, byte[] content, String declaredType, String token) {
    return api()
        .multipartRequest("/api/v1/attachments", part, filename, content, declaredType, token);
  }

  private String base() {
    return "http://127.0.0.1:" + port;
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
