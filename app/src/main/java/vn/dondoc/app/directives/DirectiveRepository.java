package vn.dondoc.app.directives;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table directive. */
@Repository
class DirectiveRepository {

  record Directive(
      long id,
      DirectiveType type,
      String symbol,
      LocalDate issuedOn,
      String issuer,
      String title,
      String createdBy,
      Instant createdAt,
      int tasks) {}

  private static final RowMapper<Directive> DIRECTIVE = (rs, n) -> new Directive(
      rs.getLong("id"),
      DirectiveType.valueOf(rs.getString("type")),
      rs.getString("symbol"),
      rs.getDate("issued_on").toLocalDate(),
      rs.getString("issuer"),
      rs.getString("title"),
      rs.getString("created_by"),
      rs.getTimestamp("created_at").toInstant(),
      rs.getInt("tasks"));

  private static final String SELECT =
      "select d.*, (select count(*) from task t where t.directive_id = d.id) as tasks from directive d";

  private final JdbcClient jdbc;

  DirectiveRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(
      DirectiveType type,
      String symbol,
      LocalDate issuedOn,
      String issuer,
      String title,
      String createdBy,
      Instant createdAt) {
    return jdbc.sql("""
            insert into directive (type, symbol, issued_on, issuer, title, created_by, created_at)
            values (?, ?, ?, ?, ?, ?, ?) returning id""")
        .params(
            type.name(),
            symbol,
            Date.valueOf(issuedOn),
            issuer,
            title,
            createdBy,
            Timestamp.from(createdAt))
        .query(Long.class)
        .single();
  }

  boolean symbolExists(String symbol) {
    return jdbc.sql("select count(*) from directive where symbol = ?")
            .param(symbol)
            .query(Integer.class)
            .single()
        > 0;
  }

  Optional<Directive> findBySymbol(String symbol) {
    return jdbc.sql(SELECT + " where d.symbol = ?")
        .param(symbol)
        .query(DIRECTIVE)
        .optional();
  }

  List<Directive> list(int limit, int offset) {
    return jdbc.sql(SELECT + " order by d.issued_on desc, d.id desc limit ? offset ?")
        .params(limit, offset)
        .query(DIRECTIVE)
        .list();
  }
}
