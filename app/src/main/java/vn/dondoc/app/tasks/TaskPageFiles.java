package vn.dondoc.app.tasks;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.dondoc.app.attachments.AttachmentClaim;
import vn.dondoc.app.attachments.AttachmentService;
import vn.dondoc.app.attachments.StagedUpload;
import vn.dondoc.app.staff.StaffForms;
import vn.dondoc.app.web.InvalidFieldException;

/**
 * Files posted with a task page's form, each file field an {@code <input type="file" multiple>}. The files
 * chosen in all of a post's fields are staged together, all or none, with the checks of
 * {@code POST /api/v1/attachments}. When the post is refused, the files staged by it (and those kept from
 * an earlier try) go back to the form as ticked boxes carrying each file's id and upload token, so that the
 * next try claims them without uploading them again; untick one to leave it out. The staff intake page
 * (vn.dondoc.app.feedback) keeps its scanned letter the same way.
 */
@Component
public class TaskPageFiles {

  /** The flash attribute with the kept files, by field. */
  public static final String KEPT = "keptFiles";

  private static final Pattern POSITION = Pattern.compile(".*\\[(\\d+)]$");

  /** A staged file the form carries to the next try. */
  public record Kept(UUID id, String token, long sizeBytes, String contentType, String filename)
      implements Serializable {

    /** The box's value: the filename last, since it may hold spaces (ids, tokens and media types never do). */
    public String value() {
      return id + " " + token + " " + sizeBytes + " " + contentType + " " + filename;
    }

    /** A box's value as the form sent it; empty when it was not one of ours. */
    static Optional<Kept> parse(String value) {
      String[] parts = value.split(" ", 5);
      try {
        return parts.length < 5
            ? Optional.empty()
            : Optional.of(new Kept(
                UUID.fromString(parts[0]), parts[1], Long.parseLong(parts[2]), parts[3], parts[4]));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }

    static Kept of(StagedUpload staged) {
      return new Kept(
          staged.id(),
          staged.uploadToken(),
          staged.sizeBytes(),
          staged.contentType(),
          staged.filename());
    }

    AttachmentClaim claim() {
      return new AttachmentClaim(id, token);
    }
  }

  private final AttachmentService attachments;
  private final StaffForms forms;

  TaskPageFiles(AttachmentService attachments, StaffForms forms) {
    this.attachments = attachments;
    this.forms = forms;
  }

  /** The name of the boxes of a field's kept files. */
  static String keptName(String field) {
    return "kept-" + field;
  }

  /**
   * The files kept from an earlier try whose boxes are still ticked, by field, in the fields' order. A box
   * whose value is not a kept file is left out: a forged one would be refused by the claim anyway.
   */
  public Map<String, List<Kept>> kept(HttpServletRequest request, List<String> fields) {
    Map<String, List<Kept>> kept = new LinkedHashMap<>();
    for (String field : fields) {
      String[] values = request.getParameterValues(keptName(field));
      kept.put(
          field,
          new ArrayList<>(
              values == null
                  ? List.of()
                  : Arrays.stream(values)
                      .map(Kept::parse)
                      .flatMap(Optional::stream)
                      .toList()));
    }
    return kept;
  }

  /**
   * Stages the files chosen in the form's file fields (the keys of {@code files}) and adds each after its
   * field's kept files. One refused file stages none, and its message names it next to its field.
   */
  public void stage(
      MultipartHttpServletRequest request, Map<String, List<Kept>> files, Authentication caller) {
    List<String> fields = new ArrayList<>();
    List<MultipartFile> chosen = new ArrayList<>();
    for (String field : files.keySet()) {
      for (MultipartFile file : partsOf(request, field)) {
        fields.add(field);
        chosen.add(file);
      }
    }
    if (chosen.isEmpty()) {
      return;
    }
    List<StagedUpload> staged;
    try {
      staged = attachments.stageAll(chosen, caller.getName());
    } catch (IOException e) {
      throw new InvalidFieldException(fields.get(0), "validation.attachment.unreadable");
    } catch (InvalidFieldException e) {
      Optional<Integer> position = position(e.field());
      throw position.isPresent()
          ? named(fields.get(position.get()), chosen.get(position.get()).getOriginalFilename(), e)
          : new InvalidFieldException(fields.get(0), e.messageKey(), e.arguments());
    }
    for (int i = 0; i < staged.size(); i++) {
      files.get(fields.get(i)).add(Kept.of(staged.get(i)));
    }
  }

  /** The files of a field as claims for the service. */
  public static List<AttachmentClaim> claims(List<Kept> files) {
    return files.stream().map(Kept::claim).toList();
  }

  /**
   * The service's refusal of a field's claims ({@code attachments}, or {@code attachments[j]} for one file),
   * moved next to the form's field and naming the file.
   */
  public InvalidFieldException claimRefused(
      String field, List<Kept> files, InvalidFieldException e) {
    Optional<Integer> position = position(e.field());
    return position.isPresent() && position.get() < files.size()
        ? named(field, files.get(position.get()).filename(), e)
        : new InvalidFieldException(field, e.messageKey(), e.arguments());
  }

  /** Puts the staged and kept files back into the form after a refusal. */
  public void keep(RedirectAttributes redirect, Map<String, List<Kept>> files) {
    redirect.addFlashAttribute(KEPT, files);
  }

  private List<MultipartFile> partsOf(MultipartHttpServletRequest request, String field) {
    try {
      return attachments.parts(request, field);
    } catch (InvalidFieldException e) {
      throw new InvalidFieldException(field, e.messageKey(), e.arguments());
    }
  }

  /** The message of a refused file, with its name, e.g. "Tệp minh chứng „a.pdf“ là HTML, …". */
  private InvalidFieldException named(String field, String filename, InvalidFieldException e) {
    return new InvalidFieldException(
        field, "staff.task.file.refused", filename, forms.message(e.messageKey(), e.arguments()));
  }

  private static Optional<Integer> position(String field) {
    Matcher m = POSITION.matcher(field);
    return m.matches() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
  }
}
