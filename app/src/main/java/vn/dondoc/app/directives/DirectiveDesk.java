package vn.dondoc.app.directives;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dondoc.app.agencies.Agency;
import vn.dondoc.app.agencies.ReferenceData;
import vn.dondoc.app.directives.AgencyMatcher.Generic;
import vn.dondoc.app.directives.DeskDrafts.Draft;
import vn.dondoc.app.directives.DeskDrafts.HeaderFields;
import vn.dondoc.app.directives.DeskDrafts.Row;
import vn.dondoc.app.directives.DirectiveIssuing.IssueRequest;
import vn.dondoc.app.directives.DirectiveIssuing.Issued;
import vn.dondoc.app.tasks.EvidenceLevel;
import vn.dondoc.app.tasks.TaskField;
import vn.dondoc.app.tasks.TaskFilter;
import vn.dondoc.app.tasks.TaskIssuing;
import vn.dondoc.app.tasks.TaskRecord;
import vn.dondoc.app.tasks.TaskRepository;
import vn.dondoc.app.tasks.TaskSpec;
import vn.dondoc.app.time.DeadlineParser;
import vn.dondoc.app.time.DisplayDates;
import vn.dondoc.app.time.HanoiTime;
import vn.dondoc.app.web.FieldProblems;
import vn.dondoc.app.web.Inputs;
import vn.dondoc.app.web.InvalidFieldException;
import vn.dondoc.app.web.NotFoundException;

/**
 * The standing office's directive desk: a directive read from its document into a draft (header and task rows),
 * saved over several sittings by several people without one silently overwriting another, and issued all or
 * nothing through {@link DirectiveIssuing} once every row names a real agency and a valid date.
 */
@Service
class DirectiveDesk {

  /** Row kinds: a deadline, a periodic report, recurring work, or none (issued as recurring, without reports). */
  static final Set<String> KINDS = Set.of("DEADLINE", "PERIODIC_REPORT", "RECURRING", "NONE");

