package vn.dondoc.app.evidence;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import vn.dondoc.app.attachments.AttachmentAccessPolicy;
import vn.dondoc.app.tasks.TaskRepository;
import vn.dondoc.app.tasks.TaskScope;

/** Evidence files are seen by whoever sees the task they prove. */
@Component
class EvidenceAttachmentAccess implements AttachmentAccessPolicy {

  private final EvidenceRepository evidence;
  private final TaskRepository tasks;

  EvidenceAttachmentAccess(EvidenceRepository evidence, TaskRepository tasks) {
    this.evidence = evidence;
    this.tasks = tasks;
  }

  @Override
  public String ownerType() {
    return EvidenceService.OWNER_TYPE;
  }

  @Override
  public boolean mayRead(Authentication caller, long ownerId) {
    return evidence
        .find(ownerId)
        .flatMap(submission -> tasks.findById(submission.taskId()))
        .map(TaskScope.of(caller)::sees)
        .orElse(false);
  }
}
