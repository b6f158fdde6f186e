package vn.dondoc.app.sla;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dondoc.app.support.IntegrationTest;

/** SLA integration tests start from the shipped policy and remove the test processes they start. */
abstract class SlaIntegrationTest extends IntegrationTest {

  @Autowired
  RuntimeService runtime;

  @Autowired
  ManagementService management;

  @Autowired
  JdbcClient jdbc;

  SlaTestCases cases;

  @BeforeEach
  void shippedPolicy() {
    cases = new SlaTestCases(runtime, management, jdbc);
    cases.resetPolicy();
  }

  @AfterEach
  void deleteStartedProcesses() {
    cases.deleteStarted();
  }
}
