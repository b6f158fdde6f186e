package vn.dondoc.app.web;

import java.util.List;

/**
 * Several fields refused at once, so that a form can show every problem in one go. It is an
 * {@link InvalidFieldException} naming the first, for callers that handle one; the API answers with all.
 */
public class InvalidFieldsException extends InvalidFieldException {

  private final transient List<InvalidFieldException> all;

  InvalidFieldsException(List<InvalidFieldException> all) {
    super(all.get(0).field(), all.get(0).messageKey(), all.get(0).arguments());
    this.all = List.copyOf(all);
  }

  public List<InvalidFieldException> all() {
    return all;
  }
}
