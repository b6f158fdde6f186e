package vn.dondoc.app.web;

/** The case does not exist or is outside the caller's scope (the two are not told apart). */
public class CaseNotFoundException extends RuntimeException {

  private final String code;

  public CaseNotFoundException(String code) {
    super("case " + code + " not found");
    this.code = code;
  }

  public String code() {
    return code;
  }
}
