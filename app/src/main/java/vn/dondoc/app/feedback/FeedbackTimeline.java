package vn.dondoc.app.feedback;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.dondoc.app.cases.AuditLog;

/**
 * The steps of an item as its sender follows them (/theo-doi): received, classified, accepted by the agency,
 * answered, published, each with the moment it happened, from the case's audit trail. A step undone by a later
 * event has no moment again: a return to routing undoes the classification and the acceptance, a reopening the
 * answer and its publication.
 */
@Component
class FeedbackTimeline {

  enum Step {
    RECEIVED,
    CLASSIFIED,
    ACCEPTED,
    ANSWERED,
    PUBLISHED
  }

  /** A step and when it happened (null: not yet, or an answer the sender did not agree to publish). */
  record Reached(Step step, Instant at) {}

  private final AuditLog audit;

  FeedbackTimeline(AuditLog audit) {
    this.audit = audit;
  }

  List<Reached> of(String code) {
    Map<Step, Instant> reached = new EnumMap<>(Step.class);
    for (AuditLog.Event event : audit.history(code)) {
      Instant at = event.occurredAt();
      switch (event.action()) {
        case "SUBMITTED" -> reached.putIfAbsent(Step.RECEIVED, at);
        case "CLASSIFIED", "HANDLED_CENTRALLY" -> reached.put(Step.CLASSIFIED, at);
        case "RETURNED" -> {
          reached.remove(Step.CLASSIFIED);
          reached.remove(Step.ACCEPTED);
        }
        case "HANDLING_STARTED" -> reached.put(Step.ACCEPTED, at);
        case "ANSWERED" -> {
          reached.put(Step.ANSWERED, at);
          if (Boolean.TRUE.equals(event.detail().get("published"))) {
            reached.put(Step.PUBLISHED, at);
          }
        }
        case "REOPENED" -> {
          reached.remove(Step.ANSWERED);
          reached.remove(Step.PUBLISHED);
        }
        default -> {}
      }
    }
    List<Reached> steps = new ArrayList<>();
    for (Step step : Step.values()) {
      steps.add(new Reached(step, reached.get(step)));
    }
    return steps;
  }
}
