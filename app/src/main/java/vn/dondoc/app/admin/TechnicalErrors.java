package vn.dondoc.app.admin;

import java.util.Locale;

/**
 * What kind of trouble a technical error text (a mail server's reply, a job's exception message) describes, so the
 * operations page can say it in Vietnamese and keep the text itself under "Chi tiết kỹ thuật" for whoever fixes it.
 */
enum TechnicalErrors {
  CONNECTION,
  TIMEOUT,
  AUTHENTICATION,
  RECIPIENT_REJECTED,
  SEARCH_UNAVAILABLE,
  OTHER;

  static TechnicalErrors of(String raw) {
    if (raw == null || raw.isBlank()) {
      return OTHER;
    }
    String text = raw.toLowerCase(Locale.ROOT);
    if (text.contains("elasticsearch") || text.contains("search is unavailable")) {
      return SEARCH_UNAVAILABLE;
    }
    // before the timeout: JavaMail's "Couldn't connect to host, port: …; timeout -1" is a
    // connection refused
    if (text.contains("connection refused")
        || text.contains("couldn't connect")
        || text.contains("could not connect")
        || text.contains("unknownhost")
        || text.contains("unknown host")
        || text.contains("no route to host")) {
      return CONNECTION;
    }
    if (text.contains("timed out") || text.contains("timeout")) {
      return TIMEOUT;
    }
    if (text.contains("authentication") || text.contains("535 ") || text.contains("auth failed")) {
      return AUTHENTICATION;
    }
    // SMTP's permanent refusals of an address: 550 mailbox unavailable, 553 name not allowed, 501
    // bad address
    if (text.matches("(?s).*\\b(550|551|553|501)\\b.*")
        || text.contains("invalid address")
        || text.contains("recipient")) {
      return RECIPIENT_REJECTED;
    }
    return OTHER;
  }

  /** The message key of its Vietnamese (and English) description. */
  String messageKey() {
    return "staff.admin.ops.error." + name();
  }
}
