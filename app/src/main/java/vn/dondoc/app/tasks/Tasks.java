package vn.dondoc.app.tasks;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import vn.dondoc.app.web.CaseNotFoundException;

/** Finds a task for a caller: one outside their scope does not exist for them (404, not 403). */
@Service
public class Tasks {

  private final TaskRepository repository;

  Tasks(TaskRepository repository) {
    this.repository = repository;
  }

  public TaskRecord visible(String caseCode, Authentication caller) {
    return repository
        .findByCaseCode(caseCode)
        .filter(TaskScope.of(caller)::sees)
        .orElseThrow(() -> new CaseNotFoundException(caseCode));
  }
}
