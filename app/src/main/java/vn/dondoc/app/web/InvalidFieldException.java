package vn.dondoc.app.web;

/** Bad input detected beyond bean validation (unknown reference, inconsistent values): answered with 400 naming the field. */
public class InvalidFieldException extends RuntimeException {

  private final String field;
  private final String messageKey;
  private final transient Object[] arguments;

  public InvalidFieldException(String field, String messageKey, Object... arguments) {
    super(field + ": " + messageKey);
    this.field = field;
    this.messageKey = messageKey;
    this.arguments = arguments;
  }

  public String field() {
    return field;
  }

  public String messageKey() {
    return messageKey;
  }

  public Object[] arguments() {
    return arguments;
  }
}
