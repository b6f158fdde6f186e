package vn.dondoc.app.extensions;

import java.time.LocalDate;
import java.util.List;
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
  Extension request(@PathVariable String caseCode, @RequestBody ExtensionRequest body, Authentication caller) {
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

  record DecisionBody(String decision, LocalDate approvedDeadline, String note) {}

  @PostMapping("/api/v1/extensions/{caseCode}/decision")
  Extension decide(@PathVariable String caseCode, @RequestBody DecisionBody body, Authentication caller) {
    service.decide(caseCode, body.decision(), body.approvedDeadline(), body.note(), caller);
    return service.visible(caseCode, caller);
  }

  record InfoBody(String reply) {}

  @PostMapping("/api/v1/extensions/{caseCode}/info")
  Extension provideInfo(@PathVariable String caseCode, @RequestBody InfoBody body, Authentication caller) {
    service.provideInfo(caseCode, body.reply(), caller);
    return service.visible(caseCode, caller);
  }
}
