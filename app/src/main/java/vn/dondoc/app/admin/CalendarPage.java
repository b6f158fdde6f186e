package vn.dondoc.app.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.dondoc.app.agencies.ReferenceDataSeed;
import vn.dondoc.app.security.Caller;
import vn.dondoc.app.sla.CalendarCoverage;
import vn.dondoc.app.sla.CalendarDay;
import vn.dondoc.app.sla.CalendarEditor;
import vn.dondoc.app.sla.WorkingCalendar;
import vn.dondoc.app.staff.StaffForms;
import vn.dondoc.app.staff.StaffPage;
import vn.dondoc.app.time.DisplayDates;
import vn.dondoc.app.time.HanoiTime;
import vn.dondoc.app.web.InvalidFieldException;

/**
 * The working calendar page ({@value #PATH}): a year's special days, and three edits, each previewed
 * first (how many running clocks' due dates move, {@link CalendarEditor#preview}) and saved only with a
 * reason, which goes into the audit events: set a day, remove a day, import a year from CSV (the columns
 * of db/seed/calendar.csv; days are added or replaced, other days of the year stay).
 */
@Controller
@StaffPage
class CalendarPage {

  static final String PATH = AdminOnly.ROOT + "/lich-lam-viec";
  private static final String FORM = "admin-calendar";
  private static final String LABELS = "staff.admin.calendar.field.";
  private static final DateTimeFormatter TYPED_DAY =
      DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);
  private static final int NAME_MAX = 200;
  private static final int NOTE_MAX = 2000;
  private static final int REASON_MAX = 500;
  private static final int FILE_MAX_BYTES = 64 * 1024;
  /** The moved clocks a preview lists by name; the rest are counted. */
  private static final int PREVIEW_LISTED = 20;

  private final CalendarEditor editor;
  private final CalendarCoverage coverage;
  private final WorkingCalendar calendar;
  private final StaffForms forms;
  private final Clock clock;

  CalendarPage(
      CalendarEditor editor,
      CalendarCoverage coverage,
      WorkingCalendar calendar,
      StaffForms forms,
      Clock clock) {
    this.editor = editor;
    this.coverage = coverage;
    this.calendar = calendar;
    this.forms = forms;
    this.clock = clock;
  }

  /**
   * What a preview shows: the edit's effect, the moved clocks (the first few), and the form that saves it
   * ({@code path} with the typed {@code fields} as hidden inputs, and the reason).
   */
  record Preview(
      String path,
      Map<String, String> fields,
      String summary,
      int moved,
      List<CalendarEditor.DueMove> listed) {}

  @GetMapping(value = PATH, produces = "text/html")
  String page(@RequestParam(name = "nam", required = false) String year, Model model) {
    int shown = year != null && year.matches("\\d{4}")
        ? Integer.parseInt(year)
        : today().getYear();
    List<CalendarDay> days = editor.year(shown);
    model.addAttribute("page", FORM);
    model.addAttribute("year", shown);
    model.addAttribute("days", days);
    model.addAttribute(
        "holidays",
        days.stream().filter(day -> day.kind() == CalendarDay.Kind.HOLIDAY).count());
    model.addAttribute(
        "workingDays",
        days.stream().filter(day -> day.kind() == CalendarDay.Kind.WORKING_DAY).count());
    model.addAttribute(
        "workingDaysInYear",
        LocalDate.of(shown, 1, 1)
            .datesUntil(LocalDate.of(shown + 1, 1, 1))
            .filter(calendar::isWorkingDay)
            .count());
    model.addAttribute("missingYear", coverage.missingYear().orElse(null));
    return "staff/admin-calendar";
  }

  @PostMapping(PATH + "/ngay")
  String putDay(
      @RequestParam(name = "nam") int year,
      @RequestParam(required = false) String day,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String name,
      @RequestParam(required = false) String note,
      @RequestParam(required = false) String reason,
      @RequestParam(required = false) String action,
      Authentication admin,
      RedirectAttributes redirect) {
    Map<String, String> typed =
        StaffForms.typed("day", day, "kind", kind, "name", name, "note", note);
    try {
      CalendarDay parsed = parse(day, kind, name, note);
      edit(
          CalendarEditor.Edit.put(parsed),
          PATH + "/ngay",
          typed,
          reason,
          action,
          admin,
          redirect,
          forms.message(
              "staff.admin.calendar.preview.put",
              DisplayDates.DAY.format(parsed.day()),
              kindLabel(parsed.kind()),
              parsed.name()));
    } catch (InvalidFieldException e) {
      forms.rejected(redirect, e, LABELS + e.field(), typed);
    }
    return back(year);
  }

  @PostMapping(PATH + "/xoa")
  String removeDay(
      @RequestParam(name = "nam") int year,
      @RequestParam(required = false) String day,
      @RequestParam(required = false) String reason,
      @RequestParam(required = false) String action,
      Authentication admin,
      RedirectAttributes redirect) {
    Map<String, String> typed = StaffForms.typed("day", day);
    try {
      LocalDate parsed = parseDay(day);
      edit(
          CalendarEditor.Edit.remove(parsed),
          PATH + "/xoa",
          typed,
          reason,
          action,
          admin,
          redirect,
          forms.message("staff.admin.calendar.preview.remove", DisplayDates.DAY.format(parsed)));
    } catch (InvalidFieldException e) {
      forms.rejected(redirect, e, LABELS + e.field(), typed);
    }
    return back(year);
  }

  /** A CSV file on the preview; its text, carried by the preview's form, on the save. */
  @PostMapping(PATH + "/nhap")
  String importYear(
      @RequestParam(name = "nam") int year,
      @RequestParam(required = false) MultipartFile file,
      @RequestParam(required = false) String csv,
      @RequestParam(required = false) String reason,
      @RequestParam(required = false) String action,
      Authentication admin,
      RedirectAttributes redirect) {
    try {
      String text = csv != null ? csv : read(file);
      List<CalendarDay> days = parseCsv(text, year);
      edit(
          new CalendarEditor.Edit(days, List.of()),
          PATH + "/nhap",
          StaffForms.typed("csv", text),
          reason,
          action,
          admin,
          redirect,
          forms.message("staff.admin.calendar.preview.import", days.size(), String.valueOf(year)));
    } catch (InvalidFieldException e) {
      forms.rejected(redirect, e.field(), forms.message(e.messageKey(), e.arguments()), Map.of());
    }
    return back(year);
  }

  /** A preview (no action, or a save without a reason, which is refused under the reason field), or the save. */
  private void edit(
      CalendarEditor.Edit edit,
      String path,
      Map<String, String> typed,
      String reason,
      String action,
      Authentication admin,
      RedirectAttributes redirect,
      String summary) {
    String why =
        reason == null ? "" : Normalizer.normalize(reason, Normalizer.Form.NFC).strip();
    if ("save".equals(action) && !why.isEmpty() && why.length() <= REASON_MAX) {
      CalendarEditor.Applied applied = editor.apply(edit, why, Caller.of(admin).username());
      forms.accepted(
          redirect,
          FORM,
          "staff.admin.calendar.saved",
          applied.created() + applied.replaced() + applied.removed(),
          applied.dueDatesMoved());
      return;
    }
    if ("save".equals(action)) {
      forms.rejected(
          redirect,
          new InvalidFieldException(
              "reason",
              why.isEmpty() ? "validation.required" : "validation.size.max.n",
              REASON_MAX),
          LABELS + "reason",
          typed);
    }
    List<CalendarEditor.DueMove> moves = editor.preview(edit);
    redirect.addFlashAttribute(
        "preview",
        new Preview(
            path,
            typed,
            summary,
            moves.size(),
            moves.subList(0, Math.min(PREVIEW_LISTED, moves.size()))));
    redirect.addFlashAttribute("values", typed);
  }

  private static String back(int year) {
    return "redirect:" + PATH + "?nam=" + year;
  }

  private CalendarDay parse(String day, String kind, String name, String note) {
    LocalDate parsed = parseDay(day);
    CalendarDay.Kind parsedKind;
    try {
      parsedKind = CalendarDay.Kind.valueOf(kind == null ? "" : kind.strip());
    } catch (IllegalArgumentException e) {
      throw new InvalidFieldException("kind", "validation.required");
    }
    if (parsedKind == CalendarDay.Kind.WORKING_DAY && !isWeekend(parsed)) {
      throw new InvalidFieldException("kind", "staff.admin.calendar.working-day-weekend");
    }
    String cleanName = clean(name);
    if (cleanName.isEmpty()) {
      throw new InvalidFieldException("name", "validation.required");
    }
    if (cleanName.length() > NAME_MAX) {
      throw new InvalidFieldException("name", "validation.size.max.n", NAME_MAX);
    }
    String cleanNote = clean(note);
    if (cleanNote.length() > NOTE_MAX) {
      throw new InvalidFieldException("note", "validation.size.max.n", NOTE_MAX);
    }
    return new CalendarDay(parsed, parsedKind, cleanName, cleanNote.isEmpty() ? null : cleanNote);
  }

  /** dd/MM/yyyy as users write dates, or yyyy-MM-dd as the seed file does. */
  private static LocalDate parseDay(String day) {
    String typed = day == null ? "" : day.strip();
    if (typed.isEmpty()) {
      throw new InvalidFieldException("day", "validation.required");
    }
    try {
      return typed.contains("/") ? LocalDate.parse(typed, TYPED_DAY) : LocalDate.parse(typed);
    } catch (DateTimeParseException e) {
      throw new InvalidFieldException("day", "staff.admin.calendar.day-invalid");
    }
  }

  private List<CalendarDay> parseCsv(String text, int year) {
    List<List<String>> rows = ReferenceDataSeed.csvRows(text);
    if (rows.isEmpty()) {
      throw new InvalidFieldException("file", "staff.admin.calendar.import.empty");
    }
    List<CalendarDay> days = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      List<String> row = rows.get(i);
      int line = i + 2;
      try {
        CalendarDay day = parse(
            row.get(0),
            row.size() > 1 ? row.get(1) : null,
            row.size() > 2 ? row.get(2) : null,
            row.size() > 3 ? row.get(3) : null);
        if (day.day().getYear() != year) {
          throw new InvalidFieldException(
              "day", "staff.admin.calendar.import.other-year", String.valueOf(year));
        }
        days.add(day);
      } catch (InvalidFieldException e) {
        throw new InvalidFieldException(
            "file",
            "staff.admin.calendar.import.row",
            line,
            forms.message(LABELS + e.field()) + " " + forms.message(e.messageKey(), e.arguments()));
      }
    }
    return days;
  }

  private static String read(MultipartFile file) {
    if (file == null || file.isEmpty()) {
      throw new InvalidFieldException("file", "staff.admin.calendar.import.empty");
    }
    if (file.getSize() > FILE_MAX_BYTES) {
      throw new InvalidFieldException("file", "staff.admin.calendar.import.too-large");
    }
    try {
      return new String(file.getBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidFieldException("file", "staff.admin.calendar.import.empty");
    }
  }

  private String kindLabel(CalendarDay.Kind kind) {
    return forms.message("staff.admin.calendar.kind." + kind.name());
  }

  private static boolean isWeekend(LocalDate day) {
    return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
  }

  private static String clean(String text) {
    return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFC).strip();
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(HanoiTime.ZONE));
  }
}