  /**
   * The agency kinds a collective stands for when a person addresses a task to all of them; collectives not
   * here ("các cơ quan liên quan", "Chính phủ") must be expanded by hand.
   */
  static final Map<Generic, Set<String>> ADDRESSED_TO_ALL = Map.of(
      Generic.CENTRAL_AND_LOCAL, Set.of("MINISTRY", "CENTRAL_BODY", "PROVINCE"),
      Generic.ALL_MINISTRIES, Set.of("MINISTRY", "CENTRAL_BODY"),
      Generic.ALL_PROVINCES, Set.of("PROVINCE"),
      Generic.PARTY_AND_STATE, Set.of("PARTY_BODY", "MINISTRY", "CENTRAL_BODY", "PROVINCE"));

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter DAY_SHORT =
      DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);

  private final DeskDrafts drafts;
  private final DirectiveImport directiveImport;
  private final DirectiveIssuing issuing;
  private final DirectiveRepository directives;
  private final TaskIssuing taskIssuing;
  private final TaskRepository tasks;
  private final ReferenceData referenceData;
  private final Clock clock;

  DirectiveDesk(
      DeskDrafts drafts,
      DirectiveImport directiveImport,
      DirectiveIssuing issuing,
      DirectiveRepository directives,
      TaskIssuing taskIssuing,
      TaskRepository tasks,
      ReferenceData referenceData,
      Clock clock) {
    this.drafts = drafts;
    this.directiveImport = directiveImport;
    this.issuing = issuing;
    this.directives = directives;
    this.taskIssuing = taskIssuing;
    this.tasks = tasks;
    this.referenceData = referenceData;
    this.clock = clock;
  }

  /** Someone saved or issued the draft since the caller loaded {@code version}; {@code current} is what they made of it. */
  static final class DraftChangedException extends RuntimeException {
    private final transient Draft current;

    DraftChangedException(Draft current) {
      super("directive draft " + current.id() + " changed");
      this.current = current;
    }

    Draft current() {
      return current;
    }
  }

  /** What issuing would do: the request, and how many tasks each agency receives (agency name → count, most first). */
  record Plan(IssueRequest request, Map<String, Integer> perAgency) {}

  /** A task of the issued directive that the draft changes, with what changed ("content", "lead", "deadline"). */
  record ChangedTask(String code, List<String> fields) {}

  /** The same directive issued before (same symbol): when, how many tasks, and what the draft adds, removes or changes. */
  record Changes(
      String symbol,
      LocalDate issuedOn,
      int issuedTasks,
      List<String> added,
      List<String> removed,
      List<ChangedTask> changed) {}

  /** Reads the document's text into a new draft; {@code job} is the scan's reading that produced it, if any. */
  long create(String text, String sourceName, UUID job, String actor) {
    List<DraftTask> read = directiveImport.drafts(text, "file");
    DirectiveHeaderReader.Header header = DirectiveHeaderReader.read(text);
    HeaderFields fields = new HeaderFields(
        header.type() == null ? null : header.type().code(),
        header.number(),
        header.date() == null ? null : DisplayDates.DAY.format(header.date()),
        header.issuer(),
        header.title(),
        header.date() == null ? header.dateText() : null,
        header.titleCut() ? Boolean.TRUE : null);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < read.size(); i++) {
      rows.add(row("r" + (i + 1), read.get(i)));
    }
    return drafts.insert(fields, rows, text, sourceName, job, actor, clock.instant());
  }

  private static Row row(String id, DraftTask task) {
    DeadlineParser.Deadline deadline = task.deadline();
    String kind = switch (deadline.kind()) {
      case RECURRING -> "RECURRING";
      case PERIODIC_REPORT -> "PERIODIC_REPORT";
      case DEADLINE -> deadline.dueDate() == null && !deadline.recognised() ? "NONE" : "DEADLINE";
    };
    TaskField field = task.proposedField();
    DraftTask.Lead lead = task.lead();
    return new Row(
        id,
        task.code(),
        task.headings().isEmpty() ? null : task.headings().get(0),
        (field == null ? TaskField.DIRECTION : field).code(),
        task.content(),
        lead == null ? null : lead.text(),
        lead == null ? null : lead.agency(),
        lead == null || lead.generic() == null ? null : lead.generic().name(),
        false,
        List.copyOf(task.coOperating()),
        deadline.text(),
        deadline.dueDate() == null ? null : DisplayDates.DAY.format(deadline.dueDate()),
        kind,
        task.expectedProduct(),
        // the lowest level (a document issued) until the office says what the task must show
        EvidenceLevel.L1.code(),
        List.copyOf(task.flags()));
  }

  Draft draft(long id) {
    return drafts.find(id).orElseThrow(() -> new NotFoundException("desk.draft.not-found"));
  }

  /** The draft a scan's reading made. */
  long draftOfJob(UUID job) {
    return drafts
        .byJob(job)
        .orElseThrow(() -> new NotFoundException("directive.import-job.not-found"));
  }

  /** The draft at {@code version}, or the change that made it stale. */
  private Draft current(long id, int version) {
    Draft draft = draft(id);
    if (draft.version() != version || draft.issuedSymbol() != null) {
      throw new DraftChangedException(draft);
    }
    return draft;
  }

  /** Saves the header and rows over {@code version}; the new version. A stale version changes nothing. */
  int save(long id, int version, HeaderFields header, List<Row> rows, String actor) {
    if (header == null) {
      throw new InvalidFieldException("header", "validation.required");
    }
    if (rows == null) {
      throw new InvalidFieldException("rows", "validation.required");
    }
    if (rows.size() > DirectiveIssuing.MAX_TASKS) {
      throw new InvalidFieldException(
          "rows", "validation.tasks.too-many", DirectiveIssuing.MAX_TASKS);
    }
    current(id, version);
    return drafts
        .save(id, version, header, rows, actor, clock.instant())
        .orElseThrow(() -> new DraftChangedException(draft(id)));
  }

  /** Checks the whole draft at {@code version} and says what issuing it would do; every problem at once. */
  Plan plan(long id, int version) {
    return plan(current(id, version));
  }

  /** Issues the draft at {@code version}: the directive and all its tasks, or nothing. */
  @Transactional
  Issued issue(long id, int version, String actor) {
    Plan plan = plan(current(id, version));
    Issued issued = issuing.issue(plan.request(), actor);
    if (!drafts.markIssued(id, version, issued.symbol())) {
      throw new DraftChangedException(draft(id));
    }
    return issued;
  }

  /** How many agencies a collective stands for when addressed to all (collectives that cannot be are left out). */
  Map<String, Integer> addressedToAll() {
    List<Agency> agencies = referenceData.agencies();
    Map<String, Integer> counts = new LinkedHashMap<>();
    ADDRESSED_TO_ALL.forEach((generic, kinds) -> counts.put(generic.name(), (int)
        agencies.stream().filter(a -> kinds.contains(a.kind())).count()));
    return counts;
  }

  private Plan plan(Draft draft) {
    FieldProblems problems = new FieldProblems();
    HeaderFields header = draft.header();
    DirectiveType type = Arrays.stream(DirectiveType.values())
        .filter(t -> t.code().equals(header.type()))
        .findFirst()
        .orElse(null);
    if (type == null) {
      problems.add("header.type", "validation.required");
    }
    String number = problems.check(() -> Inputs.text(header.number(), "header.number", 60));
    if (number != null && !DirectiveImport.NUMBER.matcher(number).matches()) {
      problems.add("header.number", "validation.directive.number");
      number = null;
    } else if (number != null && issuing.exists(number)) {
      problems.add("header.number", "validation.desk.already-issued", number);
    }
    LocalDate issuedOn = date(header.date());
    LocalDate today = LocalDate.now(clock.withZone(HanoiTime.ZONE));
    if (header.date() == null || header.date().isBlank()) {
      problems.add("header.date", "validation.required");
    } else if (issuedOn == null) {
      problems.add("header.date", "validation.desk.date");
    } else if (issuedOn.isAfter(today)) {
      problems.add("header.date", "validation.date.future");
    }
    String issuer = problems.check(() -> Inputs.text(header.issuer(), "header.issuer", 200));
    String title = problems.check(() -> Inputs.text(header.title(), "header.title", 1000));
    if (draft.rows().isEmpty()) {
      problems.add("rows", "validation.required");
    }
    Map<String, Agency> agencies = referenceData.agencies().stream()
        .collect(Collectors.toMap(Agency::code, Function.identity()));
    List<TaskSpec> specs = new ArrayList<>();
    Set<String> codes = new HashSet<>();
    for (int i = 0; i < draft.rows().size(); i++) {
      Row row = draft.rows().get(i);
      String at = "rows[" + i + "].";
      checkRow(row, at, agencies, problems);
      for (TaskSpec spec : specs(row, agencies)) {
        if (spec.code() != null && !codes.add(spec.code())) {
          problems.add(at + "code", "validation.task.code-taken", spec.code());
          continue;
        }
        String prefix = number;
        problems.check(() -> remapped(() -> taskIssuing.check(List.of(spec), prefix, "task"), at));
        specs.add(spec);
      }
    }
    problems.throwIfAny();
    Map<String, Integer> perAgency = new LinkedHashMap<>();
    specs.stream()
        .collect(Collectors.groupingBy(TaskSpec::leadAgency, Collectors.counting()))
        .entrySet()
        .stream()
        .sorted(Map.Entry.<String, Long>comparingByValue()
            .reversed()
            .thenComparing(Map.Entry.comparingByKey()))
        .forEach(
            e -> perAgency.put(agencies.get(e.getKey()).name(), e.getValue().intValue()));
    return new Plan(new IssueRequest(type, number, issuedOn, issuer, title, specs), perAgency);
  }

  /** The checks the task rules do not make: a collective lead not yet resolved, the row's date and kind. */
  private static void checkRow(
      Row row, String at, Map<String, Agency> agencies, FieldProblems problems) {
    if (row.sendToAll()) {
      if (generic(row.collective()) == null
          || !ADDRESSED_TO_ALL.containsKey(generic(row.collective()))) {
        problems.add(at + "lead", "validation.desk.send-all-unavailable");
      }
    } else if (row.lead() == null || row.lead().isBlank()) {
      problems.add(
          at + "lead",
          row.collective() != null ? "validation.desk.collective-lead" : "validation.required");
    } else if (!agencies.containsKey(row.lead())) {
      problems.add(at + "lead", "validation.agency.unknown", row.lead());
    }
    if (!KINDS.contains(String.valueOf(row.kind()))) {
      problems.add(at + "kind", "validation.required");
    } else if ("DEADLINE".equals(row.kind())) {
      if (row.dueDate() == null || row.dueDate().isBlank()) {
        problems.add(at + "dueDate", "validation.task.deadline-required");
      } else if (date(row.dueDate()) == null) {
        problems.add(at + "dueDate", "validation.desk.date");
      }
    }
  }

  /**
   * The row as tasks: one, or one per agency of the collective's kinds when it is addressed to all (their codes
   * suffixed with the agency's code). Lenient: what is missing stays null for the checks to name.
   */
  private static List<TaskSpec> specs(Row row, Map<String, Agency> agencies) {
    List<String> leads;
    if (row.sendToAll()) {
      Set<String> kinds = ADDRESSED_TO_ALL.getOrDefault(generic(row.collective()), Set.of());
      leads = agencies.values().stream()
          .filter(a -> kinds.contains(a.kind()))
          .map(Agency::code)
          .sorted()
          .toList();
    } else {
      leads = row.lead() == null || row.lead().isBlank() ? List.of() : List.of(row.lead());
    }
    String kind = row.kind() == null ? "" : row.kind();
    boolean recurring = !"DEADLINE".equals(kind);
    Boolean reportsMonthly = recurring ? !"NONE".equals(kind) : null;
    LocalDate due = recurring ? null : date(row.dueDate());
    TaskField field = Arrays.stream(TaskField.values())
        .filter(f -> f.code().equals(row.field()))
        .findFirst()
        .orElse(null);
    EvidenceLevel level = Arrays.stream(EvidenceLevel.values())
        .filter(l -> l.code().equals(row.evidenceLevel()))
        .findFirst()
        .orElse(null);
    List<TaskSpec> specs = new ArrayList<>();
    for (String lead : leads) {
      List<String> cooperating = row.coOperating() == null
          ? List.of()
          : row.coOperating().stream().filter(c -> !c.equals(lead)).distinct().toList();
      String code =
          row.sendToAll() && row.code() != null ? row.code().strip() + "-" + lead : row.code();
      specs.add(new TaskSpec(
          code,
          row.section(),
          field,
          row.content(),
          recurring,
          reportsMonthly,
          lead,
          cooperating,
          recurring ? null : row.deadlineText(),
          due,
          row.expectedProduct(),
          level));
    }
    return specs;
  }

  /** The task rules' refusal named as the page names the row's fields. */
  private static <T> T remapped(java.util.function.Supplier<T> check, String at) {
    try {
      return check.get();
    } catch (InvalidFieldException e) {
      String field = e.field().replaceFirst("^task\\[0\\]\\.", "").replaceFirst("\\[\\d+\\]$", "");
      String named = switch (field) {
        case "leadAgency" -> "lead";
        case "cooperatingAgencies" -> "coOperating";
        case "deadline" -> "dueDate";
        default -> field;
      };
      throw new InvalidFieldException(at + named, e.messageKey(), e.arguments());
    }
  }

  private static Generic generic(String name) {
    return Arrays.stream(Generic.values())
        .filter(g -> g.name().equals(name))
        .findFirst()
        .orElse(null);
  }

  /** dd/MM/yyyy (or d/M/yyyy) as a real day; null otherwise. */
  static LocalDate date(String written) {
    if (written == null || written.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(written.strip(), written.strip().length() == 10 ? DAY : DAY_SHORT);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** The directive with the draft's symbol when it was issued before, with what the draft would change; empty otherwise. */
  Optional<Changes> changes(Draft draft) {
    String symbol =
        draft.header().number() == null ? "" : draft.header().number().strip();
    Optional<DirectiveRepository.Directive> issued =
        symbol.isEmpty() ? Optional.empty() : directives.findBySymbol(symbol);
    if (issued.isEmpty() || symbol.equals(draft.issuedSymbol())) {
      return Optional.empty();
    }
    Map<String, TaskRecord> before = new LinkedHashMap<>();
    tasks
        .find(new TaskFilter(symbol, null, null, null), null, DirectiveIssuing.MAX_TASKS, 0)
        .forEach(task -> before.put(task.taskCode().substring(symbol.length() + 1), task));
    Map<String, Agency> agencies = referenceData.agencies().stream()
        .collect(Collectors.toMap(Agency::code, Function.identity()));
    List<String> added = new ArrayList<>();
    List<ChangedTask> changed = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Row row : draft.rows()) {
      for (TaskSpec spec : specs(row, agencies)) {
        TaskRecord was = before.get(spec.code());
        seen.add(spec.code());
        if (was == null) {
          added.add(spec.code());
          continue;
        }
        List<String> fields = new ArrayList<>();
        if (!Objects.equals(
            was.content().strip(),
            spec.content() == null ? null : spec.content().strip())) {
          fields.add("content");
        }
        if (!Objects.equals(was.leadAgency(), spec.leadAgency())) {
          fields.add("lead");
        }
        if (!Objects.equals(was.originalDeadline(), spec.deadline())
            || was.recurring() != Boolean.TRUE.equals(spec.recurring())) {
          fields.add("deadline");
        }
        if (!fields.isEmpty()) {
          changed.add(new ChangedTask(spec.code(), fields));
        }
      }
    }
    List<String> removed =
        before.keySet().stream().filter(code -> !seen.contains(code)).toList();
    return Optional.of(
        new Changes(symbol, issued.get().issuedOn(), before.size(), added, removed, changed));
  }
}
