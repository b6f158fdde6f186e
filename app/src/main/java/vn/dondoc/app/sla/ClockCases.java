package vn.dondoc.app.sla;

import java.util.Optional;

/**
 * How a stage's clock learns which case it is for: the capability that owns a case type answers from its
 * own table, by the case code (the process's business key), never from process variables. Its repository
 * implements this, one per case type of {@code dondoc.sla.processes}.
 */
public interface ClockCases {

  /** The case type of the policies, e.g. {@code feedback}. */
  String caseType();

  /** The case's row id and the agency working on it now (null when none does yet). */
  Optional<ClockCase> clockCase(String caseCode);

  record ClockCase(long id, String agency) {}
}
