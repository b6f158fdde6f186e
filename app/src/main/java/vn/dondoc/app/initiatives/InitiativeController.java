package vn.dondoc.app.initiatives;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
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
import vn.dondoc.app.web.InvalidFieldException;

/** Initiatives: drafts and submissions of innovators, screening and decisions of the standing office, experts' sheets. */
@RestController
@RequestMapping("/api/v1/initiatives")
class InitiativeController {

  private final InitiativeService service;

  InitiativeController(InitiativeService service) {
    this.service = service;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  Initiative createDraft(@RequestBody InitiativeDraft body, Authentication caller) {
    return service.saveDraft(null, body, caller);
  }

  @PutMapping("/drafts/{id}")
  Initiative updateDraft(
      @PathVariable long id, @RequestBody InitiativeDraft body, Authentication caller) {
    return service.saveDraft(id, body, caller);
  }

  @GetMapping("/drafts/{id}")
  Initiative draft(@PathVariable long id, Authentication caller) {
    return service.own(id, caller);
  }

  @PostMapping("/drafts/{id}/submit")
  Initiative submit(@PathVariable long id, Authentication caller) {
    return service.submit(id, caller);
  }

  @GetMapping
  List<Initiative> list(
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size,
      Authentication caller) {
    if (size < 1 || size > 200) {
      throw new InvalidFieldException("size", "validation.range", 1, 200);
    }
    return service.list(caller, size, Math.max(page, 0) * size);
  }

  @GetMapping("/{code}")
  Initiative get(@PathVariable String code, Authentication caller) {
    return service.visible(code, caller);
  }

  /** The field of the form initiative-completion: completionReply. */
  @PostMapping("/{code}/completion")
  Initiative complete(
      @PathVariable String code, @RequestBody Map<String, Object> body, Authentication caller) {
    service.completeSubmission(code, body, caller);
    return service.visible(code, caller);
  }

  /** The fields of the form initiative-screening: screeningDecision, screeningNote, newCategory. */
  @PostMapping("/{code}/screening")
  Initiative screen(
      @PathVariable String code, @RequestBody Map<String, Object> body, Authentication caller) {
    service.screen(code, body, caller);
    return service.visible(code, caller);
  }

  /** The field of the form initiative-panel: panelText, the experts' usernames. */
  @PostMapping("/{code}/panel")
  Initiative panel(
      @PathVariable String code, @RequestBody Map<String, Object> body, Authentication caller) {
    service.pickPanel(code, body, caller);
    return service.visible(code, caller);
  }

  /** The fields of the form initiative-conflict: conflictDeclared, conflictNote. */
  @PostMapping("/{code}/conflict")
  Map<String, Object> declare(
      @PathVariable String code, @RequestBody Map<String, Object> body, Authentication caller) {
    service.declare(code, body, caller);
    return Map.of(
        "caseCode", code, "conflictDeclared", Boolean.TRUE.equals(body.get("conflictDeclared")));
  }

  /** The fields of the form initiative-scoring: scoreNovelty, commentNovelty, … for each criterion. */
  @PostMapping("/{code}/scores")
  List<InitiativeRepository.Score> score(
      @PathVariable String code, @RequestBody Map<String, Object> body, Authentication caller) {
    service.score(code, body, caller);
    return service.scores(code, caller);
  }

  @GetMapping("/{code}/scores")
  List<InitiativeRepository.Score> scores(@PathVariable String code, Authentication caller) {
    return service.scores(code, caller);
  }

  record Correction(String criterion, BigDecimal score, String comment, String reason) {}

  @PostMapping("/{code}/scores/corrections")
  @ResponseStatus(HttpStatus.CREATED)
  List<InitiativeRepository.Score> correct(
      @PathVariable String code, @RequestBody Correction body, Authentication caller) {
    service.correct(
        code,
        body.criterion(),
        new InitiativeService.Mark(body.score(), body.comment()),
        body.reason(),
        caller);
    return service.scores(code, caller);
  }

  /** The fields of the form initiative-consensus: consensusScore, consensusNote. */
  @PostMapping("/{code}/consensus")
  Initiative consensus(
      @PathVariable String code, @RequestBody Map<String, Object> body, Authentication caller) {
    service.reachConsensus(code, body, caller);
    return service.visible(code, caller);
  }

  record DecisionBody(String decision, String reason, List<InitiativeSteps.TaskOrder> tasks) {}

  @PostMapping("/{code}/decision")
  Initiative decide(
      @PathVariable String code, @RequestBody DecisionBody body, Authentication caller) {
    service.decide(code, body.decision(), body.reason(), body.tasks(), caller);
    return service.visible(code, caller);
  }
}
