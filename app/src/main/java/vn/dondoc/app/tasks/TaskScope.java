package vn.dondoc.app.tasks;

import java.util.List;
import java.util.Set;
import org.springframework.security.core.Authentication;
import vn.dondoc.app.search.CallerScope;
import vn.dondoc.app.security.Caller;
import vn.dondoc.search.SearchScope;

/**
 * Which tasks a caller sees, and for which the caller's agency is the lead. The oversight roles
 * (standing office, reviewers, supervisors, admins) see every task; agency staff see the tasks their
 * agencies lead or co-operate on. Membership is separate from sight: the standing office sees all tasks
 * and acts as lead only on those of its own agency (vptw).
 *
 * @param agencies the agencies whose tasks the caller sees, null for every task
 * @param memberOf the agencies the caller belongs to
 */
public record TaskScope(List<String> agencies, Set<String> memberOf) {

  public static TaskScope of(Authentication authentication) {
    Set<String> memberOf = Caller.of(authentication).agencies();
    SearchScope scope = CallerScope.of(authentication);
    return new TaskScope(scope.allCases() ? null : List.copyOf(scope.agencies()), memberOf);
  }

  public boolean sees(TaskRecord task) {
    return agencies == null || agencies.stream().anyMatch(task::involves);
  }

  /** Whether the caller belongs to the task's lead agency (who acknowledges, reports and requests extensions). */
  public boolean leads(TaskRecord task) {
    return memberOf.contains(task.leadAgency());
  }
}
