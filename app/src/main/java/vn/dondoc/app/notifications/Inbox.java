package vn.dondoc.app.notifications;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The in-app notifications of one person: theirs by username and those of their groups, read per person. */
@Repository
class Inbox {

  /** Whose inbox: a username and the Camunda ids of the groups in the token. */
  record Owner(String username, List<String> groups) {
    String[] groupArray() {
      return groups.toArray(String[]::new);
    }
  }

  record Entry(
      long id,
      String caseCode,
      String kind,
      String subject,
      String body,
      Instant createdAt,
      boolean read) {}

  /** The owner's notifications among the rows of {@code notification n}. */
  private static final String MINE = " ((n.recipient_kind = 'USER' and n.recipient = :username)"
      + " or (n.recipient_kind = 'GROUP' and n.recipient = any(:groups))) ";

  private final JdbcClient jdbc;

  Inbox(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Newest first. */
  List<Entry> entries(Owner owner, int limit) {
    return jdbc.sql(
            "select n.id, n.case_code, n.kind, n.subject, n.body, n.created_at, r.read_at is not null as read"
                + " from notification n"
                + " left join notification_read r on r.notification_id = n.id and r.username = :username"
                + " where" + MINE + "order by n.created_at desc, n.id desc limit :limit")
        .param("username", owner.username())
        .param("groups", owner.groupArray())
        .param("limit", limit)
        .query((rs, n) -> new Entry(
            rs.getLong("id"),
            rs.getString("case_code"),
            rs.getString("kind"),
            rs.getString("subject"),
            rs.getString("body"),
            rs.getTimestamp("created_at").toInstant(),
            rs.getBoolean("read")))
        .list();
  }

  long unread(Owner owner) {
    return jdbc.sql(
            "select count(*) from notification n where" + MINE
                + "and not exists (select 1 from notification_read r where r.notification_id = n.id and r.username = :username)")
        .param("username", owner.username())
        .param("groups", owner.groupArray())
        .query(Long.class)
        .single();
  }

  /** Marks every notification of the owner read; how many were unread. */
  int markAllRead(Owner owner) {
    return jdbc.sql(
            "insert into notification_read (notification_id, username) select n.id, :username from notification n"
                + " where" + MINE + "on conflict do nothing")
        .param("username", owner.username())
        .param("groups", owner.groupArray())
        .update();
  }

  /** Marks one of the owner's notifications read (again is fine); false when it is not theirs. */
  boolean markRead(long id, Owner owner) {
    boolean mine = jdbc.sql("select count(*) from notification n where n.id = :id and" + MINE)
            .param("id", id)
            .param("username", owner.username())
            .param("groups", owner.groupArray())
            .query(Long.class)
            .single()
        == 1;
    if (mine) {
      jdbc.sql(
              "insert into notification_read (notification_id, username) values (?, ?) on conflict do nothing")
          .params(id, owner.username())
          .update();
    }
    return mine;
  }
}
