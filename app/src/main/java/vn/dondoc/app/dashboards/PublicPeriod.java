package vn.dondoc.app.dashboards;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.dondoc.app.web.InvalidFieldException;

/**
 * The periods the public figures can be asked for: everything so far ({@link #ALL}, the default), a
 * calendar year ({@code 2026}) or a quarter ({@code 2026-q3}), from {@link #FIRST_YEAR} up to the current
 * one. A closed list rather than free dates, so that the public answer can be kept per period without the
 * cache growing with whatever anyone asks.
 *
 * <p>With a period, the figures are those of the tasks whose <em>original</em> deadline falls in it and the
 * feedback received in it (their state today), the ranking over it and the initiatives decided in it; the
 * current period ends today. {@link #ALL} is every task as of today, all feedback ever, and the ranking of
 * the last twelve months.
 *
 * @param key what the URL carries ({@code all}, {@code 2026}, {@code 2026-q3})
 * @param from first day, null for {@link #ALL}
 * @param to last day (included, not after today), null for {@link #ALL}
 */
public record PublicPeriod(String key, LocalDate from, LocalDate to) {

  /** The programme's figures start with Resolution 57's first full year. */
  static final int FIRST_YEAR = 2025;

  public static final String ALL = "all";

  private static final Pattern YEAR = Pattern.compile("(\\d{4})");
  private static final Pattern QUARTER = Pattern.compile("(\\d{4})-[qQ]([1-4])");

  public boolean isAll() {
    return from == null;
  }

  /** The year of a year or quarter period (null for {@link #ALL}). */
  public Integer year() {
    return from == null ? null : from.getYear();
  }

  /** The quarter, 1–4, of a quarter period; null otherwise. */
  public Integer quarter() {
    return key.contains("-q") ? (from.getMonthValue() + 2) / 3 : null;
  }

  /**
   * Reads a period key; blank is {@link #ALL}. Anything else, or a period after today, is refused naming
   * {@code parameter} (400 on the API, a message next to the selector on the page).
   */
  public static PublicPeriod parse(String value, LocalDate today, String parameter) {
    String text = value == null ? "" : value.strip();
    if (text.isEmpty() || ALL.equals(text)) {
      return all();
    }
    Matcher year = YEAR.matcher(text);
    Matcher quarter = QUARTER.matcher(text);
    PublicPeriod period;
    if (year.matches()) {
      int y = Integer.parseInt(year.group(1));
      period = of(text, LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31), today);
    } else if (quarter.matches()) {
      int y = Integer.parseInt(quarter.group(1));
      int q = Integer.parseInt(quarter.group(2));
      LocalDate start = LocalDate.of(y, 3 * q - 2, 1);
      period = of(y + "-q" + q, start, start.plusMonths(3).minusDays(1), today);
    } else {
      throw new InvalidFieldException(parameter, "validation.public-period");
    }
    if (period.from().getYear() < FIRST_YEAR || period.from().isAfter(today)) {
      throw new InvalidFieldException(parameter, "validation.public-period");
    }
    return period;
  }

  public static PublicPeriod all() {
    return new PublicPeriod(ALL, null, null);
  }

  /** Every period there is as of today, newest year first, each year followed by its quarters so far. */
  public static List<PublicPeriod> choices(LocalDate today) {
    List<PublicPeriod> choices = new ArrayList<>();
    choices.add(all());
    for (int y = today.getYear(); y >= FIRST_YEAR; y--) {
      choices.add(parse(String.valueOf(y), today, "period"));
      for (int q = 1; q <= 4 && !LocalDate.of(y, 3 * q - 2, 1).isAfter(today); q++) {
        choices.add(parse(y + "-q" + q, today, "period"));
      }
    }
    return choices;
  }

  private static PublicPeriod of(String key, LocalDate from, LocalDate to, LocalDate today) {
    return new PublicPeriod(key, from, to.isAfter(today) ? today : to);
  }
}
