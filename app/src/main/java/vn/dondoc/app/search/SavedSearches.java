package vn.dondoc.app.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dondoc.app.time.HanoiTime;
import vn.dondoc.app.web.ConflictException;
import vn.dondoc.app.web.Inputs;
import vn.dondoc.app.web.InvalidFieldException;
import vn.dondoc.search.CaseQuery;

/**
 * Saved searches (table saved_search): a user's searches under names of their own, seen, run and
 * deleted by that user only. What is saved is the parameters, never the results nor the scope: a run
 * searches with the caller's scope of the moment.
 */
@Service
public class SavedSearches {

  public static final int MAX_PER_USER = 50;
  public static final int MAX_NAME_LENGTH = 100;

  /** A saved search as its owner sees it. */
  public record Saved(long id, String name, SearchParams query, Instant createdAt) {}

  private final JdbcClient jdbc;
  private final ObjectMapper json;
  private final RowMapper<Saved> rows;

  SavedSearches(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
    this.rows = (rs, n) -> new Saved(
        rs.getLong("id"),
        rs.getString("name"),
        read(rs.getString("query")),
        rs.getTimestamp("created_at").toInstant());
  }

  public List<Saved> list(String username) {
    return jdbc.sql(
            "select id, name, query, created_at from saved_search where username = ? order by name, id")
        .param(username)
        .query(rows)
        .list();
  }

  public Optional<Saved> find(String username, long id) {
    return jdbc.sql(
            "select id, name, query, created_at from saved_search where username = ? and id = ?")
        .params(username, id)
        .query(rows)
        .optional();
  }

  /**
   * Stores a search under a name: checked first (name, then every parameter, as for a search), so that
   * bad input stores nothing.
   *
   * @throws InvalidFieldException naming {@code name} or {@code query.<parameter>}
   * @throws ConflictException if the name is taken or the user has {@value #MAX_PER_USER} already
   */
  @Transactional
  public Saved save(String username, String name, SearchParams query) {
    String checkedName = Inputs.text(name, "name", MAX_NAME_LENGTH);
    if (query == null) {
      throw new InvalidFieldException("query", "validation.required");
    }
    query.toQuery(0, CaseQuery.MAX_PAGE_SIZE, HanoiTime.ZONE, "query.");
    // One save per user at a time, so that two at once cannot both pass the limit.
    jdbc.sql("select pg_advisory_xact_lock(hashtext('saved_search:' || ?))")
        .param(username)
        .query((rs, n) -> 1)
        .list();
    if (jdbc.sql("select count(*) from saved_search where username = ?")
            .param(username)
            .query(Long.class)
            .single()
        >= MAX_PER_USER) {
      throw new ConflictException("conflict.saved-search.limit");
    }
    if (jdbc.sql("select count(*) from saved_search where username = ? and name = ?")
            .params(username, checkedName)
            .query(Long.class)
            .single()
        > 0) {
      throw new ConflictException("conflict.saved-search.name-taken");
    }
    long id;
    try {
      id = jdbc.sql(
              "insert into saved_search (username, name, query) values (?, ?, ?::jsonb) returning id")
          .params(username, checkedName, write(query))
          .query(Long.class)
          .single();
    } catch (DuplicateKeyException e) {
      throw new ConflictException("conflict.saved-search.name-taken");
    }
    return find(username, id).orElseThrow();
  }

  /** Deletes the user's own saved search; false if there is none of that id (or it is someone else's). */
  @Transactional
  public boolean delete(String username, long id) {
    return jdbc.sql("delete from saved_search where username = ? and id = ?")
            .params(username, id)
            .update()
        == 1;
  }

  private SearchParams read(String text) {
    try {
      return json.readValue(text, SearchParams.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable saved_search.query", e);
    }
  }

  private String write(SearchParams query) {
    try {
      return json.writeValueAsString(query);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
