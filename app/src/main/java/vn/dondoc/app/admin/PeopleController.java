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
import vn.dondoc.app.security.Caller;

/** The people page's changes as an API, for admins (the role is checked in SecurityConfig): same rules, same audit. */
@RestController
@RequestMapping("/api/v1/admin/people")
class PeopleController {

  private final People people;
  private final PersonWork work;

  PeopleController(People people, PersonWork work) {
    this.people = people;
    this.work = work;
  }

  record Roles(List<String> roles) {}

  record Membership(String agency, boolean leader) {}

  record HandOver(String to, String reason) {}

  @GetMapping
  List<People.Person> find(@RequestParam(name = "q", defaultValue = "") String query) {
    return people.find(query);
  }

  @GetMapping("/{username}")
  People.Person person(@PathVariable String username) {
    return people.existing(username);
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  People.Created create(@RequestBody People.NewPerson person, Authentication admin) {
    return people.create(person, Caller.of(admin).username());
  }

  @PutMapping("/{username}/roles")
  People.Person roles(
      @PathVariable String username, @RequestBody Roles roles, Authentication admin) {
    return people.setRoles(username, roles.roles(), Caller.of(admin).username());
  }

  @PutMapping("/{username}/agency")
  People.Person agency(
      @PathVariable String username, @RequestBody Membership membership, Authentication admin) {
    return people.setAgency(
        username, membership.agency(), membership.leader(), Caller.of(admin).username());
  }

  /** The open steps to hand over before the account is disabled, each with the colleagues who may take it. */
  @GetMapping("/{username}/work")
  List<PersonWork.Step> work(@PathVariable String username, Authentication admin) {
    people.existing(username);
    return work.open(username, admin);
  }

  @PostMapping("/{username}/work/{taskId}/hand-over")
  List<PersonWork.Step> handOver(
      @PathVariable String username,
      @PathVariable String taskId,
      @RequestBody HandOver handOver,
      Authentication admin) {
    work.handOver(admin, taskId, username, handOver.to(), handOver.reason());
    return work.open(username, admin);
  }

  /** 409 while the person holds open steps. */
  @PostMapping("/{username}/deactivate")
  People.Person deactivate(@PathVariable String username, Authentication admin) {
    return people.deactivate(username, work.count(username), Caller.of(admin).username());
  }
}
