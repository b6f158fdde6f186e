package vn.dondoc.app.tasks;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.dondoc.app.attachments.AttachmentClaim;
import vn.dondoc.app.attachments.AttachmentService;
import vn.dondoc.app.attachments.StagedUpload;
import vn.dondoc.app.evidence.EvidenceKind;
import vn.dondoc.app.evidence.EvidenceService;
import vn.dondoc.app.evidence.EvidenceSubmission;
import vn.dondoc.app.extensions.ExtensionReason;
import vn.dondoc.app.extensions.ExtensionRepository.Milestone;
import vn.dondoc.app.extensions.ExtensionRequest;
import vn.dondoc.app.extensions.ExtensionService;
import vn.dondoc.app.staff.StaffForms;
import vn.dondoc.app.staff.StaffPage;
import vn.dondoc.app.web.ConflictException;
import vn.dondoc.app.web.ForbiddenException;
import vn.dondoc.app.web.InvalidFieldException;

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
  private static final DateTimeFormatter DAY_AS_WRITTEN = DateTimeFormatter.ofPattern("d/M/uuuu")
      .withResolverStyle(ResolverStyle.STRICT);
  private static final Pattern MILESTONE_FIELD = Pattern.compile("milestones\\[(\\d+)]\\.(date|milestone)");

  private final TaskWork work;
  private final EvidenceService evidence;
  private final ExtensionService extensions;
  private final AttachmentService attachments;
  private final StaffForms forms;

  TaskPageActions(TaskWork work, EvidenceService evidence, ExtensionService extensions, AttachmentService attachments,
      StaffForms forms) {
    this.work = work;
    this.evidence = evidence;
    this.extensions = extensions;
    this.attachments = attachments;
    this.forms = forms;
  }

  @PostMapping(TaskPages.LIST + "/{caseCode}/tiep-nhan")
  String acknowledge(@PathVariable String caseCode, @RequestParam(required = false) String note, Authentication caller,
      RedirectAttributes redirect) {
    Map<String, String> values = Map.of("note", note == null ? "" : note);
    try {
      work.acknowledge(caseCode, note, caller);
      forms.accepted(redirect, "acknowledge", "staff.task.acknowledged");
    } catch (RuntimeException e) {
      refused(redirect, e, "acknowledge", values);
    }
    return back(caseCode);
  }

  @PostMapping(TaskPages.LIST + "/{caseCode}/tien-do")
  String progress(@PathVariable String caseCode, @RequestParam(required = false) String percent,
      @RequestParam(required = false) String text, Authentication caller, RedirectAttributes redirect) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("percent", percent == null ? "" : percent);
    values.put("text", text == null ? "" : text);
    try {
      work.reportProgress(caseCode, integer(percent, "percent"), text, caller);
      forms.accepted(redirect, "progress", "staff.task.progress-saved");
    } catch (RuntimeException e) {
      refused(redirect, e, "progress", values);
    }
    return back(caseCode);
  }

  /**
   * A completion report with one evidence item and its file, in one multipart post. The file is staged
   * first (checked as every upload is); when something else is refused, the staged file is kept for the
   * next try (its id and token go back to the form) so that nobody uploads it twice.
   */
  @PostMapping(TaskPages.LIST + "/{caseCode}/hoan-thanh")
  String completion(@PathVariable String caseCode, MultipartHttpServletRequest request, Authentication caller,
      RedirectAttributes redirect) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String name : List.of("summary", "kind", "level", "description", "documentNumber", "documentDate", "systemUrl",
        "goLiveDate", "figureName", "figureValue", "figureUnit", "attachmentId", "attachmentToken", "attachmentName",
        "attachmentSize", "attachmentType")) {
      String value = request.getParameter(name);
      values.put(name, value == null ? "" : value);
    }
    try {
      StagedUpload staged = upload(request, caller);
      if (staged != null) {
        values.put("attachmentId", staged.id().toString());
        values.put("attachmentToken", staged.uploadToken());
        values.put("attachmentName", staged.filename());
        values.put("attachmentSize", String.valueOf(staged.sizeBytes()));
        values.put("attachmentType", staged.contentType());
      }
      AttachmentClaim claim = values.get("attachmentId").isBlank() ? null
          : new AttachmentClaim(uuid(values.get("attachmentId")), values.get("attachmentToken"));
      EvidenceSubmission.Item item = new EvidenceSubmission.Item(kind(values.get("kind")), level(values.get("level")),
          values.get("description"), values.get("documentNumber"), date(values.get("documentDate"), "documentDate"),
          values.get("systemUrl"), date(values.get("goLiveDate"), "goLiveDate"), values.get("figureName"),
          decimal(values.get("figureValue"), "figureValue"), values.get("figureUnit"), claim);
      evidence.submit(caseCode, new EvidenceSubmission(values.get("summary"), List.of(item)), caller);
      forms.accepted(redirect, "completion", "staff.task.completion-sent");
    } catch (InvalidFieldException e) {
      refused(redirect, new InvalidFieldException(evidenceField(e.field()), e.messageKey(), e.arguments()), "completion",
          values);
    } catch (RuntimeException e) {
      refused(redirect, e, "completion", values);
    }
    return back(caseCode);
  }

  @PostMapping(TaskPages.LIST + "/{caseCode}/gia-han")
  String extension(@PathVariable String caseCode, @RequestParam Map<String, String> form, Authentication caller,
      RedirectAttributes redirect) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String name : List.of("proposedDeadline", "reason", "narrative")) {
      values.put(name, form.getOrDefault(name, ""));
    }
    for (int i = 0; i < MILESTONE_ROWS; i++) {
      values.put("milestoneDate" + i, form.getOrDefault("milestoneDate" + i, ""));
      values.put("milestoneText" + i, form.getOrDefault("milestoneText" + i, ""));
    }
    // Which form row each milestone the service sees came from, to put its message next to that row.
    List<Integer> rows = new ArrayList<>();
    try {
      List<Milestone> milestones = new ArrayList<>();
      for (int i = 0; i < MILESTONE_ROWS; i++) {
        String day = values.get("milestoneDate" + i);
        String text = values.get("milestoneText" + i);
        if (!day.isBlank() || !text.isBlank()) {
          rows.add(i);
          milestones.add(new Milestone(date(day, "milestoneDate" + i), text));
        }
      }
      ExtensionReason reason = values.get("reason").isBlank() ? null : enumValue(ExtensionReason.class, values.get("reason"), "reason");
      extensions.request(caseCode, new ExtensionRequest(date(values.get("proposedDeadline"), "proposedDeadline"), reason,
          values.get("narrative"), milestones, null), caller);
      forms.accepted(redirect, "extension", "staff.task.extension-sent");
    } catch (InvalidFieldException e) {
      refused(redirect, new InvalidFieldException(extensionField(e.field(), rows), e.messageKey(), e.arguments()),
          "extension", values);
    } catch (RuntimeException e) {
      refused(redirect, e, "extension", values);
    }
    return back(caseCode);
  }

  /** The file chosen in the form, staged; null when none was chosen (an empty part without a name). */
  private StagedUpload upload(MultipartHttpServletRequest request, Authentication caller) {
    MultipartFile file = attachments.part(request, "file").orElse(null);
    if (file == null || file.isEmpty() && !StringUtils.hasText(file.getOriginalFilename())) {
      return null;
    }
    try {
      return attachments.stage(file, caller.getName());
    } catch (IOException e) {
      throw new InvalidFieldException("file", "validation.attachment.unreadable");
    }
  }

  /** A refusal next to its field; a conflict or a forbidden step is told at the top of the form. */
  private void refused(RedirectAttributes redirect, RuntimeException e, String formId, Map<String, String> values) {
    if (e instanceof InvalidFieldException invalid) {
      forms.rejected(redirect, invalid, "staff.task.field." + invalid.field().replaceAll("\\d+$", ""), values);
    } else if (e instanceof ConflictException conflict) {
      forms.rejected(redirect, formId, forms.message(conflict.messageKey()), values);
    } else if (e instanceof ForbiddenException forbidden) {
      forms.rejected(redirect, formId, forms.message(forbidden.messageKey()), values);
    } else {
      throw e;
    }
  }

  /** The service names fields of items[0]; the form has one item, its fields named plainly. */
  private static String evidenceField(String field) {
    if (field.equals("items")) {
      return "level";
    }
    String plain = field.replaceFirst("^items\\[0]\\.", "");
    return plain.equals("attachment") || plain.startsWith("attachments") ? "file" : plain;
  }

  private static String extensionField(String field, List<Integer> rows) {
    Matcher m = MILESTONE_FIELD.matcher(field);
    if (m.matches()) {
      int row = rows.get(Integer.parseInt(m.group(1)));
      return (m.group(2).equals("date") ? "milestoneDate" : "milestoneText") + row;
    }
    return field.equals("milestones") ? "milestoneDate0" : field;
  }

  /**
   * Back to the task's page, without a #fragment: staff.js signs in again by loading the same URL, which a
   * URL with a fragment would turn into a jump within the page.
   */
  private static String back(String caseCode) {
    return "redirect:" + TaskPages.LIST + "/" + caseCode;
  }

  private static Integer integer(String value, String field) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(value.strip());
    } catch (NumberFormatException e) {
      throw new InvalidFieldException(field, "validation.range", 0, 100);
    }
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
      return text.matches("\\d{4}-\\d{2}-\\d{2}") ? LocalDate.parse(text) : LocalDate.parse(text, DAY_AS_WRITTEN);
    } catch (DateTimeParseException e) {
      throw new InvalidFieldException(field, "staff.task.date.invalid");
    }
  }

  private static EvidenceKind kind(String value) {
    return value == null || value.isBlank() ? null : enumValue(EvidenceKind.class, value, "kind");
  }

  private static EvidenceLevel level(String value) {
    return value == null || value.isBlank() ? null : enumValue(EvidenceLevel.class, value, "level");
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field) {
    try {
      return Enum.valueOf(type, value.strip());
    } catch (IllegalArgumentException e) {
      throw new InvalidFieldException(field, "validation.value.invalid");
    }
  }

  private static UUID uuid(String value) {
    try {
      return UUID.fromString(value.strip());
    } catch (IllegalArgumentException e) {
      throw new InvalidFieldException("file", "validation.attachment.claim-invalid");
    }
  }
}
