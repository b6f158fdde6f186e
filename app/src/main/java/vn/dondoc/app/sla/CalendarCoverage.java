package vn.dondoc.app.sla;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Month;
import java.util.Optional;
import java.util.function.IntPredicate;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.dondoc.app.notifications.BilingualText;
import vn.dondoc.app.notifications.NotificationService;
import vn.dondoc.app.security.Roles;
import vn.dondoc.app.time.HanoiTime;

/**
 * Whether next year's working calendar has been entered. The Prime Minister's decision on Tết comes late
 * in the year, so from 1 October on a missing next year is a warning: on the calendar page, in the admin
 * group's inbox (once per year, however many nodes run this) and as health component {@code calendarCoverage}
 * (UP with a {@code warning} detail: a missing year is not an outage yet).
 */
@Component
public class CalendarCoverage implements HealthIndicator {

  /** The first day on which a missing next year is warned about. */
  static final Month WARN_FROM = Month.OCTOBER;

  static final String NOTICE_KIND = "CALENDAR_YEAR_MISSING";

  private final CalendarEditor editor;
  private final NotificationService notifications;
  private final BilingualText texts;
  private final Clock clock;

  CalendarCoverage(
      CalendarEditor editor, NotificationService notifications, BilingualText texts, Clock clock) {
    this.editor = editor;
    this.notifications = notifications;
    this.texts = texts;
    this.clock = clock;
  }

  /** The year to warn about on {@code today}: the next one, from 1 October, when it is not entered. */
  static Optional<Integer> missingYear(LocalDate today, IntPredicate entered) {
    int next = today.getYear() + 1;
    return today.getMonthValue() >= WARN_FROM.getValue() && !entered.test(next)
        ? Optional.of(next)
        : Optional.empty();
  }

  /** The year to warn about today, if any. */
  public Optional<Integer> missingYear() {
    return missingYear(LocalDate.now(clock.withZone(HanoiTime.ZONE)), editor::hasYear);
  }

  @Override
  public Health health() {
    Health.Builder health = Health.up();
    missingYear()
        .ifPresent(
            year -> health.withDetail("warning", "working calendar of " + year + " not entered"));
    return health.build();
  }

  /** Every morning: the admins' inbox gets the warning, once per missing year (the notification is idempotent). */
  @Scheduled(cron = "0 0 7 * * *", zone = "Asia/Ho_Chi_Minh")
  @Transactional
  public void notifyAdmins() {
    missingYear().ifPresent(year -> {
      String code = "CALENDAR-" + year;
      BilingualText.Text text =
          texts.render(code, "notification.calendar-missing", String.valueOf(year));
      notifications.notifyGroup(code, NOTICE_KIND, Roles.ADMIN, text.subject(), text.body());
    });
  }
}
