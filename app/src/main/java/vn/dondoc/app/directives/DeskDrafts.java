package vn.dondoc.app.directives;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.dondoc.app.time.DisplayDates;
import vn.dondoc.app.time.HanoiTime;

/** Table directive_draft: the desk's drafts, saved with an optimistic version. */
@Repository
class DeskDrafts {

  /**
   * The header as typed on the page (the date as dd/MM/yyyy text), checked when the directive is issued;
   * {@code dateAsWritten}: the document's date line, shown beside the date (e.g. a day left blank);
   * {@code titleToCheck}: the title read was cut short (the reader found no end to it), until a person edits it.
   */
  record HeaderFields(
      String type,
      String number,
      String date,
      String issuer,
      String title,
      String dateAsWritten,
      Boolean titleToCheck) {}

  /**
   * One draft task as the page edits it.
   *
   * @param id stable within the draft (rows are split, merged and reordered)
   * @param lead the lead agency's code, null while the lead is a collective or not resolved
   * @param collective the collective the text names as lead ({@link AgencyMatcher.Generic}), kept until a person
   *     expands it into agencies or confirms "gửi tất cả" ({@code sendToAll})
   * @param dueDate dd/MM/yyyy
   * @param kind DEADLINE, PERIODIC_REPORT, RECURRING or NONE
   * @param flags the reader's flags ({@link DraftTask.Flag}, "NAME:value"), shown with their reason until the row is changed
   */
  record Row(
      String id,
      String code,
      String section,
      String field,
      String content,
      String leadText,
      String lead,
      String collective,
      boolean sendToAll,
      List<String> coOperating,
      String deadlineText,
      String dueDate,
      String kind,
      String expectedProduct,
      String evidenceLevel,
      List<String> flags) {}

  record Draft(
      long id,
      HeaderFields header,
      List<Row> rows,
      String sourceText,
      String sourceName,
      int version,
      String createdBy,
      Instant createdAt,
      String updatedBy,
      Instant updatedAt,
      String issuedSymbol) {}

  /** A draft in the desk's list (the issued ones are listed with the directives); once issued, the directive's title and date ({@code issuedOn}) as issued. */
  record Listed(
      long id,
      String number,
      String title,
      int rows,
      String updatedBy,
      Instant updatedAt,
      String issuedSymbol,
      String issuedTitle,
      LocalDate issuedOn) {

    /** When it was last saved, Hanoi time. */
    public String updated() {
      return DisplayDates.TIME_AND_DAY.format(updatedAt.atZone(HanoiTime.ZONE));
    }

    /** The directive's date as issued, dd/MM/yyyy; null while a draft. */
    public String issuedDay() {
      return issuedOn == null ? null : DisplayDates.DAY.format(issuedOn);
    }
  }

  private static final TypeReference<List<Row>> ROWS = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  DeskDrafts(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  long insert(
      HeaderFields header,
      List<Row> rows,
      String text,
      String sourceName,
      UUID job,
      String actor,
      Instant now) {
    return jdbc.sql("""
            insert into directive_draft (header, rows, source_text, source_name, source_job, created_by, created_at, updated_by, updated_at)
            values (?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?, ?) on conflict (source_job) do nothing returning id""")
        .params(
            write(header),
            write(rows),
            text,
            sourceName,
            job,
            actor,
            Timestamp.from(now),
            actor,
            Timestamp.from(now))
        .query(Long.class)
        .optional()
        // a scan's job whose draft another poll made first
        .orElseGet(() -> byJob(job).orElseThrow());
  }

  Optional<Draft> find(long id) {
    return jdbc.sql("select * from directive_draft where id = ?")
        .param(id)
        .query(this::draft)
        .optional();
  }

  Optional<Long> byJob(UUID job) {
    return jdbc.sql("select id from directive_draft where source_job = ?")
        .param(job)
        .query(Long.class)
        .optional();
  }

  /** Stores the header and rows if the draft is still at {@code version} and not issued; the new version, or empty. */
  Optional<Integer> save(
      long id, int version, HeaderFields header, List<Row> rows, String actor, Instant now) {
    return jdbc.sql("""
            update directive_draft set header = ?::jsonb, rows = ?::jsonb, version = version + 1, updated_by = ?, updated_at = ?
            where id = ? and version = ? and issued_symbol is null returning version""")
        .params(write(header), write(rows), actor, Timestamp.from(now), id, version)
        .query(Integer.class)
        .optional();
  }

  /** Marks the draft issued if it is still at {@code version}; false when someone changed or issued it meanwhile. */
  boolean markIssued(long id, int version, String symbol) {
    return jdbc.sql(
                "update directive_draft set issued_symbol = ? where id = ? and version = ? and issued_symbol is null")
            .params(symbol, id, version)
            .update()
        == 1;
  }

  /** The drafts issued, by the symbol they were issued under (the desk's list links a directive to its draft). */
  Map<String, Long> issued() {
    Map<String, Long> issued = new HashMap<>();
    jdbc.sql("select issued_symbol, id from directive_draft where issued_symbol is not null")
        .query(rs -> {
          issued.put(rs.getString("issued_symbol"), rs.getLong("id"));
        });
    return issued;
  }

  List<Listed> recent(int limit) {
    return jdbc.sql("""
            select r.id, r.header ->> 'number' as number, r.header ->> 'title' as title, jsonb_array_length(r.rows) as row_count,
                   r.updated_by, r.updated_at, r.issued_symbol, d.title as issued_title, d.issued_on
            from directive_draft r left join directive d on d.symbol = r.issued_symbol
            where r.issued_symbol is null order by r.updated_at desc limit ?""")
        .param(limit)
        .query((rs, n) -> new Listed(
            rs.getLong("id"),
            rs.getString("number"),
            rs.getString("title"),
            rs.getInt("row_count"),
            rs.getString("updated_by"),
            rs.getTimestamp("updated_at").toInstant(),
            rs.getString("issued_symbol"),
            rs.getString("issued_title"),
            rs.getDate("issued_on") == null ? null : rs.getDate("issued_on").toLocalDate()))
        .list();
  }

  private Draft draft(ResultSet rs, int n) throws SQLException {
    try {
      return new Draft(
          rs.getLong("id"),
          json.readValue(rs.getString("header"), HeaderFields.class),
          json.readValue(rs.getString("rows"), ROWS),
          rs.getString("source_text"),
          rs.getString("source_name"),
          rs.getInt("version"),
          rs.getString("created_by"),
          rs.getTimestamp("created_at").toInstant(),
          rs.getString("updated_by"),
          rs.getTimestamp("updated_at").toInstant(),
          rs.getString("issued_symbol"));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "directive_draft " + rs.getLong("id") + " holds unreadable JSON", e);
    }
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
