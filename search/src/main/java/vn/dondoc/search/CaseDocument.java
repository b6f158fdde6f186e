package vn.dondoc.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * What search knows of one case: the fields people filter and sort on, plus folded copies of the
 * text for diacritic-insensitive matching. The case code is the document id.
 *
 * <p>Mapping version 3 added {@code section}, {@code directive} (the directive's symbol),
 * {@code sla_state} (RUNNING, AT_RISK, PAUSED, MET or BREACHED), {@code breach_at} and
 * {@code escalation_level}; documents without them (other case types) leave them out. Version 4 added
 * {@code channel}: how a feedback item was received (web, hotline, letter, email, counter).
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
    @JsonProperty("public") boolean publicVisible,
    @JsonProperty("section") String section,
    @JsonProperty("directive") String directive,
    @JsonProperty("sla_state") String slaState,
    @JsonProperty("breach_at") Instant breachAt,
    @JsonProperty("escalation_level") Integer escalationLevel,
    @JsonProperty("channel") String channel) {

  /** Builds a document, deriving the folded text fields from the originals. */
  public static CaseDocument of(
      String caseType,
      String code,
      String title,
      String content,
      String status,
      String timeliness,
      String leadAgency,
      List<String> agencies,
      String field,
      String locality,
      Instant createdAt,
      Instant updatedAt,
      Instant dueAt,
      Instant closedAt,
      boolean publicVisible) {
    return new CaseDocument(
        caseType,
        code,
        title,
        VietnameseFolding.fold(title),
        content,
        VietnameseFolding.fold(content),
        status,
        timeliness,
        leadAgency,
        agencies == null ? List.of() : List.copyOf(agencies),
        field,
        locality,
        createdAt,
        updatedAt,
        dueAt,
        closedAt,
        publicVisible,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  /** The same case, placed in its directive: the section it is listed under and the directive's symbol. */
  public CaseDocument inDirective(String section, String directive) {
    return new CaseDocument(
        caseType,
        code,
        title,
        titleFolded,
        content,
        contentFolded,
        status,
        timeliness,
        leadAgency,
        agencies,
        field,
        locality,
        createdAt,
        updatedAt,
        dueAt,
        closedAt,
        publicVisible,
        section,
        directive,
        slaState,
        breachAt,
        escalationLevel,
        channel);
  }

  /** The same case with the SLA of its current (or most recent) stage clock. */
  public CaseDocument withSla(String slaState, Instant breachAt, Integer escalationLevel) {
    return new CaseDocument(
        caseType,
        code,
        title,
        titleFolded,
        content,
        contentFolded,
        status,
        timeliness,
        leadAgency,
        agencies,
        field,
        locality,
        createdAt,
        updatedAt,
        dueAt,
        closedAt,
        publicVisible,
        section,
        directive,
        slaState,
        breachAt,
        escalationLevel,
        channel);
  }

  /** The same case due at {@code due}. */
  public CaseDocument dueAt(Instant due) {
    return new CaseDocument(
        caseType,
        code,
        title,
        titleFolded,
        content,
        contentFolded,
        status,
        timeliness,
        leadAgency,
        agencies,
        field,
        locality,
        createdAt,
        updatedAt,
        due,
        closedAt,
        publicVisible,
        section,
        directive,
        slaState,
        breachAt,
        escalationLevel,
        channel);
  }

  /** The same case received through {@code channel} (feedback). */
  public CaseDocument receivedThrough(String channel) {
    return new CaseDocument(
        caseType,
        code,
        title,
        titleFolded,
        content,
        contentFolded,
        status,
        timeliness,
        leadAgency,
        agencies,
        field,
        locality,
        createdAt,
        updatedAt,
        dueAt,
        closedAt,
        publicVisible,
        section,
        directive,
        slaState,
        breachAt,
        escalationLevel,
        channel);
  }
}
