package vn.dondoc.app.sla;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.dondoc.app.time.DisplayDates;
import vn.dondoc.app.web.InvalidFieldException;

/** The working calendar's special days, for admins (the role is checked in SecurityConfig). */
@RestController
@RequestMapping("/api/v1/admin/calendar")
class CalendarController {

  private final CalendarDayRepository repository;
  private final CalendarEditor editor;

  CalendarController(CalendarDayRepository repository, CalendarEditor editor) {
    this.repository = repository;
    this.editor = editor;
  }

  /** A special day; {@code display} is the date as Vietnamese users write it. */
  record DayView(LocalDate day, String display, CalendarDay.Kind kind, String name, String note) {
    static DayView of(CalendarDay day) {
      return new DayView(
          day.day(), DisplayDates.DAY.format(day.day()), day.kind(), day.name(), day.note());
    }
  }

  /** What an admin sets for one day. */
  record DayEdit(
      @NotNull(message = "{validation.required}") CalendarDay.Kind kind,

      @NotBlank(message = "{validation.required}")
      @Size(max = 200, message = "{validation.size.max}")
      String name,

      @Size(max = 2000, message = "{validation.size.max}") String note) {}

  @GetMapping("/{year}")
  List<DayView> year(@PathVariable String year) {
    if (!year.matches("\\d{4}")) {
      throw new InvalidFieldException("year", "validation.year.invalid");
    }
    return repository.year(Integer.parseInt(year)).stream().map(DayView::of).toList();
  }

  @PutMapping("/{day}")
  ResponseEntity<DayView> put(
      @PathVariable String day,
      @Valid @RequestBody DayEdit edit,
      @AuthenticationPrincipal Jwt admin) {
    String note = edit.note() == null || edit.note().isBlank() ? null : clean(edit.note());
    CalendarDay calendarDay = new CalendarDay(parse(day), edit.kind(), clean(edit.name()), note);
    boolean created = editor.put(calendarDay, admin.getClaimAsString("preferred_username"));
    return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
        .body(DayView.of(calendarDay));
  }

  @DeleteMapping("/{day}")
  ResponseEntity<Void> delete(@PathVariable String day, @AuthenticationPrincipal Jwt admin) {
    editor.delete(parse(day), admin.getClaimAsString("preferred_username"));
    return ResponseEntity.noContent().build();
  }

  private static LocalDate parse(String day) {
    try {
      return LocalDate.parse(day);
    } catch (DateTimeParseException e) {
      throw new InvalidFieldException("day", "validation.date.invalid");
    }
  }

  /** NFC, so that the same Vietnamese name typed on different keyboards compares equal. */
  private static String clean(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFC).strip();
  }
}
