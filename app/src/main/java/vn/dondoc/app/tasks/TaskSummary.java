package vn.dondoc.app.tasks;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.dondoc.app.web.InvalidFieldException;

/**
 * The task summary of DOMAIN.md §3.1 and §4.2 ("1.937 nhiệm vụ = 468 thường xuyên + 1.469 có thời hạn; đã
 * hoàn thành 1.245/1.469 (84,8%) …"), in total and per group. Every task is labelled by
 * {@link Timeliness#of} as of the end of the report's day; this class only counts the labels:
 * <ul>
 *   <li><b>total</b>: tasks not withdrawn; <b>recurring</b> + <b>withDeadline</b> = total;</li>
 *   <li><b>completed</b> = completedOnTime + completedLate (against the original deadline);</li>
 *   <li><b>inProgressOnTime</b>: open and within the deadline, <b>nearDue</b> ones included (they are also
 *       counted on their own); completed + inProgressOnTime + overdue = withDeadline;</li>
 *   <li><b>completionRate</b> = completed / withDeadline, <b>onTimeRate</b> = completedOnTime / withDeadline,
 *       both in percent rounded half up to one decimal; absent when there is no task with a deadline.</li>
 * </ul>
 */
@Component
public class TaskSummary {

  /** What the groups are. */
  public enum GroupBy {
    DIRECTIVE,
    AGENCY,
    SECTION,
    /** The quarter of the original deadline; recurring tasks form a group of their own. */
    QUARTER;

    @JsonValue
    public String parameter() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The query parameter's value, or null when absent; an unknown one is refused naming the parameter. */
    public static GroupBy of(String parameter) {
      if (parameter == null || parameter.isBlank()) {
        return null;
      }
      for (GroupBy value : values()) {
        if (value.parameter().equals(parameter.strip().toLowerCase(Locale.ROOT))) {
          return value;
        }
      }
      throw new InvalidFieldException(
          "groupBy", "validation.tasks.group-by", "directive, agency, section, quarter");
    }
  }

  /** The key of the recurring tasks' group when grouping by quarter. */
  public static final String RECURRING_GROUP = "RECURRING";

  public record Figures(
      long total,
      long recurring,
      long withDeadline,
      long completed,
      long completedOnTime,
      long completedLate,
      long inProgressOnTime,
      long nearDue,
      long overdue,
      BigDecimal completionRate,
      BigDecimal onTimeRate) {

    /** The figures of tasks counted by label (a label absent from the map counts none). */
    public static Figures of(Map<Timeliness, Long> count) {
      long recurring = count.getOrDefault(Timeliness.RECURRING, 0L);
      long onTime = count.getOrDefault(Timeliness.COMPLETED_ON_TIME, 0L);
      long late = count.getOrDefault(Timeliness.COMPLETED_LATE, 0L);
      long nearDue = count.getOrDefault(Timeliness.NEAR_DUE, 0L);
      long inTime = count.getOrDefault(Timeliness.IN_PROGRESS_ON_TIME, 0L) + nearDue;
      long overdue = count.getOrDefault(Timeliness.OVERDUE, 0L);
      long withDeadline = onTime + late + inTime + overdue;
      return new Figures(
          recurring + withDeadline,
          recurring,
          withDeadline,
          onTime + late,
          onTime,
          late,
          inTime,
          nearDue,
          overdue,
          percent(onTime + late, withDeadline),
          percent(onTime, withDeadline));
    }
  }

  /** One group's figures, with its key (null for tasks without a directive or a section) and label. */
  public record Group(
      String key, String label, @JsonUnwrapped Figures figures) {}

  public record Summary(
      LocalDate asOf, int nearDueDays, GroupBy groupBy, Figures totals, List<Group> groups) {}

  private final TaskReportQueries queries;
  private final TaskProperties properties;
  private final MessageSource messages;

  TaskSummary(TaskReportQueries queries, TaskProperties properties, MessageSource messages) {
    this.queries = queries;
    this.properties = properties;
    this.messages = messages;
  }

  /** The summary the caller may see, labels in {@code locale}. */
  public Summary summary(TaskReportFilter filter, TaskScope scope, GroupBy groupBy, Locale locale) {
    Map<String, String> agencies = groupBy == GroupBy.AGENCY ? queries.agencyNames() : Map.of();
    return summarise(
        queries.labelCounts(filter, scope, groupBy),
        filter.asOf(),
        properties.nearDueDays(),
        groupBy,
        key -> label(groupBy, key, agencies, locale));
  }

  /**
   * The summary of tasks counted by group key and label ({@link TaskReportQueries#labelCounts}); with
   * {@code groupBy}, also per group, ordered by key (tasks without a directive or section last, the recurring group
   * after the quarters).
   */
  static Summary summarise(
      Map<String, Map<Timeliness, Long>> counts,
      LocalDate asOf,
      int nearDueDays,
      GroupBy groupBy,
      Function<String, String> labels) {
    Map<Timeliness, Long> all = new EnumMap<>(Timeliness.class);
    counts.values().forEach(group -> group.forEach((label, n) -> all.merge(label, n, Long::sum)));
    List<Group> groups = null;
    if (groupBy != null) {
      groups = counts.entrySet().stream()
          .sorted(Map.Entry.comparingByKey(Comparator.nullsLast(Comparator.naturalOrder())))
          .map(group ->
              new Group(group.getKey(), labels.apply(group.getKey()), Figures.of(group.getValue())))
          .toList();
    }
    return new Summary(asOf, nearDueDays, groupBy, Figures.of(all), groups);
  }

  private String label(GroupBy groupBy, String key, Map<String, String> agencies, Locale locale) {
    return switch (groupBy) {
      case DIRECTIVE ->
        key == null ? messages.getMessage("tasks.summary.no-directive", null, locale) : key;
      case SECTION ->
        key == null ? messages.getMessage("tasks.summary.no-section", null, locale) : key;
      case AGENCY -> agencies.getOrDefault(key, key);
      case QUARTER -> {
        if (RECURRING_GROUP.equals(key)) {
          yield messages.getMessage("tasks.summary.recurring", null, locale);
        }
        int quarter = key.charAt(key.length() - 1) - '0';
        yield messages.getMessage(
            "tasks.summary.quarter",
            new Object[] {ROMAN[quarter - 1], String.valueOf(quarter), key.substring(0, 4)},
            locale);
      }
    };
  }

  private static final String[] ROMAN = {"I", "II", "III", "IV"};

  /** A share in percent, rounded half up to one decimal as the source documents write it; null without a whole. */
  static BigDecimal percent(long part, long whole) {
    return whole == 0
        ? null
        : BigDecimal.valueOf(part * 100L)
            .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
  }
}
