package vn.dondoc.app.attachments;

import org.springframework.security.core.Authentication;

/**
 * Who may download the files of one owner type; each capability that owns attachments provides a bean.
 * Without one, only the oversight roles may read (see {@link AttachmentService#read}).
 */
public interface AttachmentAccessPolicy {

  /** The owner_type this policy decides for, e.g. {@code feedback}. */
  String ownerType();

  boolean mayRead(Authentication caller, long ownerId);
}
