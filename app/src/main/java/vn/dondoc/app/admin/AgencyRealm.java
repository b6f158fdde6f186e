package vn.dondoc.app.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.dondoc.app.agencies.Agency;
import vn.dondoc.app.security.KeycloakAdminApi;

/**
 * The agencies' mirror in the realm: group {@code /agencies/<code>} (attributes displayName and kind) with its
 * subgroup {@code leaders}, kept by the app through Keycloak's admin API as the administration pages' service
 * account ({@code dondoc-admin}). Membership of these groups is what makes a person an officer or a leader of
 * an agency.
 */
@Component
public class AgencyRealm {

  static final String ROOT = "agencies";
  static final String LEADERS = "leaders";

  private final KeycloakAdminApi api;

  AgencyRealm(KeycloakAdminApi api) {
    this.api = api;
  }

  /** An agency's group as the realm has it. */
  public record AgencyGroup(
      String id,
      String code,
      String displayName,
      String kind,
      String leadersId,
      String leadersDisplayName) {}

  /** What the leaders' subgroup of an agency is called for people. */
  static String leadersName(String agencyName) {
    return "Lãnh đạo " + agencyName;
  }

  /** Every group under /agencies, by code. */
  public Map<String, AgencyGroup> groups() {
    Map<String, AgencyGroup> groups = new LinkedHashMap<>();
    for (JsonNode group : children(rootId())) {
      String id = group.path("id").asText();
      JsonNode leaders = null;
      if (group.path("subGroupCount").asInt(1) > 0) {
        for (JsonNode child : children(id)) {
          if (LEADERS.equals(child.path("name").asText())) {
            leaders = child;
          }
        }
      }
      groups.put(group.path("name").asText(), group(group, leaders));
    }
    return groups;
  }

  public Optional<AgencyGroup> group(String code) {
    return api.find("/group-by-path/" + path(code)).map(group -> {
      JsonNode leaders =
          api.find("/group-by-path/" + path(code) + "/" + LEADERS).orElse(null);
      return group(group, leaders);
    });
  }

  /** Creates the agency's group and its leaders' subgroup, or sets their names and kind: safe to repeat. */
  public void mirror(Agency agency) {
    Map<String, Object> attributes =
        Map.of("displayName", List.of(agency.name()), "kind", List.of(agency.kind()));
    Map<String, Object> leadersAttributes =
        Map.of("displayName", List.of(leadersName(agency.name())));
    String id = group(agency.code()).map(AgencyGroup::id).orElse(null);
    if (id == null) {
      api.postUnlessExists(
          "/groups/" + rootId() + "/children",
          Map.of("name", agency.code(), "attributes", attributes));
      id = group(agency.code()).orElseThrow().id();
    } else {
      api.put("/groups/" + id, Map.of("name", agency.code(), "attributes", attributes));
    }
    Optional<JsonNode> leaders = api.find("/group-by-path/" + path(agency.code()) + "/" + LEADERS);
    if (leaders.isEmpty()) {
      api.postUnlessExists(
          "/groups/" + id + "/children", Map.of("name", LEADERS, "attributes", leadersAttributes));
    } else {
      api.put(
          "/groups/" + leaders.get().path("id").asText(),
          Map.of("name", LEADERS, "attributes", leadersAttributes));
    }
  }

  /** Removes the agency's group with its subgroup (and so everyone's membership of them); none is fine. */
  public void remove(String code) {
    group(code).ifPresent(group -> api.delete("/groups/" + group.id()));
  }

  /** Usernames of the members of the agency's group or its leaders' group, each once. */
  public Set<String> members(String code) {
    Set<String> usernames = new LinkedHashSet<>();
    group(code).ifPresent(group -> {
      groupMembers(group.id())
          .forEach(user -> usernames.add(user.path("username").asText()));
      if (group.leadersId() != null) {
        groupMembers(group.leadersId())
            .forEach(user -> usernames.add(user.path("username").asText()));
      }
    });
    return usernames;
  }

  /**
   * Gives everyone of agency {@code from} the same membership of agency {@code into} (officers stay officers, leaders
   * leaders), then removes group {@code from}. Returns how many people moved.
   */
  public int moveMembers(String from, String into) {
    Optional<AgencyGroup> source = group(from);
    if (source.isEmpty()) {
      return 0;
    }
    AgencyGroup target =
        group(into).orElseThrow(() -> new IllegalStateException("no group for agency " + into));
    Set<String> moved = new LinkedHashSet<>();
    for (JsonNode user : groupMembers(source.get().id())) {
      api.put("/users/" + user.path("id").asText() + "/groups/" + target.id(), null);
      moved.add(user.path("id").asText());
    }
    if (source.get().leadersId() != null && target.leadersId() != null) {
      for (JsonNode user : groupMembers(source.get().leadersId())) {
        api.put("/users/" + user.path("id").asText() + "/groups/" + target.leadersId(), null);
        moved.add(user.path("id").asText());
      }
    }
    api.delete("/groups/" + source.get().id());
    return moved.size();
  }

  private List<JsonNode> groupMembers(String groupId) {
    List<JsonNode> users = new ArrayList<>();
    api.get("/groups/" + groupId + "/members?briefRepresentation=true&max=10000")
        .forEach(users::add);
    return users;
  }

  private List<JsonNode> children(String groupId) {
    List<JsonNode> children = new ArrayList<>();
    api.get("/groups/" + groupId + "/children?briefRepresentation=false&max=10000")
        .forEach(children::add);
    return children;
  }

  /** The id of /agencies, created when the realm has none. */
  private String rootId() {
    return api.find("/group-by-path/" + ROOT)
        .map(group -> group.path("id").asText())
        .orElseGet(() -> {
          api.postUnlessExists(
              "/groups",
              Map.of(
                  "name", ROOT, "attributes", Map.of("displayName", List.of("Cơ quan, đơn vị"))));
          return api.get("/group-by-path/" + ROOT).path("id").asText();
        });
  }

  private static String path(String code) {
    return ROOT + "/" + KeycloakAdminApi.encode(code);
  }

  private static AgencyGroup group(JsonNode group, JsonNode leaders) {
    return new AgencyGroup(
        group.path("id").asText(),
        group.path("name").asText(),
        group.path("attributes").path("displayName").path(0).asText(null),
        group.path("attributes").path("kind").path(0).asText(null),
        leaders == null ? null : leaders.path("id").asText(),
        leaders == null
            ? null
            : leaders.path("attributes").path("displayName").path(0).asText(null));
  }
}
