package vn.dondoc.app.camunda;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.time.ZoneId;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.dondoc.app.support.IntegrationTest;

/**
 * Camunda's history leaves: a nightly cleanup window and batch are configured, the cleanup job is scheduled in
 * that window, and every deployed process and decision keeps its history one year after it ends
 * (docs/OPERATIONS.md "Camunda history cleanup").
 */
class HistoryCleanupIT extends IntegrationTest {

  @Autowired
  ProcessEngine engine;

  @Autowired
  HistoryService history;

  @Autowired
  RepositoryService repository;

  @Test
  void theCleanupRunsEachNightInItsWindowAndHistoryIsKeptAYearAfterTheEnd() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
    assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
    assertThat(configuration.getHistoryCleanupBatchSize()).isEqualTo(500);
    assertThat(configuration.getHistoryRemovalTimeStrategy()).isEqualTo("end");

    assertThat(history.findHistoryCleanupJobs()).as("scheduled at start-up").isNotEmpty();
    for (Job job : history.findHistoryCleanupJobs()) {
      LocalTime due =
          job.getDuedate().toInstant().atZone(ZoneId.systemDefault()).toLocalTime();
      assertThat(due).as("the job's due time").isBetween(LocalTime.of(1, 0), LocalTime.of(5, 0));
    }

    repository
        .createProcessDefinitionQuery()
        .latestVersion()
        .processDefinitionKeyIn(UserTaskDueDatesIT.MODELS)
        .list()
        .forEach(definition -> assertThat(definition.getHistoryTimeToLive())
            .as(definition.getKey())
            .isEqualTo(365));
    // the application's decision tables (dmn/*.dmn; tests deploy none)
    var tables = repository.createDecisionDefinitionQuery().latestVersion().list().stream()
        .filter(
            d -> java.util.Set.of("feedback-routing", "evidence-verifier", "initiative-criteria")
                .contains(d.getKey()))
        .toList();
    assertThat(tables)
        .hasSize(3)
        .allSatisfy(definition -> assertThat(definition.getHistoryTimeToLive())
            .as(definition.getKey())
            .isEqualTo(365));
  }
}
