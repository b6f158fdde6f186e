package vn.dondoc.app.directives;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import vn.dondoc.app.directives.AgencyMatcher.Generic;
import vn.dondoc.app.tasks.EvidenceLevel;
import vn.dondoc.app.tasks.TaskField;
import vn.dondoc.app.tasks.TaskSpec;
import vn.dondoc.app.time.DeadlineParser.Deadline;

/**
 * A task as read from a directive's appendix, for people to check and edit before it is issued.
 *
 * @param code where it sits in the appendix: "1.b.(1)", "5.a.3.(4)"; "[n]" numbers the parts of an item
 *     split because it states several deadlines
 * @param headings the headings above it, outermost first
 * @param coOperating table agencies named as co-operating ("phối hợp với")
 * @param coOperatingOther collective co-operating actors as written ("các cơ quan liên quan")
 * @param mentioned other table agencies the content names, for the editor's convenience
 * @param flags what the parser could not recognise or wants confirmed (see {@link Flag})
 */
public record DraftTask(
    String code,
    List<String> headings,
    String content,
    Lead lead,
    List<String> coOperating,
    List<String> coOperatingOther,
    List<String> mentioned,
    Deadline deadline,
    String expectedProduct,
    List<String> flags) {

  /** The task's field as the item's place in the appendix suggests, for the editor to confirm. */
  @JsonProperty("field")
  public TaskField proposedField() {
    return TaskField.ofAppendixCode(code);
  }

  /**
   * The draft as the standing office would issue it unedited: lead and co-operating agencies from the
   * table, the proposed field, no deadline read as recurring. Null when the lead is not a table agency
   * (a collective such as "các bộ, ngành" must be split by a person first).
   */
  public TaskSpec asSpec(EvidenceLevel evidenceLevel) {
    if (lead == null || lead.agency() == null) {
      return null;
    }
    boolean recurring = deadline.dueDate() == null;
    TaskField field = proposedField();
    return new TaskSpec(
        code,
        headings.isEmpty() ? null : headings.get(0),
        field == null ? TaskField.DIRECTION : field,
        content,
        recurring,
        null,
        lead.agency(),
        coOperating,
        recurring ? null : deadline.text(),
        deadline.dueDate(),
        expectedProduct,
        evidenceLevel);
  }

  /** The lead: a table agency, a collective, or neither (the text could not be matched; flagged). */
  public record Lead(String agency, Generic generic, String text) {}

  /** Flags; those taking a value are written {@code NAME:value}. */
  public enum Flag {
    /** No actor found where the lead is written. */
    NO_LEAD,
    /** An organisation name not in the agency table (value: the name as written). */
    UNKNOWN_AGENCY,
    /** Several actors named side by side without "chủ trì": the first is taken as lead, the others as co-operating. */
    JOINT_LEAD,
    /** Neither a deadline nor "thường xuyên". */
    NO_DEADLINE,
    /** A deadline phrase that is not a real date, or two different deadlines in one sentence. */
    AMBIGUOUS_DEADLINE,
    /** A deadline and also "thường xuyên" ("hoàn thành trong quý I/2026 và cập nhật thường xuyên, liên tục"). */
    ALSO_RECURRING,
    /** One item with deadlines in separate sentences, split into one draft per deadline. */
    SPLIT_BY_DEADLINE,
    /** The item's letter is not the next one (value: the marker as written); the next letter is used in the code. */
    HEADING_OUT_OF_SEQUENCE,
    /** The lead is a collective ("các bộ, ngành"): a person expands it into agencies or addresses all agencies of that kind. */
    COLLECTIVE_LEAD,
    /** The item names no actor; the lead is the one its heading names ("Bộ Tài chính:" over the bullets). */
    LEAD_FROM_HEADING,
    /** The deadline is stated once for a group of items and applied to each. */
    SHARED_DEADLINE,
    /** A date near the assignment that is not a deadline (citation, horizon, start, phase; value: as written). */
    DATE_NOT_DEADLINE,
    /** A date read as the deadline though no completion or reporting word comes before it ("tổ chức ... trong tháng 12/2026"). */
    DEADLINE_WITHOUT_VERB,
    /** A duration with no start to count from ("trong vòng 30 ngày"; value: as written). */
    DURATION_WITHOUT_START
  }
}
