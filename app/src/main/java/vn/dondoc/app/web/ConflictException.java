package vn.dondoc.app.web;

/** The request is valid but the case is not in a state that allows it (409); nothing was changed. */
public class ConflictException extends RuntimeException {

  private final String messageKey;

  public ConflictException(String messageKey) {
    super(messageKey);
    this.messageKey = messageKey;
  }

  public String messageKey() {
    return messageKey;
  }
}
