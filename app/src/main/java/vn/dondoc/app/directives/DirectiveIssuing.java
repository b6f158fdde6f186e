package vn.dondoc.app.directives;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dondoc.app.cases.AuditLog;
import vn.dondoc.app.tasks.TaskIssuing;
import vn.dondoc.app.tasks.TaskIssuing.CheckedTask;
import vn.dondoc.app.tasks.TaskRecord;
import vn.dondoc.app.tasks.TaskSpec;
import vn.dondoc.app.time.HanoiTime;
import vn.dondoc.app.web.ConflictException;
import vn.dondoc.app.web.Inputs;
import vn.dondoc.app.web.InvalidFieldException;

/**
 * Issues a directive with its tasks, all or nothing: every task is checked before anything is stored,
 * and the directive, its tasks and their processes are written in one transaction.
 */
@Service
public class DirectiveIssuing {

  static final int MAX_TASKS = 500;
  private static final Pattern SYMBOL = Pattern.compile("[0-9][0-9.]*[-/][\\p{L}0-9&.\\-/]+");

  private final DirectiveRepository directives;
  private final TaskIssuing taskIssuing;
  private final AuditLog audit;
  private final Clock clock;

  DirectiveIssuing(
      DirectiveRepository directives, TaskIssuing taskIssuing, AuditLog audit, Clock clock) {
    this.directives = directives;
    this.taskIssuing = taskIssuing;
    this.audit = audit;
    this.clock = clock;
  }

  public record IssueRequest(
      DirectiveType type,
      String symbol,
      LocalDate issuedOn,
      String issuer,
      String title,
      List<TaskSpec> tasks) {}

  public record Issued(String symbol, List<TaskRecord> tasks) {}

  public boolean exists(String symbol) {
    return directives.symbolExists(symbol);
  }

  @Transactional
  Issued issue(IssueRequest request, String actor) {
    return issue(request, actor, false);
  }

  /**
   * Enters a directive that was issued before Dondoc tracked it (taken over from a spreadsheet, or demo
   * data): the same checks, except that deadlines may already have passed; such tasks start overdue.
   */
  @Transactional
  public Issued takeOver(IssueRequest request, String actor) {
    return issue(request, actor, true);
  }

  private Issued issue(IssueRequest request, String actor, boolean pastDeadlinesAllowed) {
    if (request.type() == null) {
      throw new InvalidFieldException("type", "validation.required");
    }
    String symbol = Inputs.text(request.symbol(), "symbol", 60);
    if (!SYMBOL.matcher(symbol).matches()) {
      throw new InvalidFieldException("symbol", "validation.directive.number");
    }
    if (exists(symbol)) {
      throw new ConflictException("conflict.directive.exists");
    }
    if (request.issuedOn() == null) {
      throw new InvalidFieldException("issuedOn", "validation.required");
    }
    if (request.issuedOn().isAfter(LocalDate.now(clock.withZone(HanoiTime.ZONE)))) {
      throw new InvalidFieldException("issuedOn", "validation.date.future");
    }
    String issuer = Inputs.text(request.issuer(), "issuer", 200);
    String title = Inputs.text(request.title(), "title", 1000);
    if (request.tasks() == null || request.tasks().isEmpty()) {
      throw new InvalidFieldException("tasks", "validation.required");
    }
    if (request.tasks().size() > MAX_TASKS) {
      throw new InvalidFieldException("tasks", "validation.tasks.too-many", MAX_TASKS);
    }
    List<CheckedTask> checked =
        taskIssuing.check(request.tasks(), symbol, "tasks", pastDeadlinesAllowed);
    long id = directives.insert(
        request.type(), symbol, request.issuedOn(), issuer, title, actor, clock.instant());
    audit.record(symbol, "DIRECTIVE_ISSUED", actor, java.util.Map.of("tasks", checked.size()));
    return new Issued(
        symbol,
        checked.stream().map(task -> taskIssuing.issue(task, id, null, actor)).toList());
  }
}
