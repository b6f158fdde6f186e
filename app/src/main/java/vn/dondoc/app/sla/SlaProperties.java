package vn.dondoc.app.sla;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code dondoc.sla.*}: for each process (by definition key) whose stages have clocks, the case type of
 * its policies and the process variables that name the case and the agency working on it (none when
 * the standing office does). The same
 * clocks serve every case type; a new process only needs an entry here and its rows in sla_policy.
 */
@ConfigurationProperties("dondoc.sla")
record SlaProperties(Map<String, Binding> processes) {

  record Binding(String caseType, String caseIdVariable, String caseCodeVariable, String agencyVariable) {}

  Binding binding(String processKey) {
    Binding binding = processes == null ? null : processes.get(processKey);
    if (binding == null) {
      throw new IllegalStateException("no SLA binding for process " + processKey + " (dondoc.sla.processes)");
    }
    return binding;
  }
}
