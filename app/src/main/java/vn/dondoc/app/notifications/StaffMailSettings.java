package vn.dondoc.app.notifications;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** How each person wants their e-mails (table staff_mail_setting, by Keycloak username): at once, or a daily digest. */
@Repository
class StaffMailSettings {

  enum Delivery {
    IMMEDIATE,
    DIGEST
  }

  /** A person's choice; the digest hour is in Hanoi time. */
  record Choice(Delivery delivery, int digestHour) {
    static final Choice IMMEDIATE = new Choice(Delivery.IMMEDIATE, StaffMailSettings.DEFAULT_HOUR);
  }

  static final int DEFAULT_HOUR = 7;

  private final JdbcClient jdbc;

  StaffMailSettings(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Choice choice(String username) {
    return choices(java.util.List.of(username)).getOrDefault(username, Choice.IMMEDIATE);
  }

  /** The choices of those of these people who made one. */
  Map<String, Choice> choices(Collection<String> usernames) {
    Map<String, Choice> choices = new HashMap<>();
    if (usernames.isEmpty()) {
      return choices;
    }
    jdbc.sql(
            "select username, delivery, digest_hour from staff_mail_setting where username = any(?)")
        .param(usernames.toArray(String[]::new))
        .query(rs -> {
          choices.put(
              rs.getString("username"),
              new Choice(Delivery.valueOf(rs.getString("delivery")), rs.getInt("digest_hour")));
        });
    return choices;
  }

  /** Saves a choice; the next digest is the first digest hour from now on. */
  void save(String username, Choice choice) {
    jdbc.sql("""
            insert into staff_mail_setting (username, delivery, digest_hour) values (?, ?, ?)
            on conflict (username) do update set delivery = excluded.delivery, digest_hour = excluded.digest_hour,
              digest_since = now(), updated_at = now()""")
        .params(username, choice.delivery().name(), choice.digestHour())
        .update();
  }
}
