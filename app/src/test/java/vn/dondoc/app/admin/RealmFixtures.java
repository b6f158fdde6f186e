package vn.dondoc.app.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import vn.dondoc.app.security.KeycloakAdminApi;

/**
 * Users and agencies of one test in the realm the test runs share: random names, and everything made here is
 * deleted by {@link #cleanUp} (the demo users and groups are never touched).
 */
final class RealmFixtures {

  static final String PASSWORD = "Thu-nghiem-2026";

  private final KeycloakAdminApi api;
  private final List<String> users = new ArrayList<>();
  private final List<String> agencies = new ArrayList<>();

  RealmFixtures(KeycloakAdminApi api) {
    this.api = api;
  }

  /** A fresh agency code such as {@code it-kqzfmw}, its group removed on clean-up. */
  String agencyCode() {
    String code = "it-" + random(6);
    agencies.add(code);
    return code;
  }

  /** A user with {@link #PASSWORD}, a complete profile and the given group paths, e.g. /agency-officer. */
  String user(String... groups) {
    String username = "it-" + random(8);
    String id = api.post(
        "/users",
        Map.of(
            "username",
            username,
            "enabled",
            true,
            "emailVerified",
            true,
            "firstName",
            "Nguyễn Văn",
            "lastName",
            "Thử",
            "email",
            username + "@thu-nghiem.dondoc.vn",
            "credentials",
            List.of(Map.of("type", "password", "value", PASSWORD, "temporary", false)),
            "groups",
            List.of(groups)));
    users.add(id);
    return username;
  }

  /** A user the product created in the test, deleted on clean-up. */
  void track(String username) {
    api.get("/users?exact=true&username=" + username)
        .forEach(user -> users.add(user.path("id").asText()));
  }

  /** Group paths of a user, e.g. /agencies/it-abc. */
  List<String> groupsOf(String username) {
    String id =
        api.get("/users?exact=true&username=" + username).path(0).path("id").asText();
    List<String> paths = new ArrayList<>();
    api.get("/users/" + id + "/groups?briefRepresentation=false")
        .forEach(group -> paths.add(group.path("path").asText()));
    return paths;
  }

  boolean groupExists(String path) {
    return api.find("/group-by-path/" + path).isPresent();
  }

  void cleanUp() {
    users.forEach(id -> api.delete("/users/" + id));
    for (String code : agencies) {
      api.find("/group-by-path/agencies/" + code)
          .ifPresent(group -> api.delete("/groups/" + group.path("id").asText()));
    }
    users.clear();
    agencies.clear();
  }

  private static String random(int length) {
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < length; i++) {
      word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
    }
    return word.toString();
  }
}
