package vn.dondoc.app.extensions;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.dondoc.app.extensions.ExtensionRepository.Extension;
import vn.dondoc.app.tasks.TaskRecord;
import vn.dondoc.app.tasks.Tasks;

/** Extension requests: asked by the lead agency on a task, decided by the standing office. */
@RestController
class ExtensionController {

  private final ExtensionService service;
  private final ExtensionRepository extensions;
  private final Tasks tasks;

  ExtensionController(ExtensionService service, ExtensionRepository extensions, Tasks tasks) {
    this.service = service;
    this.extensions = extensions;
    this.tasks = tasks;
  }

  @PostMapping("/api/v1/tasks/{caseCode}/extensions")
  @ResponseStatus(HttpStatus.CREATED)
  Extension request(
      @PathVariable String caseCode, @RequestBody ExtensionRequest body, Authentication caller) {
    return service.request(caseCode, body, caller);
  }

  @GetMapping("/api/v1/tasks/{caseCode}/extensions")
  List<Extension> ofTask(@PathVariable String caseCode, Authentication caller) {
    TaskRecord task = tasks.visible(caseCode, caller);
    return extensions.forTask(task.id());
  }

  @GetMapping("/api/v1/extensions/{caseCode}")
  Extension get(@PathVariable String caseCode, Authentication caller) {
    return service.visible(caseCode, caller);
  }

  /** The fields of the form extension-decision: decision, approvedDeadline, decisionNote. */
  @PostMapping("/api/v1/extensions/{caseCode}/decision")
  Extension decide(
      @PathVariable String caseCode, @RequestBody Map<String, Object> body, Authentication caller) {
    service.decide(caseCode, body, caller);
    return service.visible(caseCode, caller);
  }

  /** The field of the form extension-info: infoReply. */
  @PostMapping("/api/v1/extensions/{caseCode}/info")
  Extension provideInfo(
      @PathVariable String caseCode, @RequestBody Map<String, Object> body, Authentication caller) {
    service.provideInfo(caseCode, body, caller);
    return service.visible(caseCode, caller);
  }
}
