package vn.dondoc.app.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.RequestContextUtils;
import vn.dondoc.app.security.Caller;
import vn.dondoc.app.staff.StaffNavigation;

/**
 * The workspace's steps as JSON: the caller's list, one step's form and values, and its completion,
 * checked against the step's form. The step page posts here too (same origin, CSRF token); API clients
 * use /api/v1/work with a bearer token. Errors are problem JSON naming every field to correct.
 */
@RestController
class WorkApi {

  private final MyWork work;
  private final StepWork steps;
  private final MessageSource messages;

  WorkApi(MyWork work, StepWork steps, MessageSource messages) {
    this.work = work;
    this.steps = steps;
    this.messages = messages;
  }

  @GetMapping("/api/v1/work")
  MyWork.Page list(
      @RequestParam(required = false) String step,
      @RequestParam(required = false) String process,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "25") int size,
      Authentication caller) {
    return work.list(
        Caller.of(caller),
        new MyWork.Filter(step, process),
        Math.max(0, page),
        Math.min(100, Math.max(1, size)));
  }

  /** A step's form (its schema with the server's lists) and the values it shows. */
  record StepView(
      String taskId,
      String step,
      String caseCode,
      JsonNode schema,
      Map<String, Object> data,
      List<String> writable) {}

  @GetMapping("/api/v1/work/{taskId}")
  StepView show(@PathVariable String taskId, Authentication caller) {
    StepWork.Step step = steps.open(caller, taskId);
    return new StepView(
        taskId,
        step.task().getName(),
        step.caseCode(),
        step.schema(),
        step.data(),
        step.form().writableKeys());
  }

  @PostMapping(path = "/api/v1/work/{taskId}", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Void> complete(
      @PathVariable String taskId, @RequestBody Map<String, Object> values, Authentication caller) {
    steps.complete(caller, taskId, values);
    return ResponseEntity.noContent().build();
  }

  /** The step page's completion: the same, and the list it returns to says so. */
  @PostMapping(path = StepPages.STEP + "{taskId}", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Void> completeFromPage(
      @PathVariable String taskId,
      @RequestBody Map<String, Object> values,
      Authentication caller,
      HttpServletRequest request,
      HttpServletResponse response) {
    String stepName = steps.complete(caller, taskId, values);
    FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
    flash.put(
        "notice",
        messages.getMessage(
            "work.completed", new Object[] {stepName}, LocaleContextHolder.getLocale()));
    flash.setTargetRequestPath(StaffNavigation.HOME);
    RequestContextUtils.getFlashMapManager(request).saveOutputFlashMap(flash, request, response);
    return ResponseEntity.noContent().build();
  }
}
