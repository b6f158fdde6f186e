package vn.dondoc.app.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The one shape of Dondoc's RFC 7807 problems: type https://dondoc.vn/problems/{kind}, a title, a detail. */
public final class Problems {

  private static final String TYPE_BASE = "https://dondoc.vn/problems/";

  public static ProblemDetail of(HttpStatus status, String kind, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(TYPE_BASE + kind));
    problem.setTitle(title);
    return problem;
  }

  private Problems() {}
}
