package vn.dondoc.app.web;

/** The caller sees the case but may not do this to it (403), e.g. review their own agency's evidence. */
public class ForbiddenException extends RuntimeException {

  private final String messageKey;

  public ForbiddenException(String messageKey) {
    super(messageKey);
    this.messageKey = messageKey;
  }

  public String messageKey() {
    return messageKey;
  }
}
