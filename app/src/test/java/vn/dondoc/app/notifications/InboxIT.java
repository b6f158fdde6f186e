package vn.dondoc.app.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dondoc.app.support.Api;
import vn.dondoc.app.support.IntegrationTest;

/** The in-app inbox over the API, with tokens of the demo users from the real realm. */
class InboxIT extends IntegrationTest {

  @Autowired
  NotificationService notifications;

  @Autowired
  TransactionTemplate transaction;

  /** The caller's notifications of one case, by kind, as the API lists them. */
  private List<JsonNode> inboxOf(String user, String code) {
    Api.Response response = api().get("/api/v1/inbox?size=200", Api.token(user));
    assertThat(response.status()).as(response.raw().body()).isEqualTo(200);
    List<JsonNode> items = new ArrayList<>();
    response.json().path("items").forEach(item -> {
      if (item.path("caseCode").asText().equals(code)) {
        items.add(item);
      }
    });
    return items;
  }

  @Test
  void staffSeeTheirOwnAndTheirGroupsNotificationsAndReadThemEachForThemselves() {
    String code = NotificationsIT.caseCode();
    transaction.executeWithoutResult(s -> {
      notifications.notifyUser(
          code, "TEST_USER", "canbo.bkhcn", "Việc của chị Hương", "Nội dung riêng");
      notifications.notifyGroup(
          code, "TEST_GROUP", "agencies/bkhcn", "Việc của Bộ KH&CN", "Nội dung chung");
      notifications.notifyEmail(
          code, "TEST_EMAIL", "canbo.bkhcn@dondoc.local", "Thư", "Chỉ gửi thư");
    });

    List<JsonNode> officer = inboxOf("canbo.bkhcn", code);
    assertThat(officer)
        .extracting(item -> item.path("kind").asText())
        .containsExactly("TEST_GROUP", "TEST_USER");
    assertThat(officer)
        .extracting(item -> item.path("subject").asText())
        .contains("Việc của chị Hương");
    assertThat(inboxOf("lanhdao.bkhcn", code))
        .extracting(item -> item.path("kind").asText())
        .containsExactly("TEST_GROUP");
    assertThat(inboxOf("canbo.hanoi", code)).isEmpty();

    long unreadBefore = api()
        .get("/api/v1/inbox", Api.token("canbo.bkhcn"))
        .json()
        .path("unread")
        .asLong();
    String groupItem = officer.get(0).path("id").asText();
    assertThat(api()
            .postJson(
                "/api/v1/inbox/" + groupItem + "/read", "", Api.token("canbo.bkhcn"), Map.of())
            .status())
        .isEqualTo(204);
    assertThat(api()
            .postJson(
                "/api/v1/inbox/" + groupItem + "/read", "", Api.token("canbo.bkhcn"), Map.of())
            .status())
        .as("reading again is fine")
        .isEqualTo(204);

    assertThat(inboxOf("canbo.bkhcn", code).get(0).path("read").asBoolean()).isTrue();
    assertThat(api()
            .get("/api/v1/inbox", Api.token("canbo.bkhcn"))
            .json()
            .path("unread")
            .asLong())
        .isEqualTo(unreadBefore - 1);
    assertThat(inboxOf("lanhdao.bkhcn", code).get(0).path("read").asBoolean())
        .as("read per person")
        .isFalse();
    assertThat(api()
            .postJson(
                "/api/v1/inbox/" + groupItem + "/read", "", Api.token("canbo.hanoi"), Map.of())
            .status())
        .as("not theirs")
        .isEqualTo(404);
  }

  @Test
  void badRequestsAreRefusedNamingTheField() {
    String officer = Api.token("canbo.bkhcn");

    Api.Response tooMany = api().get("/api/v1/inbox?size=0", officer);
    assertThat(tooMany.status()).isEqualTo(400);
    assertThat(tooMany.json().path("errors").findValuesAsText("field")).containsExactly("size");
    Api.Response notAnId = api().postJson("/api/v1/inbox/abc/read", "", officer, Map.of());
    assertThat(notAnId.status()).isEqualTo(400);
    assertThat(notAnId.json().path("errors").findValuesAsText("field")).containsExactly("id");
    Api.Response unknown = api().postJson("/api/v1/inbox/999999999999/read", "", officer, Map.of());
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.contentType()).startsWith("application/problem+json");
    assertThat(api().get("/api/v1/inbox", null).status()).isEqualTo(401);
  }
}
