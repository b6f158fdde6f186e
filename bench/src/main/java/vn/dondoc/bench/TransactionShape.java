package vn.dondoc.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What one feedback submission writes, table by table (PostgreSQL's own counters, pg_stat_user_tables, around
 * {@code n} submissions one after another), and a pgbench transaction of the same shape: per table the same
 * number of rows inserted (one INSERT per row, as the engine and the app write them), of the table's median
 * row size, into a table with as many indexes, and the same number of rows updated by primary key. That is
 * PostgreSQL's ceiling for the writes alone: no reads, no locks between transactions, no application.
 */
final class TransactionShape {

  private record Counts(String table, long inserted, long updated, long indexes) {}

  private TransactionShape() {}

  static String measure(JdbcTemplate jdbc, int n, Supplier<LoadShape.Outcome> submission, Path dir)
      throws Exception {
    // backends report their counters at most once a second and idle ones after 10 s
    Thread.sleep(11_000);
    Map<String, Counts> before = counts(jdbc);
    int accepted = 0;
    for (int i = 0; i < n; i++) {
      if (submission.get().accepted()) {
        accepted++;
      }
    }
    Thread.sleep(11_000);
    Map<String, Counts> after = counts(jdbc);
    StringBuilder schema = new StringBuilder(
        "-- written by bench/throughput (TransactionShape): tables shaped like the app's\n");
    StringBuilder transaction = new StringBuilder(
        "-- one feedback submission's writes, as measured; written by bench/throughput\nBEGIN;\n");
    StringBuilder properties = new StringBuilder();
    StringBuilder rows = new StringBuilder();
    long totalInserted = 0;
    long totalUpdated = 0;
    long totalBytes = 0;
    for (Counts a : after.values()) {
      Counts b = before.getOrDefault(a.table(), new Counts(a.table(), 0, 0, a.indexes()));
      double inserted = (double) (a.inserted() - b.inserted()) / accepted;
      double updated = (double) (a.updated() - b.updated()) / accepted;
      // the outbox relay marks rows sent after the submission's commit: not part of the
      // submission's transaction
      if (a.table().equals("dondoc.outbox")) {
        updated = 0;
      }
      long insertRows = Math.round(inserted);
      long updateRows = Math.round(updated);
      if (insertRows == 0 && updateRows == 0) {
        continue;
      }
      long width = medianWidth(jdbc, a.table());
      String name = "t_" + a.table().replace('.', '_');
      schema
          .append("create table ")
          .append(name)
          .append(" (id bigserial primary key, k bigint not null, payload text not null);\n");
      for (int i = 1; i < a.indexes(); i++) {
        schema.append("create index on ").append(name).append(" (k);\n");
      }
      schema
          .append("insert into ")
          .append(name)
          .append(" (k, payload) select g, repeat('s', ")
          .append(width)
          .append(") from generate_series(1, 1000) g;\n");
      for (long i = 0; i < insertRows; i++) {
        transaction
            .append("insert into ")
            .append(name)
            .append(" (k, payload) values ((random() * 1e9)::bigint, repeat('x', ")
            .append(width)
            .append("));\n");
      }
      for (long i = 0; i < updateRows; i++) {
        transaction
            .append("update ")
            .append(name)
            .append(" set payload = repeat('u', ")
            .append(width)
            .append(") where id = 1 + (random() * 999)::int;\n");
      }
      totalInserted += insertRows;
      totalUpdated += updateRows;
      totalBytes += insertRows * width;
      rows.append(String.format(
          Locale.ROOT, "%s:%.2f:%.2f:%d:%d;", a.table(), inserted, updated, width, a.indexes()));
    }
    transaction.append("END;\n");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("pgbench-schema.sql"), schema.toString(), StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("pgbench-submission.sql"), transaction.toString(), StandardCharsets.UTF_8);
    properties
        .append("shape.submissions=")
        .append(accepted)
        .append('\n')
        .append("shape.rows_inserted=")
        .append(totalInserted)
        .append('\n')
        .append("shape.rows_updated=")
        .append(totalUpdated)
        .append('\n')
        .append("shape.bytes_inserted=")
        .append(totalBytes)
        .append('\n')
        .append("shape.tables=")
        .append(rows)
        .append('\n');
    Bench.log(
        "one submission writes %d rows (%d bytes) and updates %d: %s",
        totalInserted, totalBytes, totalUpdated, rows);
    return properties.toString();
  }

  private static Map<String, Counts> counts(JdbcTemplate jdbc) {
    Map<String, Counts> counts = new HashMap<>();
    List<Counts> list = jdbc.query(
        """
        select s.schemaname || '.' || s.relname as name, s.n_tup_ins, s.n_tup_upd,
               (select count(*) from pg_index i where i.indrelid = s.relid) as indexes
        from pg_stat_user_tables s where s.schemaname in ('public', 'dondoc')""", (rs, i) -> new Counts(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
    list.forEach(c -> counts.put(c.table(), c));
    return counts;
  }

  /** The median size of the table's rows as stored (pg_column_size of the row), at least 16 bytes. */
  private static long medianWidth(JdbcTemplate jdbc, String table) {
    Double median = jdbc.queryForObject(
        "select percentile_cont(0.5) within group (order by pg_column_size(t.*)) from " + table
            + " t",
        Double.class);
    return Math.max(16, median == null ? 16 : Math.round(median) - 40);
  }
}
