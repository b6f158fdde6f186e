package vn.dondoc.app.sla;

import java.time.LocalDate;

/**
 * A day that breaks the weekly rule of the working calendar (Monday to Friday worked, Saturday and
 * Sunday off). Its kind replaces the weekly rule for that day.
 */
public record CalendarDay(LocalDate day, Kind kind, String name, String note) {

  public enum Kind {
    /** A day off: public holiday, compensatory day off (nghỉ bù) or swapped day off (nghỉ hoán đổi). */
    HOLIDAY,
    /** A day worked although it is a Saturday or Sunday (làm bù). */
    WORKING_DAY
  }
}
