package vn.dondoc.app.workspace;

import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.dondoc.app.attachments.AttachmentClaim;
import vn.dondoc.app.evidence.EvidenceKind;
import vn.dondoc.app.evidence.EvidenceService;
import vn.dondoc.app.evidence.EvidenceSubmission;
import vn.dondoc.app.extensions.ExtensionReason;
import vn.dondoc.app.extensions.ExtensionRepository.Milestone;
import vn.dondoc.app.extensions.ExtensionRequest;
import vn.dondoc.app.extensions.ExtensionService;
import vn.dondoc.app.staff.StaffForms;
import vn.dondoc.app.staff.StaffPage;
import vn.dondoc.app.tasks.EvidenceLevel;
import vn.dondoc.app.tasks.TaskPageFiles;
import vn.dondoc.app.tasks.TaskWork;
import vn.dondoc.app.web.ConflictException;
import vn.dondoc.app.web.ForbiddenException;
import vn.dondoc.app.web.InvalidFieldException;
import vn.dondoc.processes.TaskLifecycle.Var;

/**
 * The lead agency's steps posted from a task's page (post/redirect/get): each calls the service the API
 * calls, as the signed-in person; a refusal goes back to the page with the message next to its field
 * and what was typed, and stores nothing.
 */
@Controller
@StaffPage
class TaskPageActions {

  /** Rows of the roadmap form; blank rows are left out. */
  static final int MILESTONE_ROWS = 3;
  /** Evidence items of the completion form; blank rows after the first are left out. */
  static final int ITEM_ROWS = 3;
  /** The fields of an evidence row, named with the row's number in the form (kind0, description2). */
  static final List<String> ITEM_FIELDS = List.of(
      "kind",
      "level",
      "description",
      "documentNumber",
      "documentDate",
      "systemUrl",
      "goLiveDate",
      "figureName",
      "figureValue",
      "figureUnit");
  /** The file fields: an evidence row's (files0 …) and the extension request's. */
  static final String FILES = "files";

