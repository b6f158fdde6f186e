package vn.dondoc.app.camunda;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Claiming, giving back and handing on a user task ({@link TaskAssignments}), for clients of the API. */
@RestController
@RequestMapping("/api/v1/work/{taskId}")
class TaskAssignmentController {

  private final TaskAssignments assignments;

  TaskAssignmentController(TaskAssignments assignments) {
    this.assignments = assignments;
  }

  /** The new holder and why the task changes hands. */
  record Reassignment(String assignee, String reason) {}

  @PostMapping("/claim")
  TaskAssignments.Holder claim(@PathVariable String taskId, Authentication caller) {
    return assignments.claim(caller, taskId);
  }

  @PostMapping("/unclaim")
  TaskAssignments.Holder unclaim(@PathVariable String taskId, Authentication caller) {
    return assignments.unclaim(caller, taskId);
  }

  @PostMapping("/assignee")
  TaskAssignments.Holder reassign(
      @PathVariable String taskId, @RequestBody Reassignment body, Authentication caller) {
    return assignments.reassign(caller, taskId, body.assignee(), body.reason());
  }
}
