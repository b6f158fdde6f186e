package vn.dondoc.app.feedback;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import vn.dondoc.app.attachments.AttachmentClaim;

/** What a citizen or business sends (POST /api/v1/feedback). */
public record FeedbackSubmission(
    FeedbackType type,
    @NotNull(message = "{validation.required}") FeedbackField field,

    @NotBlank(message = "{validation.required}") @Size(max = 32, message = "{validation.size.max}")
    String locality,

    @NotBlank(message = "{validation.required}") @Size(max = 300, message = "{validation.size.max}")
    String title,

    @NotBlank(message = "{validation.required}")
    @Size(max = 10000, message = "{validation.size.max}")
    String content,

    @NotNull(message = "{validation.required}") @Valid Contact contact,
    boolean consentToPublish,

    @Size(max = 5, message = "{validation.attachment.too-many.list}")
    List<@NotNull(message = "{validation.required}") AttachmentClaim> attachments) {

  /** How to reach the sender; a name and at least one of e-mail or phone. */
  public record Contact(
      @NotBlank(message = "{validation.required}")
      @Size(max = 200, message = "{validation.size.max}")
      String name,

      @Email(message = "{validation.email}") @Size(max = 254, message = "{validation.size.max}")
      String email,

      @Pattern(regexp = "\\+?[0-9][0-9 .-]{7,18}", message = "{validation.phone}")
      String phone) {}

  public List<AttachmentClaim> attachmentsOrNone() {
    return attachments == null ? List.of() : attachments;
  }

  public FeedbackType typeOrDefault() {
    return type == null ? FeedbackType.COMPLAINT : type;
  }
}