  static final String DOCUMENTS = "documents";
  private static final DateTimeFormatter DAY_AS_WRITTEN =
      DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);
  private static final Pattern MILESTONE_FIELD =
      Pattern.compile("milestones\\[(\\d+)]\\.(date|milestone)");
  private static final Pattern ITEM_FIELD = Pattern.compile("items\\[(\\d+)]\\.(\\w+(\\[\\d+])?)");

  private final TaskWork work;
  private final EvidenceService evidence;
  private final ExtensionService extensions;
  private final TaskPageFiles uploads;
  private final StaffForms forms;

  TaskPageActions(
      TaskWork work,
      EvidenceService evidence,
      ExtensionService extensions,
      TaskPageFiles uploads,
      StaffForms forms) {
    this.work = work;
    this.evidence = evidence;
    this.extensions = extensions;
    this.uploads = uploads;
    this.forms = forms;
  }

  @PostMapping(TaskPages.LIST + "/{caseCode}/tiep-nhan")
  String acknowledge(
      @PathVariable String caseCode,
      HttpServletRequest request,
      Authentication caller,
      RedirectAttributes redirect) {
    Map<String, String> values = StaffForms.typed(request, List.of(Var.ACKNOWLEDGE_NOTE));
    try {
      work.acknowledge(caseCode, values, caller);
      forms.accepted(redirect, "acknowledge", "staff.task.acknowledged");
    } catch (InvalidFieldException e) {
      forms.rejectedAll(redirect, e, null, values);
    } catch (RuntimeException e) {
      refused(redirect, e, "acknowledge", values);
    }
    return back(caseCode);
  }

  @PostMapping(TaskPages.LIST + "/{caseCode}/tien-do")
  String progress(
      @PathVariable String caseCode,
      HttpServletRequest request,
      Authentication caller,
      RedirectAttributes redirect) {
    Map<String, String> values =
        StaffForms.typed(request, List.of(Var.PROGRESS_PERCENT, Var.PROGRESS_TEXT));
    try {
      work.reportProgress(caseCode, values, caller);
      forms.accepted(redirect, "progress", "staff.task.progress-saved");
    } catch (InvalidFieldException e) {
      forms.rejectedAll(redirect, e, null, values);
    } catch (RuntimeException e) {
      refused(redirect, e, "progress", values);
    }
    return back(caseCode);
  }

  /**
   * A completion report in one multipart post: up to {@value #ITEM_ROWS} evidence items (rows after the first
   * are left out when blank), each with any number of files. The files are staged first, all or none (checked
   * as every upload is); when something else is refused, the staged files are kept for the next try so that
   * nobody uploads them twice.
   */
  @PostMapping(
      path = TaskPages.LIST + "/{caseCode}/hoan-thanh",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  String completion(
      @PathVariable String caseCode,
      MultipartHttpServletRequest request,
      Authentication caller,
      RedirectAttributes redirect) {
    Map<String, String> values = StaffForms.typed(request, List.of("summary"));
    List<String> fileFields = new ArrayList<>();
    for (int row = 0; row < ITEM_ROWS; row++) {
      values.putAll(StaffForms.typed(request, itemFields(row)));
      fileFields.add(FILES + row);
    }
    Map<String, List<TaskPageFiles.Kept>> files = uploads.kept(request, fileFields);
    // Which form row each item the service sees came from, to put its message next to that row.
    List<Integer> rows = new ArrayList<>();
    try {
      uploads.stage(request, files, caller);
      List<EvidenceSubmission.Item> items = new ArrayList<>();
      for (int row = 0; row < ITEM_ROWS; row++) {
        if (row == 0 || filled(values, files, row)) {
          rows.add(row);
          items.add(item(values, row, TaskPageFiles.claims(files.get(FILES + row))));
        }
      }
      evidence.submit(caseCode, new EvidenceSubmission(values.get("summary"), items), caller);
      forms.accepted(redirect, "completion", "staff.task.completion-sent");
    } catch (InvalidFieldException e) {
      refused(redirect, evidenceRefusal(e, rows, files), "completion", values);
      uploads.keep(redirect, files);
    } catch (RuntimeException e) {
      refused(redirect, e, "completion", values);
      uploads.keep(redirect, files);
    }
    return back(caseCode);
  }

  /** An extension request with its roadmap and supporting documents, in one multipart post like the completion report. */
  @PostMapping(
      path = TaskPages.LIST + "/{caseCode}/gia-han",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  String extension(
      @PathVariable String caseCode,
      MultipartHttpServletRequest request,
      Authentication caller,
      RedirectAttributes redirect) {
    List<String> fields = new ArrayList<>(List.of("proposedDeadline", "reason", "narrative"));
    for (int i = 0; i < MILESTONE_ROWS; i++) {
      fields.addAll(List.of("milestoneDate" + i, "milestoneText" + i));
    }
    Map<String, String> values = StaffForms.typed(request, fields);
    Map<String, List<TaskPageFiles.Kept>> files = uploads.kept(request, List.of(DOCUMENTS));
    // Which form row each milestone the service sees came from, to put its message next to that
    // row.
    List<Integer> rows = new ArrayList<>();
    try {
      uploads.stage(request, files, caller);
      List<Milestone> milestones = new ArrayList<>();
      for (int i = 0; i < MILESTONE_ROWS; i++) {
        String day = values.get("milestoneDate" + i);
        String text = values.get("milestoneText" + i);
        if (!day.isBlank() || !text.isBlank()) {
          rows.add(i);
          milestones.add(new Milestone(date(day, "milestoneDate" + i), text));
        }
      }
      ExtensionReason reason = choice(ExtensionReason.class, values.get("reason"), "reason");
      extensions.request(
          caseCode,
          new ExtensionRequest(
              date(values.get("proposedDeadline"), "proposedDeadline"),
              reason,
              values.get("narrative"),
              milestones,
              TaskPageFiles.claims(files.get(DOCUMENTS))),
          caller);
      forms.accepted(redirect, "extension", "staff.task.extension-sent");
    } catch (InvalidFieldException e) {
      refused(redirect, extensionRefusal(e, rows, files.get(DOCUMENTS)), "extension", values);
      uploads.keep(redirect, files);
    } catch (RuntimeException e) {
      refused(redirect, e, "extension", values);
      uploads.keep(redirect, files);
    }
    return back(caseCode);
  }

  /** The fields of an evidence row as the form names them: kind0, level0, … */
  static List<String> itemFields(int row) {
    return ITEM_FIELDS.stream().map(field -> field + row).toList();
  }

  /** Whether an evidence row holds anything typed or a file; its kind and level always have a value. */
  static boolean filled(
      Map<String, String> values, Map<String, List<TaskPageFiles.Kept>> files, int row) {
    return ITEM_FIELDS.stream()
            .skip(2)
            .anyMatch(field -> !values.getOrDefault(field + row, "").isBlank())
        || !files.getOrDefault(FILES + row, List.of()).isEmpty();
  }

  private static EvidenceSubmission.Item item(
      Map<String, String> values, int row, List<AttachmentClaim> claims) {
    return new EvidenceSubmission.Item(
        choice(EvidenceKind.class, values.get("kind" + row), "kind" + row),
        choice(EvidenceLevel.class, values.get("level" + row), "level" + row),
        values.get("description" + row),
        values.get("documentNumber" + row),
        date(values.get("documentDate" + row), "documentDate" + row),
        values.get("systemUrl" + row),
        date(values.get("goLiveDate" + row), "goLiveDate" + row),
        values.get("figureName" + row),
        decimal(values.get("figureValue" + row), "figureValue" + row),
        values.get("figureUnit" + row),
        claims);
  }

  /** A refusal next to its field; a conflict or a forbidden step is told at the top of the form. */
  private void refused(
      RedirectAttributes redirect, RuntimeException e, String formId, Map<String, String> values) {
    if (e instanceof InvalidFieldException invalid) {
      forms.rejected(
          redirect, invalid, "staff.task.field." + invalid.field().replaceAll("\\d+$", ""), values);
    } else if (e instanceof ConflictException conflict) {
      forms.rejected(redirect, formId, forms.message(conflict.messageKey()), values);
    } else if (e instanceof ForbiddenException forbidden) {
      forms.rejected(redirect, formId, forms.message(forbidden.messageKey()), values);
    } else if (e instanceof OptimisticLockingException
        || e instanceof ConcurrencyFailureException) {
      // the same step sent twice at once, or by two people: one went through, this one is told to
      // look again
      forms.rejected(redirect, formId, forms.message("conflict.concurrent-change"), values);
    } else {
      throw e;
    }
  }

  /**
   * The service names fields of items[k] (k counting the rows sent) and the claims of an item's files as
   * items[k].attachments[j]; the form names them by row (documentNumber1, files1). A refusal of the items
   * together (the required level not reached) goes next to the first row's level.
   */
  private InvalidFieldException evidenceRefusal(
      InvalidFieldException e, List<Integer> rows, Map<String, List<TaskPageFiles.Kept>> files) {
    if (e.field().equals("items")) {
      return new InvalidFieldException("level0", e.messageKey(), e.arguments());
    }
    Matcher m = ITEM_FIELD.matcher(e.field());
    if (!m.matches()) {
      return e;
    }
    int row = rows.get(Integer.parseInt(m.group(1)));
    if (m.group(2).startsWith("attachments")) {
      return uploads.claimRefused(
          FILES + row,
          files.get(FILES + row),
          new InvalidFieldException(m.group(2), e.messageKey(), e.arguments()));
    }
    return new InvalidFieldException(m.group(2) + row, e.messageKey(), e.arguments());
  }

  private InvalidFieldException extensionRefusal(
      InvalidFieldException e, List<Integer> rows, List<TaskPageFiles.Kept> files) {
    if (e.field().startsWith("attachments")) {
      return uploads.claimRefused(DOCUMENTS, files, e);
    }
    Matcher m = MILESTONE_FIELD.matcher(e.field());
    if (m.matches()) {
      int row = rows.get(Integer.parseInt(m.group(1)));
      return new InvalidFieldException(
          (m.group(2).equals("date") ? "milestoneDate" : "milestoneText") + row,
          e.messageKey(),
          e.arguments());
    }
    return e.field().equals("milestones")
        ? new InvalidFieldException("milestoneDate0", e.messageKey(), e.arguments())
        : e;
  }

  /**
   * Back to the task's page, without a #fragment: staff.js signs in again by loading the same URL, which a
   * URL with a fragment would turn into a jump within the page.
   */
  private static String back(String caseCode) {
    return "redirect:" + TaskPages.LIST + "/" + caseCode;
  }

  private static BigDecimal decimal(String value, String field) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(value.strip().replace(',', '.'));
    } catch (NumberFormatException e) {
      throw new InvalidFieldException(field, "validation.value.invalid");
    }
  }

  /** A date as people write it here, dd/MM/yyyy (d/M/yyyy too); ISO yyyy-MM-dd is taken as well. */
  static LocalDate date(String value, String field) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String text = value.strip();
    try {
      return text.matches("\\d{4}-\\d{2}-\\d{2}")
          ? LocalDate.parse(text)
          : LocalDate.parse(text, DAY_AS_WRITTEN);
    } catch (DateTimeParseException e) {
      throw new InvalidFieldException(field, "staff.task.date.invalid");
    }
  }

  /** A chosen value; none chosen is null, which the service refuses when it is required. */
  private static <E extends Enum<E>> E choice(Class<E> type, String value, String field) {
    return value == null || value.isBlank() ? null : enumValue(type, value, field);
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field) {
    try {
      return Enum.valueOf(type, value.strip());
    } catch (IllegalArgumentException e) {
      throw new InvalidFieldException(field, "validation.value.invalid");
    }
  }
}
