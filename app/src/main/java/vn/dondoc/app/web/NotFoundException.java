package vn.dondoc.app.web;

/**
 * A resource other than a case (see {@link CaseNotFoundException}) that does not exist or that the caller
 * may not see; the two are not told apart. Answered with 404.
 */
public class NotFoundException extends RuntimeException {

  private final String messageKey;

  public NotFoundException(String messageKey) {
    super(messageKey);
    this.messageKey = messageKey;
  }

  public String messageKey() {
    return messageKey;
  }
}
