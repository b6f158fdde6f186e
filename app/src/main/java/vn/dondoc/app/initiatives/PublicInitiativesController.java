package vn.dondoc.app.initiatives;

import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.dondoc.app.cases.Labels;
import vn.dondoc.app.cases.Labels.Labelled;

/** The public list of selected initiatives; the proposer is named only if they agreed. */
@RestController
class PublicInitiativesController {

  private final InitiativeService service;
  private final Labels labels;

  PublicInitiativesController(InitiativeService service, Labels labels) {
    this.service = service;
    this.labels = labels;
  }

  record Selected(
      String caseCode,
      String title,
      String proposer,
      Labelled category,
      String techGroup,
      Labelled status,
      Instant decidedAt) {}

  @GetMapping("/api/v1/public/initiatives")
  List<Selected> selected() {
    return service.selected().stream()
        .map(i -> new Selected(
            i.caseCode(),
            i.title(),
            i.publishProposer()
                ? (i.organisation() != null
                    ? i.proposerName() + " (" + i.organisation() + ")"
                    : i.proposerName())
                : null,
            labels.of(i.category()),
            i.techGroup(),
            labels.of(i.status()),
            i.decidedAt()))
        .toList();
  }
}
