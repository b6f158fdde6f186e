package vn.dondoc.app.initiatives;

import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.dondoc.app.sla.ClockCases;

/** The SLA clocks' view of initiatives: the row and its agency, by case code. */
@Component
class InitiativeClockCases implements ClockCases {

  private final InitiativeRepository repository;

  InitiativeClockCases(InitiativeRepository repository) {
    this.repository = repository;
  }

  @Override
  public String caseType() {
    return "initiative";
  }

  @Override
  public Optional<ClockCase> find(String caseCode) {
    return repository.findByCode(caseCode).map(initiative -> new ClockCase(initiative.id(), initiative.receivingAgency()));
  }
}
