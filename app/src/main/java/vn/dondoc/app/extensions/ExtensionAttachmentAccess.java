package vn.dondoc.app.extensions;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import vn.dondoc.app.attachments.AttachmentAccessPolicy;
import vn.dondoc.app.tasks.TaskRepository;
import vn.dondoc.app.tasks.TaskScope;

/** Files attached to an extension request are seen by whoever sees its task. */
@Component
class ExtensionAttachmentAccess implements AttachmentAccessPolicy {

  private final ExtensionRepository extensions;
  private final TaskRepository tasks;

  ExtensionAttachmentAccess(ExtensionRepository extensions, TaskRepository tasks) {
    this.extensions = extensions;
    this.tasks = tasks;
  }

  @Override
  public String ownerType() {
    return ExtensionService.OWNER_TYPE;
  }

  @Override
  public boolean mayRead(Authentication caller, long ownerId) {
    return extensions
        .find(ownerId)
        .flatMap(extension -> tasks.findById(extension.taskId()))
        .map(TaskScope.of(caller)::sees)
        .orElse(false);
  }
}
