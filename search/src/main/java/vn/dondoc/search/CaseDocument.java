package vn.dondoc.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * What search knows of one case: the fields people filter and sort on, plus folded copies of the
 * text for diacritic-insensitive matching. The case code is the document id.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseDocument(
    @JsonProperty("case_type") String caseType,
    @JsonProperty("code") String code,
    @JsonProperty("title") String title,
    @JsonProperty("title_folded") String titleFolded,
    @JsonProperty("content") String content,
    @JsonProperty("content_folded") String contentFolded,
    @JsonProperty("status") String status,
    @JsonProperty("timeliness") String timeliness,
    @JsonProperty("lead_agency") String leadAgency,
    @JsonProperty("agencies") List<String> agencies,
    @JsonProperty("field") String field,
    @JsonProperty("locality") String locality,
    @JsonProperty("created_at") Instant createdAt,
    @JsonProperty("updated_at") Instant updatedAt,
    @JsonProperty("due_at") Instant dueAt,
    @JsonProperty("closed_at") Instant closedAt,
    @JsonProperty("public") boolean publicVisible) {

  /** Builds a document, deriving the folded text fields from the originals. */
  public static CaseDocument of(String caseType, String code, String title, String content, String status,
      String timeliness, String leadAgency, List<String> agencies, String field, String locality, Instant createdAt,
      Instant updatedAt, Instant dueAt, Instant closedAt, boolean publicVisible) {
    return new CaseDocument(caseType, code, title, VietnameseFolding.fold(title), content,
        VietnameseFolding.fold(content), status, timeliness, leadAgency, agencies == null ? List.of() : List.copyOf(agencies),
        field, locality, createdAt, updatedAt, dueAt, closedAt, publicVisible);
  }
}
