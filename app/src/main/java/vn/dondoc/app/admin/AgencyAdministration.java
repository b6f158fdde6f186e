package vn.dondoc.app.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dondoc.app.agencies.Agency;
import vn.dondoc.app.agencies.AgencyGroups;
import vn.dondoc.app.cases.AuditLog;
import vn.dondoc.app.search.SearchRefresh;
import vn.dondoc.app.web.ConflictException;
import vn.dondoc.app.web.Inputs;
import vn.dondoc.app.web.InvalidFieldException;
import vn.dondoc.app.web.NotFoundException;

/**
 * The agency table as administrators change it: add, edit (name, short name, kind, aliases for the directive
 * importer), deactivate, and merge one agency into another, which takes its cases, open workflow steps and
 * clocks along and keeps its names as aliases. Every change is in the audit trail under {@value #AUDIT_CASE}
 * with before and after. The database changes here; the realm's groups follow in {@link AgencyMirror}.
 */
@Service
public class AgencyAdministration {

  public static final String AUDIT_CASE = "AGENCY";
  /** The kinds of agency (the table's check constraint). */
  public static final List<String> KINDS =
      List.of("PARTY_BODY", "MINISTRY", "CENTRAL_BODY", "PROVINCE");

  static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{1,31}");
  static final int NAME_MAX = 200;
  static final int SHORT_NAME_MAX = 80;
  static final int ALIASES_MAX = 50;

  private final JdbcClient jdbc;
  private final AuditLog audit;
  private final SearchRefresh search;
  private final TaskService tasks;
  private final RuntimeService runtime;

