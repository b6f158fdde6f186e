package vn.dondoc.app.camunda;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Answers;
import org.springframework.security.authentication.TestingAuthenticationToken;
import vn.dondoc.app.web.ConflictException;

/**
 * The same step completed twice at once (a button pressed twice): the second completion finds the task gone, and
 * the engine may say so with a refused permission rather than "not found". The person must read "this step is no
 * longer waiting" (409), never the engine's English about TASK_WORK permissions.
 */
class UserTasksTest {

  private final TaskService engineTasks = mock(TaskService.class);
  private final TaskQuery query = mock(TaskQuery.class, Answers.RETURNS_SELF);
  private final Task task = mock(Task.class);
  private final UserTasks userTasks = new UserTasks(engineTasks, mock(IdentityService.class));
  private final TestingAuthenticationToken officer =
      new TestingAuthenticationToken("canbo.bkhcn", "x", "ROLE_agency-officer");

  @BeforeEach
  void aTaskWaitsForTheOfficer() {
    when(task.getId()).thenReturn("t-1");
    when(engineTasks.createTaskQuery()).thenReturn(query);
    when(query.list()).thenReturn(List.of(task));
    doThrow(new AuthorizationException("canbo.bkhcn", "TASK_WORK", "Task", "t-1"))
        .when(engineTasks)
        .complete(eq("t-1"), anyMap());
  }

  @Test
  void aPermissionRefusedOnATaskCompletedMeanwhileIsAConflict() {
    // a candidate when it was found; gone when asked again after the refusal
    when(query.count()).thenReturn(1L, 0L);
    assertThatThrownBy(() -> userTasks.complete(officer, "NV-2026-000001", Map.of(), "Acknowledge"))
        .isInstanceOf(ConflictException.class)
        .hasMessage("conflict.task.not-waiting");
  }

  @Test
  void aPermissionRefusedOnATaskStillThereStaysARefusal() {
    when(query.count()).thenReturn(1L, 1L);
    assertThatThrownBy(() -> userTasks.complete(officer, "NV-2026-000001", Map.of(), "Acknowledge"))
        .isInstanceOf(AuthorizationException.class);
  }
}
