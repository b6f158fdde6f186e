package vn.dondoc.app.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues human-readable case codes such as {@code PAKN-2026-000123}, numbered per prefix and year.
 * Each number is taken in its own short transaction so that concurrent submissions do not queue on
 * the counter row; a rolled-back submission leaves a gap, never a duplicate.
 */
@Component
public class CaseCodes {

  private final JdbcClient jdbc;
  private final Clock clock;

  public CaseCodes(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** A code as {@link #next} writes it once spaces and dashes are set aside: letters, the year, the number. */
  private static final Pattern TYPED = Pattern.compile("([A-Z]+)([0-9]{4})([0-9]{6,})");

  /**
   * A code as a person types it, in whatever case, with spaces or dashes anywhere or none ("pakn 2026 000123",
   * "PAKN2026000123"), written as {@link #next} writes it; anything else comes back stripped, to be not found.
   */
  public static String typed(String text) {
    if (text == null) {
      return null;
    }
    Matcher code = TYPED.matcher(text.replaceAll("[\\s\\p{Pd}_.]", "").toUpperCase(Locale.ROOT));
    return code.matches()
        ? code.group(1) + "-" + code.group(2) + "-" + code.group(3)
        : text.strip();
  }

  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public String next(String prefix) {
    int year = LocalDate.now(clock).getYear();
    long number = jdbc.sql("""
            insert into case_counter (prefix, year, last_value) values (:prefix, :year, 1)
            on conflict (prefix, year) do update set last_value = case_counter.last_value + 1
            returning last_value""")
        .param("prefix", prefix)
        .param("year", year)
        .query(Long.class)
        .single();
    return String.format("%s-%d-%06d", prefix, year, number);
  }
}
