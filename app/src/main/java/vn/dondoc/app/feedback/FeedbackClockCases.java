package vn.dondoc.app.feedback;

import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.dondoc.app.sla.ClockCases;

/** The SLA clocks' view of feedback items: the row and its agency, by case code. */
@Component
class FeedbackClockCases implements ClockCases {

  private final FeedbackRepository repository;

  FeedbackClockCases(FeedbackRepository repository) {
    this.repository = repository;
  }

  @Override
  public String caseType() {
    return "feedback";
  }

  @Override
  public Optional<ClockCase> find(String caseCode) {
    return repository.findByCode(caseCode).map(item -> new ClockCase(item.id(), item.handlingAgency()));
  }
}
