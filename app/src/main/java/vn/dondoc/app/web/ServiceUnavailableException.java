package vn.dondoc.app.web;

/** A dependency the request needs is down; answered with 503 and Retry-After. Nothing was changed. */
public class ServiceUnavailableException extends RuntimeException {

  private final String messageKey;

  public ServiceUnavailableException(String messageKey, Throwable cause) {
    super(messageKey, cause);
    this.messageKey = messageKey;
  }

  public String messageKey() {
    return messageKey;
  }
}
