package vn.dondoc.app.directives;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.dondoc.app.directives.DirectiveIssuing.IssueRequest;
import vn.dondoc.app.directives.DirectiveIssuing.Issued;
import vn.dondoc.app.web.InvalidFieldException;

/** The standing office issues a directive with its (edited) tasks, and lists the directives issued. */
@RestController
@RequestMapping("/api/v1/directives")
class DirectiveController {

  private final DirectiveIssuing issuing;
  private final DirectiveRepository directives;

  DirectiveController(DirectiveIssuing issuing, DirectiveRepository directives) {
    this.issuing = issuing;
    this.directives = directives;
  }

  record IssuedView(String symbol, int tasks, List<String> caseCodes) {}

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  IssuedView issue(@RequestBody IssueRequest request, Authentication caller) {
    Issued issued = issuing.issue(request, caller.getName());
    return new IssuedView(
        issued.symbol(),
        issued.tasks().size(),
        issued.tasks().stream().map(t -> t.caseCode()).toList());
  }

  @GetMapping
  List<DirectiveRepository.Directive> list(
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
    if (size < 1 || size > 200) {
      throw new InvalidFieldException("size", "validation.range", 1, 200);
    }
    return directives.list(size, Math.max(page, 0) * size);
  }
}
