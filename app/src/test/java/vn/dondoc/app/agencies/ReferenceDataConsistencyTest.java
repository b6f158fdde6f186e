package vn.dondoc.app.agencies;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.dondoc.app.security.Roles;

/**
 * Agencies are listed in three places that must agree: the seed of the agency table, the Keycloak
 * realm's /agencies groups, and the handling-agency choices of the classification form.
 */
class ReferenceDataConsistencyTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path REALM =
      Path.of(System.getProperty("dondoc.repository", ".."), "docker/keycloak/realm-dondoc.json");

  private static Set<String> seededAgencies() {
    return ReferenceDataSeed.rows(ReferenceDataSeed.AGENCIES).stream()
        .map(row -> row.get(0))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void everySeededAgencyIsAKeycloakGroupAndViceVersa() throws IOException {
    JsonNode realm = JSON.readTree(REALM.toFile());
    Set<String> groups = new TreeSet<>();
    for (JsonNode group : realm.path("groups")) {
      if (group.path("name").asText().equals("agencies")) {
        group.path("subGroups").forEach(sub -> groups.add(sub.path("name").asText()));
      }
    }
    assertThat(groups).isEqualTo(seededAgencies());
  }

  @Test
  void theClassificationFormOffersExactlyTheSeededAgencies() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/forms/feedback-classification.form")) {
      JsonNode form = JSON.readTree(in);
      Set<String> offered = new TreeSet<>();
      for (JsonNode component : form.path("components")) {
        if (component.path("key").asText().equals("handlingAgency")) {
          component.path("values").forEach(v -> offered.add(v.path("value").asText()));
        }
      }
      assertThat(offered).isEqualTo(seededAgencies());
    }
  }

  @Test
  void everyRoleTheAppChecksExistsInTheRealmWithAGroupOfItsOwn() throws Exception {
    JsonNode realm = JSON.readTree(REALM.toFile());
    Set<String> realmRoles =
        new TreeSet<>(realm.path("roles").path("realm").findValuesAsText("name"));
    List<String> roleGroups = new ArrayList<>();
    realm.path("groups").forEach(g -> roleGroups.add(g.path("name").asText()));
    for (Field field : Roles.class.getFields()) {
      if (field.getType() == String.class) {
        String role = (String) field.get(null);
        assertThat(realmRoles).as("realm role").contains(role);
        assertThat(roleGroups)
            .as("group granting role %s (Camunda sees groups, not roles)", role)
            .contains(role);
      }
    }
  }

  @Test
  void localitiesAreTheThirtyFourProvincesAndCitiesPlusNationwide() {
    List<List<String>> rows = ReferenceDataSeed.rows(ReferenceDataSeed.LOCALITIES);
    assertThat(rows).hasSize(35);
    assertThat(rows.stream().filter(r -> r.get(2).equals("CITY")).count()).isEqualTo(6);
  }
}
