package vn.dondoc.app.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.dondoc.app.evidence.EvidenceRepository.Status;
import vn.dondoc.app.support.Messages;

/**
 * A review's outcome enters the audit log as EVIDENCE_&lt;status&gt; (EvidenceReviewSteps); the audit trail, the case
 * page and the step pages name it by staff.audit.&lt;action&gt;, so every decided status has its words in both
 * languages, never the key itself ("staff.audit.EVIDENCE_RETURNED" on the administrator's trail).
 */
class EvidenceAuditLabelsTest {

  @ParameterizedTest
  @ValueSource(strings = {"messages.properties", "messages_vi.properties"})
  void everyReviewOutcomeHasItsWordsInTheAuditTrail(String file) {
    Properties labels = Messages.file(file);
    for (Status status : Status.values()) {
      if (status != Status.SUBMITTED) {
        assertThat(labels.getProperty("staff.audit.EVIDENCE_" + status.name()))
            .as("%s in %s", status, file)
            .isNotBlank();
      }
    }
    assertThat(labels.getProperty("staff.audit.EVIDENCE_RETURNED"))
        .isEqualTo(
            file.contains("_vi") ? "Trả lại minh chứng để bổ sung" : "Evidence returned for more");
  }
}
