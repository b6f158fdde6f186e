package vn.dondoc.app.staff;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import vn.dondoc.app.agencies.ReferenceData;
import vn.dondoc.app.time.DisplayDates;
import vn.dondoc.app.time.HanoiTime;

/**
 * What staff pages show for the codes of a case (as the search index keeps them): type, status,
 * agency, field, locality, SLA state, timeliness, in the page's language; and due dates as dd/MM/yyyy
 * with the days left or overdue.
 */
@Component
public class CaseLabels {

  /** Message key prefixes of each case type's statuses. */
  private static final Map<String, String> STATUS_KEYS = Map.of(
      "feedback",
      "FeedbackStatus.",
      "task",
      "TaskStatus.",
      "initiative",
      "InitiativeStatus.",
      "extension",
      "staff.status.extension.",
      "evidence",
      "staff.status.evidence.");

  private static final List<String> STATUS_ORDER =
      List.of("task", "feedback", "initiative", "extension", "evidence");

  private final MessageSource messages;
  private final ReferenceData reference;
  private final Clock clock;

  CaseLabels(MessageSource messages, ReferenceData reference, Clock clock) {
    this.messages = messages;
    this.reference = reference;
    this.clock = clock;
  }

  /** The label of a value of one of the search facets (type, status, agency, field, locality, slaState, timeliness, channel). */
  public String facetValue(String facet, String code) {
    return switch (facet) {
      case "type" -> type(code);
      case "status" -> status(null, code);
      case "agency" -> agency(code);
      case "field" -> field(code);
      case "locality" -> locality(code);
      case "slaState" -> slaState(code);
      case "timeliness" -> timeliness(code);
      case "channel" -> message("FeedbackChannel." + code, code);
      default -> code;
    };
  }

  public String type(String caseType) {
    return message("staff.case-type." + caseType, caseType);
  }

  /** A status of a case of the given type; without a type, the first type that knows the code. */
  public String status(String caseType, String code) {
    if (code == null) {
      return null;
    }
    if (caseType != null && STATUS_KEYS.containsKey(caseType)) {
      return message(STATUS_KEYS.get(caseType) + code, code);
    }
    for (String type : STATUS_ORDER) {
      String label = messageOrNull(STATUS_KEYS.get(type) + code);
      if (label != null) {
        return label;
      }
    }
    return code;
  }

  public String agency(String code) {
    return code == null ? null : reference.agencyName(code).orElse(code);
  }

  public String field(String code) {
    if (code == null) {
      return null;
    }
    String task = messageOrNull("TaskField." + code);
    if (task != null) {
      return task;
    }
    // an initiative's "field" in the search index is its category (BREAKTHROUGH, …)
    String category = messageOrNull("InitiativeCategory." + code);
    return category != null ? category : message("FeedbackField." + code, code);
  }

  public String locality(String code) {
    return code == null
        ? null
        : reference.localities().stream()
            .filter(l -> l.code().equals(code))
            .findFirst()
            .map(ReferenceData.Locality::name)
            .orElse(code);
  }

  public String slaState(String code) {
    return code == null ? null : message("staff.sla." + code, code);
  }

  public String timeliness(String code) {
    return code == null ? null : message("Timeliness." + code, code);
  }

  /** dd/MM/yyyy in Asia/Ho_Chi_Minh. */
  public String day(Instant instant) {
    return instant == null ? null : DisplayDates.DAY.format(instant.atZone(HanoiTime.ZONE));
  }

  /** The day of a deadline, dd/MM/yyyy: a deadline at midnight is the day that ends then. */
  public String dueDay(Instant due) {
    return due == null ? null : DisplayDates.DAY.format(dueDate(due));
  }

  /** HH:mm dd/MM/yyyy in Asia/Ho_Chi_Minh. */
  public String time(Instant instant) {
    return instant == null
        ? null
        : DisplayDates.TIME_AND_DAY.format(instant.atZone(HanoiTime.ZONE));
  }

  /**
   * "còn 3 ngày", "đến hạn hôm nay" or "quá hạn 2 ngày": calendar days from today to the day the
   * deadline falls on (a deadline at midnight belongs to the day that ends then).
   */
  public String daysLeft(Instant due) {
    if (due == null) {
      return null;
    }
    LocalDate dueDay = dueDate(due);
    long days = ChronoUnit.DAYS.between(LocalDate.now(clock.withZone(HanoiTime.ZONE)), dueDay);
    if (days == 0) {
      return message("staff.due.today", "today");
    }
    return days > 0 ? message("staff.due.left", "", days) : message("staff.due.overdue", "", -days);
  }

  private static LocalDate dueDate(Instant due) {
    return due.minusNanos(1).atZone(HanoiTime.ZONE).toLocalDate();
  }

  /** Whether the deadline has passed. */
  public boolean overdue(Instant due) {
    return due != null && due.isBefore(clock.instant());
  }

  private String message(String key, String fallback, Object... arguments) {
    return messages.getMessage(key, arguments, fallback, locale());
  }

  private String messageOrNull(String key) {
    try {
      return messages.getMessage(key, null, locale());
    } catch (NoSuchMessageException e) {
      return null;
    }
  }

  private static Locale locale() {
    return LocaleContextHolder.getLocale();
  }
}
