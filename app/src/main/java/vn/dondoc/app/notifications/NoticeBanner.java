package vn.dondoc.app.notifications;

import java.time.LocalDate;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import vn.dondoc.app.security.KeycloakDirectory;
import vn.dondoc.app.time.DisplayDates;
import vn.dondoc.app.time.HanoiTime;

/**
 * The banner at the top of a case's pages (case page, task page, step page, feedback page) while a notice of
 * {@link CaseNotices} stands: what came back, the note, who wrote it and when (dd/MM/yyyy HH:mm, Hanoi time).
 * Templates include {@code staff/case-notice :: banner} with the model attribute {@value #ATTRIBUTE}.
 */
@Component
public class NoticeBanner {

  public static final String ATTRIBUTE = "caseNotice";

  /** What the banner says, ready for the page. */
  public record Banner(String kind, String title, String note, String author, String at) {}

  private final CaseNotices notices;
  private final KeycloakDirectory directory;
  private final MessageSource messages;

  NoticeBanner(CaseNotices notices, KeycloakDirectory directory, MessageSource messages) {
    this.notices = notices;
    this.directory = directory;
    this.messages = messages;
  }

  /** The case's banner, or null when nothing waits for an answer. */
  public Banner of(String caseCode) {
    return notices.of(caseCode).map(this::banner).orElse(null);
  }

  private Banner banner(CaseNotices.Notice notice) {
    String deadline = notice.deadline() == null
        ? ""
        : DisplayDates.DAY.format(LocalDate.parse(notice.deadline()));
    String title = messages.getMessage(
        "notice." + notice.kind().name(), new Object[] {deadline}, LocaleContextHolder.getLocale());
    return new Banner(
        notice.kind().name(),
        title,
        notice.note(),
        author(notice.author()),
        DisplayDates.DAY_AND_TIME.format(notice.at().atZone(HanoiTime.ZONE)));
  }

  /** The writer's name as the realm knows it; their username when Keycloak does not answer. */
  private String author(String username) {
    if (username == null) {
      return messages.getMessage("staff.case.system", null, LocaleContextHolder.getLocale());
    }
    try {
      return directory
          .profileOf(username)
          .map(KeycloakDirectory.Profile::fullName)
          .orElse(username);
    } catch (IllegalStateException keycloakDown) {
      return username;
    }
  }
}
