package vn.dondoc.app.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import vn.dondoc.app.admin.AgencyAdministration.AgencyInput;
import vn.dondoc.app.admin.AgencyAdministration.AgencyRow;
import vn.dondoc.app.admin.AgencyAdministration.Effect;
import vn.dondoc.app.admin.AgencyRealm.AgencyGroup;
import vn.dondoc.app.cases.AuditLog;
import vn.dondoc.app.security.KeycloakAdminApi.KeycloakUnavailableException;

/**
 * Changes to agencies as the pages and the API make them: the table first (one transaction, audited), then its
 * mirror in the realm. The realm cannot join the database's transaction, so a realm that fails after the table
 * changed leaves a drift, which {@link #drift()} shows and {@link #repair} mends; the outcome says so.
 */
@Service
public class AgencyChanges {

  private static final Logger log = LoggerFactory.getLogger(AgencyChanges.class);

  private final AgencyAdministration table;
  private final AgencyRealm realm;
  private final AuditLog audit;

  AgencyChanges(AgencyAdministration table, AgencyRealm realm, AuditLog audit) {
    this.table = table;
    this.realm = realm;
    this.audit = audit;
  }

  /** A change made to the table; {@code realmSynced} false when Keycloak did not follow (see the drift page). */
  public record Outcome(AgencyRow agency, Effect effect, boolean realmSynced) {}

  public Outcome create(AgencyInput input, String actor) {
    AgencyRow row = table.create(input, actor);
    return new Outcome(row, null, inRealm(() -> realm.mirror(row.agency())));
  }

  public Outcome edit(String code, AgencyInput input, String actor) {
    AgencyRow row = table.edit(code, input, actor);
    return new Outcome(row, null, inRealm(() -> realm.mirror(row.agency())));
  }

  /** What deactivating or merging would touch, people included (from the realm; 0 when it does not answer). */
  public Effect effect(String code) {
    int people;
    try {
      people = realm.members(code).size();
    } catch (KeycloakUnavailableException e) {
      log.warn("Keycloak did not list the members of agency {}: {}", code, e.getMessage());
      people = 0;
    }
    return table.effect(code, people);
  }

  public Outcome deactivate(String code, String actor) {
    AgencyRow row = table.deactivate(code, actor);
    return new Outcome(row, null, inRealm(() -> realm.remove(code)));
  }

  /** Merges {@code from} into {@code into}; the people of {@code from}'s groups join {@code into}'s, as officers or leaders. */
  public Outcome merge(String from, String into, String actor) {
    Effect effect = table.merge(from, into, actor, effect(from).people());
    boolean synced = inRealm(() -> {
      table.find(into).ifPresent(target -> realm.mirror(target.agency()));
      realm.moveMembers(from, into);
    });
    return new Outcome(table.find(from).orElseThrow(), effect, synced);
  }

  /** A difference between the table and the realm; {@code repairable} false for a group the table does not know. */
  public record Drift(
      String code, String problem, String inTable, String inRealm, boolean repairable) {}

  /** Every difference between the agency table and the groups under /agencies. */
  public List<Drift> drift() {
    Map<String, AgencyGroup> groups = realm.groups();
    List<Drift> drift = new ArrayList<>();
    List<AgencyRow> rows = table.all();
    for (AgencyRow row : rows) {
      AgencyGroup group = groups.get(row.code());
      if (!row.active()) {
        if (group != null) {
          drift.add(new Drift(row.code(), "inactive-group", row.name(), group.displayName(), true));
        }
      } else if (group == null) {
        drift.add(new Drift(row.code(), "missing-group", row.name(), null, true));
      } else if (group.leadersId() == null) {
        drift.add(new Drift(row.code(), "missing-leaders", row.name(), group.displayName(), true));
      } else if (!row.name().equals(group.displayName())
          || !row.kind().equals(group.kind())
          || !AgencyRealm.leadersName(row.name()).equals(group.leadersDisplayName())) {
        drift.add(new Drift(row.code(), "name-differs", row.name(), group.displayName(), true));
      }
    }
    for (AgencyGroup group : groups.values()) {
      if (rows.stream().noneMatch(row -> row.code().equals(group.code()))) {
        drift.add(new Drift(group.code(), "unknown-group", null, group.displayName(), false));
      }
    }
    return drift;
  }

  /**
   * Mends every repairable difference, or those of one agency when {@code code} is given (a group of an agency merged
   * away hands its people to the agency it joined).
   */
  public List<Drift> repair(String code, String actor) {
    List<Drift> repaired = new ArrayList<>();
    for (Drift drift : drift()) {
      if (!drift.repairable() || (code != null && !code.equals(drift.code()))) {
        continue;
      }
      AgencyRow row = table.find(drift.code()).orElseThrow();
      if (row.active()) {
        realm.mirror(row.agency());
      } else if (row.mergedInto() != null
          && table.find(row.mergedInto()).filter(AgencyRow::active).isPresent()) {
        realm.moveMembers(row.code(), row.mergedInto());
      } else {
        realm.remove(row.code());
      }
      repaired.add(drift);
    }
    if (!repaired.isEmpty()) {
      audit.record(
          AgencyAdministration.AUDIT_CASE,
          "AGENCY_REALM_REPAIRED",
          actor,
          Map.of("repaired", repaired));
    }
    return repaired;
  }

  private static boolean inRealm(Runnable change) {
    try {
      change.run();
      return true;
    } catch (KeycloakUnavailableException | IllegalStateException e) {
      log.warn(
          "Keycloak did not follow an agency change (see the drift on the agencies page): {}",
          e.getMessage());
      return false;
    }
  }
}
