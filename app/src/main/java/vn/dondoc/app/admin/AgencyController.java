package vn.dondoc.app.admin;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.dondoc.app.admin.AgencyAdministration.AgencyInput;
import vn.dondoc.app.admin.AgencyAdministration.AgencyRow;
import vn.dondoc.app.security.Caller;

/** The agencies page's changes as an API, for admins (the role is checked in SecurityConfig): same rules, same audit. */
@RestController
@RequestMapping("/api/v1/admin/agencies")
class AgencyController {

  private final AgencyChanges changes;
  private final AgencyAdministration table;

  AgencyController(AgencyChanges changes, AgencyAdministration table) {
    this.changes = changes;
    this.table = table;
  }

  /** The agency to merge into. */
  record Merge(String into) {}

  @GetMapping
  List<AgencyRow> all() {
    return table.all();
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  AgencyChanges.Outcome create(@RequestBody AgencyInput input, Authentication admin) {
    return changes.create(input, Caller.of(admin).username());
  }

  /** The code is the path's; one in the body is ignored. */
  @PutMapping("/{code}")
  AgencyChanges.Outcome edit(
      @PathVariable String code, @RequestBody AgencyInput input, Authentication admin) {
    return changes.edit(code, input, Caller.of(admin).username());
  }

  /** What a merge or a deactivation would touch, before it is made. */
  @GetMapping("/{code}/effect")
  AgencyAdministration.Effect effect(@PathVariable String code) {
    return changes.effect(code);
  }

  @PostMapping("/{code}/merge")
  AgencyChanges.Outcome merge(
      @PathVariable String code, @RequestBody Merge merge, Authentication admin) {
    table.checkMerge(code, merge.into());
    return changes.merge(code, merge.into(), Caller.of(admin).username());
  }

  @PostMapping("/{code}/deactivate")
  AgencyChanges.Outcome deactivate(@PathVariable String code, Authentication admin) {
    return changes.deactivate(code, Caller.of(admin).username());
  }

  @GetMapping("/drift")
  List<AgencyChanges.Drift> drift() {
    return changes.drift();
  }

  /** Repairs every difference, or only those of agency {@code code}. */
  @PostMapping("/drift/repair")
  List<AgencyChanges.Drift> repair(
      @RequestParam(required = false) String code, Authentication admin) {
    return changes.repair(code, Caller.of(admin).username());
  }
}
