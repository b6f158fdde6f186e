package vn.dondoc.app.web;

import java.util.List;

/** Several fields to correct at once (a whole form checked against its definition): 400 naming each. */
public class InvalidFieldsException extends RuntimeException {

  private final transient List<InvalidFieldException> errors;

  public InvalidFieldsException(List<InvalidFieldException> errors) {
    super(errors.size() + " invalid fields");
    this.errors = List.copyOf(errors);
  }

  public List<InvalidFieldException> errors() {
    return errors;
  }
}
