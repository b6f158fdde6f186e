package vn.dondoc.app.tasks;

import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.dondoc.app.sla.ClockCases;

/** The SLA clocks' view of tasks (the task lifecycle and its evidence reviews): the row and its agency, by case code. */
@Component
class TaskClockCases implements ClockCases {

  private final TaskRepository repository;

  TaskClockCases(TaskRepository repository) {
    this.repository = repository;
  }

  @Override
  public String caseType() {
    return "task";
  }

  @Override
  public Optional<ClockCase> find(String caseCode) {
    return repository.findByCaseCode(caseCode).map(task -> new ClockCase(task.id(), task.leadAgency()));
  }
}
