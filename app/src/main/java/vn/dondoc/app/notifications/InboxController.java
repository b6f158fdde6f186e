package vn.dondoc.app.notifications;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.dondoc.app.security.KeycloakClaims;
import vn.dondoc.app.time.HanoiTime;
import vn.dondoc.app.web.InvalidFieldException;
import vn.dondoc.app.web.NotFoundException;

/** The caller's in-app notifications: addressed to them by username or to a group in their token. */
@RestController
@RequestMapping("/api/v1/inbox")
class InboxController {

  private static final int MAX_SIZE = 200;

  private final Inbox inbox;

  InboxController(Inbox inbox) {
    this.inbox = inbox;
  }

  record Item(
      long id,
      String caseCode,
      String kind,
      String subject,
      String body,
      OffsetDateTime createdAt,
      boolean read) {}

  record Page(long unread, List<Item> items) {}

  @GetMapping
  Page list(@RequestParam(defaultValue = "50") int size, @AuthenticationPrincipal Jwt caller) {
    if (size < 1 || size > MAX_SIZE) {
      throw new InvalidFieldException("size", "validation.range", 1, MAX_SIZE);
    }
    Inbox.Owner owner = owner(caller);
    List<Item> items = inbox.entries(owner, size).stream()
        .map(e -> new Item(
            e.id(),
            e.caseCode(),
            e.kind(),
            e.subject(),
            e.body(),
            OffsetDateTime.ofInstant(e.createdAt(), HanoiTime.ZONE),
            e.read()))
        .toList();
    return new Page(inbox.unread(owner), items);
  }

  @PostMapping("/{id}/read")
  ResponseEntity<Void> read(@PathVariable String id, @AuthenticationPrincipal Jwt caller) {
    long notificationId;
    try {
      notificationId = Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw new InvalidFieldException("id", "validation.value.invalid");
    }
    if (!inbox.markRead(notificationId, owner(caller))) {
      throw new NotFoundException("inbox.not-found");
    }
    return ResponseEntity.noContent().build();
  }

  private static Inbox.Owner owner(Jwt caller) {
    return new Inbox.Owner(
        caller.getClaimAsString("preferred_username"),
        KeycloakClaims.camundaGroupIds(caller.getClaim("groups")));
  }
}
