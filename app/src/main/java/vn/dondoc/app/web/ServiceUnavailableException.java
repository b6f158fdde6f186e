package vn.dondoc.app.web;

/** A dependency the request needs is down; answered with 503 and Retry-After. Nothing was changed. */
public class ServiceUnavailableException extends RuntimeException {

  /** What the 503 tells the caller to wait before trying again. */
  static final String RETRY_AFTER_SECONDS = "30";

  private final String messageKey;

  public ServiceUnavailableException(String messageKey, Throwable cause) {
    super(messageKey, cause);
    this.messageKey = messageKey;
  }

  public String messageKey() {
    return messageKey;
  }
}
