package vn.dondoc.app.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import vn.dondoc.app.web.InvalidFieldException;
import vn.dondoc.search.CaseQuery;

/**
 * The parameters of {@code GET /api/v1/search} as the caller writes them (and as a saved search keeps
 * them, JSON in saved_search.query): free text, filters, day ranges (yyyy-MM-dd, days of the given
 * zone, both ends included) and the order. {@link #toQuery} checks them and names the bad one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SearchParams(
    String q,
    String type,
    String status,
    String timeliness,
    String agency,
    String field,
    String locality,
    String slaState,
    String directive,
    String section,
    String createdFrom,
    String createdTo,
    String dueFrom,
    String dueTo,
    String sort,
    String channel) {

  /** Parameters without a channel (searches saved before it was a filter read the same). */
  public SearchParams(
      String q,
      String type,
      String status,
      String timeliness,
      String agency,
      String field,
      String locality,
      String slaState,
      String directive,
      String section,
      String createdFrom,
      String createdTo,
      String dueFrom,
      String dueTo,
      String sort) {
    this(
        q,
        type,
        status,
        timeliness,
        agency,
        field,
        locality,
        slaState,
        directive,
        section,
        createdFrom,
        createdTo,
        dueFrom,
        dueTo,
        sort,
        null);
  }

  static final int MAX_QUERY_LENGTH = 200;
  static final int MAX_FILTER_LENGTH = 200;
  static final Set<String> SLA_STATES = Set.of("RUNNING", "AT_RISK", "PAUSED", "MET", "BREACHED");

  /**
   * The query for one page, in the days of {@code zone}. A created range takes the cases created from
   * the start of the first day to the end of the last; a due range those due after the start of the
   * first day up to the end of the last, since a deadline day's cases are due at its end (midnight).
   *
   * @param prefix put before the parameter's name in errors ("query." for a saved search's body)
   * @throws InvalidFieldException naming the first bad parameter
   */
  public CaseQuery toQuery(int page, int size, ZoneId zone, String prefix) {
    if (q != null && q.length() > MAX_QUERY_LENGTH) {
      throw new InvalidFieldException(prefix + "q", "validation.range", 0, MAX_QUERY_LENGTH);
    }
    String[][] filters = {
      {"type", type},
      {"status", status},
      {"timeliness", timeliness},
      {"agency", agency},
      {"field", field},
      {"locality", locality},
      {"slaState", slaState},
      {"directive", directive},
      {"section", section},
      {"channel", channel}
    };
    for (String[] filter : filters) {
      if (filter[1] != null && filter[1].length() > MAX_FILTER_LENGTH) {
        throw new InvalidFieldException(
            prefix + filter[0], "validation.size.max.n", MAX_FILTER_LENGTH);
      }
    }
    if (blankToNull(slaState) != null && !SLA_STATES.contains(slaState.strip())) {
      throw new InvalidFieldException(prefix + "slaState", "validation.value.invalid");
    }
    LocalDate createdFromDay = day(createdFrom, prefix + "createdFrom");
    LocalDate createdToDay = day(createdTo, prefix + "createdTo");
    LocalDate dueFromDay = day(dueFrom, prefix + "dueFrom");
    LocalDate dueToDay = day(dueTo, prefix + "dueTo");
    if (createdFromDay != null && createdToDay != null && createdToDay.isBefore(createdFromDay)) {
      throw new InvalidFieldException(prefix + "createdTo", "validation.date.before-range-start");
    }
    if (dueFromDay != null && dueToDay != null && dueToDay.isBefore(dueFromDay)) {
      throw new InvalidFieldException(prefix + "dueTo", "validation.date.before-range-start");
    }
    CaseQuery.Sort order = null;
    if (blankToNull(sort) != null) {
      try {
        order = CaseQuery.Sort.valueOf(sort.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new InvalidFieldException(prefix + "sort", "validation.value.invalid");
      }
    }
    return new CaseQuery(
        blankToNull(q),
        blankToNull(type),
        blankToNull(status),
        blankToNull(timeliness),
        blankToNull(agency),
        blankToNull(field),
        blankToNull(locality),
        blankToNull(slaState),
        blankToNull(directive),
        blankToNull(section),
        createdFromDay == null ? null : createdFromDay.atStartOfDay(zone).toInstant(),
        createdToDay == null
            ? null
            : createdToDay.plusDays(1).atStartOfDay(zone).toInstant(),
        dueFromDay == null ? null : dueFromDay.atStartOfDay(zone).toInstant(),
        dueToDay == null ? null : dueToDay.plusDays(1).atStartOfDay(zone).toInstant(),
        order,
        page,
        size,
        blankToNull(channel));
  }

  private static LocalDate day(String text, String name) {
    if (blankToNull(text) == null) {
      return null;
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidFieldException(name, "validation.date.invalid");
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
