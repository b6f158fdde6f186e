package vn.dondoc.app.sla;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code dondoc.sla.*}: for each process (by definition key) whose stages have clocks, the case type of
 * its policies and whether the case's agency works on its stages (else the standing office does). The
 * case itself is found by the process's business key through the case type's {@link ClockCases}. The
 * same clocks serve every case type; a new process only needs an entry here and its rows in sla_policy.
 *
 * @param processes per process definition key, the case type of its clocks and who works on its stages
 */
@ConfigurationProperties("dondoc.sla")
record SlaProperties(Map<String, Binding> processes) {

  /**
   * @param caseType the case type of the process's policies and clocks
   * @param agencyWorks true when the case's agency works on the process's stages; false when the standing office does
   */
  record Binding(String caseType, boolean agencyWorks) {}

  Binding binding(String processKey) {
    Binding binding = processes == null ? null : processes.get(processKey);
    if (binding == null) {
      throw new IllegalStateException(
          "no SLA binding for process " + processKey + " (dondoc.sla.processes)");
    }
    return binding;
  }
}
