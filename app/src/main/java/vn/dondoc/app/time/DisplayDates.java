package vn.dondoc.app.time;

import java.time.format.DateTimeFormatter;

/** How users read dates and times: dd/MM/yyyy, times in Asia/Ho_Chi_Minh (the formatter's zone is the caller's). */
public final class DisplayDates {

  public static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  public static final DateTimeFormatter TIME_AND_DAY =
      DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");
  public static final DateTimeFormatter DAY_AND_TIME =
      DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

  private DisplayDates() {}
}