  AgencyAdministration(
      JdbcClient jdbc,
      AuditLog audit,
      SearchRefresh search,
      TaskService tasks,
      RuntimeService runtime) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.search = search;
    this.tasks = tasks;
    this.runtime = runtime;
  }

  /** An agency row, in service or not (merged into {@code mergedInto}, or deactivated). */
  public record AgencyRow(
      String code,
      String name,
      String shortName,
      String kind,
      List<String> aliases,
      boolean active,
      String mergedInto) {
    public Agency agency() {
      return new Agency(code, name, shortName, kind, aliases);
    }

    /** The aliases as the form shows them, one per line. */
    public String aliasLines() {
      return String.join("\n", aliases);
    }

    Map<String, Object> audited() {
      Map<String, Object> values = new LinkedHashMap<>();
      values.put("code", code);
      values.put("name", name);
      values.put("shortName", shortName);
      values.put("kind", kind);
      values.put("aliases", aliases);
      values.put("active", active);
      values.put("mergedInto", mergedInto);
      return values;
    }
  }

  /** What an administrator typed for an agency; aliases one per line. */
  public record AgencyInput(
      String code, String name, String shortName, String kind, List<String> aliases) {}

  /**
   * What a merge or deactivation touches: the cases naming the agency (feedback it handles, tasks it leads or
   * co-operates on, extension requests, evidence, initiatives), its running clocks, its open workflow steps and
   * the people in its groups.
   */
  public record Effect(
      int feedback,
      int tasks,
      int cooperations,
      int extensions,
      int evidence,
      int initiatives,
      int runningClocks,
      int openSteps,
      int people) {
    public boolean openWork() {
      return runningClocks > 0 || openSteps > 0;
    }
  }

  public List<AgencyRow> all() {
    return jdbc.sql(
            "select code, name, short_name, kind, aliases, active, merged_into from agency order by not active, kind, name")
        .query((rs, n) -> new AgencyRow(
            rs.getString("code"),
            rs.getString("name"),
            rs.getString("short_name"),
            rs.getString("kind"),
            List.of((String[]) rs.getArray("aliases").getArray()),
            rs.getBoolean("active"),
            rs.getString("merged_into")))
        .list();
  }

  public Optional<AgencyRow> find(String code) {
    return all().stream().filter(row -> row.code().equals(code)).findFirst();
  }

  private AgencyRow existing(String code) {
    return find(code).orElseThrow(() -> new NotFoundException("agency.not-found"));
  }

  @Transactional
  public AgencyRow create(AgencyInput input, String actor) {
    String code = input.code() == null ? "" : input.code().strip();
    if (code.isEmpty()) {
      throw new InvalidFieldException("code", "validation.required");
    }
    if (!CODE.matcher(code).matches()) {
      throw new InvalidFieldException("code", "staff.admin.agencies.code-format");
    }
    if (find(code).isPresent()) {
      throw new InvalidFieldException("code", "staff.admin.agencies.code-taken");
    }
    AgencyRow row = checked(code, input, null);
    try {
      jdbc.sql("insert into agency (code, name, short_name, kind, aliases) values (?, ?, ?, ?, ?)")
          .params(
              row.code(),
              row.name(),
              row.shortName(),
              row.kind(),
              row.aliases().toArray(String[]::new))
          .update();
    } catch (DuplicateKeyException e) {
      // added by someone else since the check above
      throw new InvalidFieldException("code", "staff.admin.agencies.code-taken");
    }
    audit.record(
        AUDIT_CASE, "AGENCY_CREATED", actor, Map.of("agency", code, "after", row.audited()));
    return row;
  }

  /** Changes names, kind and aliases; a changed name stays an alias, so directives naming the agency the old way still match. */
  @Transactional
  public AgencyRow edit(String code, AgencyInput input, String actor) {
    AgencyRow before = existing(code);
    if (!before.active()) {
      throw new ConflictException("staff.admin.agencies.inactive");
    }
    AgencyRow typed = checked(code, input, code);
    Set<String> aliases = new LinkedHashSet<>(typed.aliases());
    if (!before.name().equals(typed.name())) {
      aliases.add(before.name());
    }
    AgencyRow after = new AgencyRow(
        code, typed.name(), typed.shortName(), typed.kind(), List.copyOf(aliases), true, null);
    jdbc.sql("update agency set name = ?, short_name = ?, kind = ?, aliases = ? where code = ?")
        .params(
            after.name(),
            after.shortName(),
            after.kind(),
            after.aliases().toArray(String[]::new),
            code)
        .update();
    audit.record(
        AUDIT_CASE,
        "AGENCY_EDITED",
        actor,
        Map.of("agency", code, "before", before.audited(), "after", after.audited()));
    return after;
  }

  /** What merging or deactivating the agency would touch; {@code people} as the realm counts them. */
  public Effect effect(String code, int people) {
    existing(code);
    return new Effect(
        count("select count(*) from feedback_item where handling_agency = ?", code),
        count("select count(*) from task where lead_agency = ?", code),
        count("select count(*) from task_cooperation where agency_code = ?", code),
        count("select count(*) from extension_request where agency = ?", code),
        count(
            "select count(*) from evidence_submission where agency = ? or verifier_agency = ?",
            code,
            code),
        count(
            "select count(*) from initiative where ordering_agency = ? or receiving_agency = ?",
            code,
            code),
        count(
            "select count(*) from sla_clock where (case_agency = ? or agency = ?) and state in ('RUNNING', 'PAUSED')",
            code,
            code),
        candidateTasks(code).size(),
        people);
  }

  /** Takes the agency out of service. Refused (409) while it has open work: that is merged into another agency instead. */
  @Transactional
  public AgencyRow deactivate(String code, String actor) {
    AgencyRow before = existing(code);
    if (!before.active()) {
      throw new ConflictException("staff.admin.agencies.inactive");
    }
    Effect effect = effect(code, 0);
    if (effect.openWork()) {
      throw new ConflictException("staff.admin.agencies.open-work");
    }
    jdbc.sql("update agency set active = false where code = ?").param(code).update();
    AgencyRow after = existing(code);
    audit.record(
        AUDIT_CASE,
        "AGENCY_DEACTIVATED",
        actor,
        Map.of("agency", code, "before", before.audited(), "after", after.audited()));
    return after;
  }

  /**
   * Merges agency {@code from} into {@code into} in one transaction: every case naming {@code from} names {@code into}
   * (the clocks follow their cases through the table's triggers), the open workflow steps of its groups become steps of
   * {@code into}'s groups and the running processes' agency variables follow, the search index learns of each case
   * ({@link SearchRefresh}), {@code from} is marked merged and its names become aliases of {@code into}.
   */
  @Transactional
  public Effect merge(String from, String into, String actor, int people) {
    AgencyRow target = checkMerge(from, into);
    AgencyRow source = existing(from);
    Effect effect = effect(from, people);
    enqueue(
        FEEDBACK,
        jdbc.sql(
                "update feedback_item set handling_agency = ? where handling_agency = ? returning id")
            .params(into, from)
            .query(Long.class)
            .list());
    List<Long> taskIds = new ArrayList<>(
        jdbc.sql("update task set lead_agency = ? where lead_agency = ? returning id")
            .params(into, from)
            .query(Long.class)
            .list());
    // a task that into already leads or co-operates on keeps one entry for it
    taskIds.addAll(
        jdbc.sql("""
            delete from task_cooperation c where c.agency_code = :from
              and (exists (select 1 from task_cooperation d where d.task_id = c.task_id and d.agency_code = :into)
                   or exists (select 1 from task t where t.id = c.task_id and t.lead_agency = :into))
            returning task_id""").param("from", from).param("into", into).query(Long.class).list());
    taskIds.addAll(jdbc.sql(
            "update task_cooperation set agency_code = ? where agency_code = ? returning task_id")
        .params(into, from)
        .query(Long.class)
        .list());
    enqueue(TASK, taskIds);
    enqueue(
        EXTENSION,
        jdbc.sql("update extension_request set agency = ? where agency = ? returning id")
            .params(into, from)
            .query(Long.class)
            .list());
    enqueue(
        EVIDENCE,
        jdbc.sql("""
            update evidence_submission set agency = case when agency = :from then :into else agency end,
              verifier_agency = case when verifier_agency = :from then :into else verifier_agency end
            where agency = :from or verifier_agency = :from returning id""").param("from", from).param("into", into).query(Long.class).list());
    enqueue(
        INITIATIVE,
        jdbc.sql("""
            update initiative set ordering_agency = case when ordering_agency = :from then :into else ordering_agency end,
              receiving_agency = case when receiving_agency = :from then :into else receiving_agency end
            where ordering_agency = :from or receiving_agency = :from returning id""").param("from", from).param("into", into).query(Long.class).list());
    jdbc.sql("update sla_clock set agency = ? where agency = ?")
        .params(into, from)
        .update();
    moveWorkflow(from, into);

    Set<String> aliases = new LinkedHashSet<>(target.aliases());
    aliases.add(source.name());
    aliases.add(source.shortName());
    aliases.addAll(source.aliases());
    aliases.remove(target.name());
    jdbc.sql("update agency set aliases = ? where code = ?")
        .params(aliases.toArray(String[]::new), into)
        .update();
    jdbc.sql("update agency set active = false, merged_into = ? where code = ?")
        .params(into, from)
        .update();
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("agency", from);
    detail.put("into", into);
    detail.put("before", source.audited());
    detail.put("after", existing(from).audited());
    detail.put("intoBefore", target.audited());
    detail.put("intoAfter", existing(into).audited());
    detail.put("effect", effect);
    audit.record(AUDIT_CASE, "AGENCY_MERGED", actor, detail);
    return effect;
  }

  /** The agency {@code from} may be merged into: another one in service (400 naming field {@code into} otherwise). */
  public AgencyRow checkMerge(String from, String into) {
    AgencyRow source = existing(from);
    if (!source.active()) {
      throw new ConflictException("staff.admin.agencies.inactive");
    }
    if (into == null || into.isBlank()) {
      throw new InvalidFieldException("into", "validation.required");
    }
    if (from.equals(into)) {
      throw new InvalidFieldException("into", "staff.admin.agencies.merge-self");
    }
    return find(into)
        .filter(AgencyRow::active)
        .orElseThrow(() -> new InvalidFieldException("into", "staff.admin.agencies.unknown"));
  }

  private static final String FEEDBACK = "feedback";
  private static final String TASK = "task";
  private static final String EXTENSION = "extension";
  private static final String EVIDENCE = "evidence";
  private static final String INITIATIVE = "initiative";

  /** Each moved case is projected again, with a raised version so that its new document wins. */
  private void enqueue(String caseType, List<Long> ids) {
    ids.stream().distinct().forEach(id -> search.caseChanged(caseType, id));
  }

  /** Open steps offered to the agency's groups go to {@code into}'s; running processes' agency variables follow. */
  private void moveWorkflow(String from, String into) {
    Map<String, String> groups = Map.of(
        AgencyGroups.PREFIX + from,
        AgencyGroups.PREFIX + into,
        AgencyGroups.leadersOf(from),
        AgencyGroups.leadersOf(into));
    for (Map<String, Object> link : jdbc.sql(
            "select task_id_, group_id_ from act_ru_identitylink where task_id_ is not null"
                + " and type_ = 'candidate' and group_id_ in (:groups)")
        .param("groups", groups.keySet())
        .query()
        .listOfRows()) {
      String taskId = (String) link.get("task_id_");
      tasks.addCandidateGroup(taskId, groups.get((String) link.get("group_id_")));
      tasks.deleteCandidateGroup(taskId, (String) link.get("group_id_"));
    }
    // the models name the agency of a step by variables such as handlingAgency, leadAgency,
    // verifierAgency
    for (Map<String, Object> variable : jdbc.sql(
            "select execution_id_, name_ from act_ru_variable where type_ = 'string'"
                + " and text_ = ? and lower(name_) like '%agency%' and execution_id_ is not null")
        .param(from)
        .query()
        .listOfRows()) {
      runtime.setVariableLocal(
          (String) variable.get("execution_id_"), (String) variable.get("name_"), into);
    }
  }

  private List<String> candidateTasks(String code) {
    return jdbc.sql(
            "select distinct task_id_ from act_ru_identitylink where task_id_ is not null and type_ = 'candidate'"
                + " and group_id_ in (?, ?)")
        .params(AgencyGroups.PREFIX + code, AgencyGroups.leadersOf(code))
        .query(String.class)
        .list();
  }

  private int count(String sql, Object... params) {
    return jdbc.sql(sql).params(params).query(Integer.class).single();
  }

  /** The typed values checked and tidied; {@code self} is the agency being edited (its own name is no clash). */
  private AgencyRow checked(String code, AgencyInput input, String self) {
    String name = Inputs.text(input.name(), "name", NAME_MAX);
    String shortName = Inputs.text(input.shortName(), "shortName", SHORT_NAME_MAX);
    String kind = input.kind() == null ? "" : input.kind().strip();
    if (kind.isEmpty()) {
      throw new InvalidFieldException("kind", "validation.required");
    }
    if (!KINDS.contains(kind)) {
      throw new InvalidFieldException("kind", "staff.admin.agencies.kind-unknown");
    }
    boolean nameTaken = all().stream()
        .anyMatch(
            row -> row.active() && !row.code().equals(self) && row.name().equalsIgnoreCase(name));
    if (nameTaken) {
      throw new InvalidFieldException("name", "staff.admin.agencies.name-taken");
    }
    Set<String> aliases = new LinkedHashSet<>();
    for (String alias : input.aliases() == null ? List.<String>of() : input.aliases()) {
      String tidy = alias == null ? "" : alias.strip();
      if (tidy.length() > NAME_MAX) {
        throw new InvalidFieldException("aliases", "validation.size.max.n", NAME_MAX);
      }
      if (!tidy.isEmpty() && !tidy.equals(name)) {
        aliases.add(tidy);
      }
    }
    if (aliases.size() > ALIASES_MAX) {
      throw new InvalidFieldException(
          "aliases", "staff.admin.agencies.too-many-aliases", ALIASES_MAX);
    }
    return new AgencyRow(code, name, shortName, kind, List.copyOf(aliases), true, null);
  }
}
