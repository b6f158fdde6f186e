package vn.dondoc.app.tasks;

import java.time.LocalDate;
import java.util.List;

/**
 * A task as the standing office issues it: from an edited import draft, typed in, or made of a
 * feedback item. {@code deadline} is the normalised date of {@code deadlineText}; when only the text
 * is given it is read with the import's deadline rules, and a text that does not read is refused.
 *
 * @param code the task's place in its directive ("1.b.(1)"); the stored task code prefixes the directive's symbol
 */
public record TaskSpec(
    String code,
    String section,
    TaskField field,
    String content,
    Boolean recurring,
    Boolean reportsMonthly,
    String leadAgency,
    List<String> cooperatingAgencies,
    String deadlineText,
    LocalDate deadline,
    String expectedProduct,
    EvidenceLevel evidenceLevel) {}
