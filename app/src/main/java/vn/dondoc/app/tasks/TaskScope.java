package vn.dondoc.app.tasks;

import java.util.List;
import org.springframework.security.core.Authentication;
import vn.dondoc.search.SearchScope;
import vn.dondoc.app.search.CallerScope;

/**
 * Which tasks a caller sees: the oversight roles (standing office, reviewers, supervisors, admins) see
 * every task; agency staff see the tasks their agencies lead or co-operate on.
 *
 * @param agencies null for every task
 */
public record TaskScope(List<String> agencies) {

  public static TaskScope of(Authentication authentication) {
    SearchScope scope = CallerScope.of(authentication);
    if (scope.allCases()) {
      return new TaskScope(null);
    }
    return new TaskScope(List.copyOf(scope.agencies()));
  }

  public boolean sees(TaskRecord task) {
    return agencies == null || agencies.stream().anyMatch(task::involves);
  }

  /** Whether the caller is a member of the task's lead agency (who acknowledges, reports and requests extensions). */
  public boolean leads(TaskRecord task) {
    return agencies != null && agencies.contains(task.leadAgency());
  }
}
