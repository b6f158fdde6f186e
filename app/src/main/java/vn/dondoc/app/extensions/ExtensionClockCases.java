package vn.dondoc.app.extensions;

import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.dondoc.app.sla.ClockCases;

/** The SLA clocks' view of extension requests: the row and its agency, by case code. */
@Component
class ExtensionClockCases implements ClockCases {

  private final ExtensionRepository repository;

  ExtensionClockCases(ExtensionRepository repository) {
    this.repository = repository;
  }

  @Override
  public String caseType() {
    return "extension";
  }

  @Override
  public Optional<ClockCase> find(String caseCode) {
    return repository.findByCaseCode(caseCode).map(extension -> new ClockCase(extension.id(), extension.agency()));
  }
}
