package vn.dondoc.processes;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;

/**
 * One in-memory engine for all process tests of this module: full history, no job executor (tests
 * drive jobs and the clock themselves), delegates resolved from {@code Mocks} by bean name.
 */
public final class InMemoryEngine {

  private static ProcessEngine engine;

  public static synchronized ProcessEngineExtension extension() {
    if (engine == null) {
      StandaloneInMemProcessEngineConfiguration configuration =
          new StandaloneInMemProcessEngineConfiguration();
      configuration.setJdbcUrl("jdbc:h2:mem:dondoc-processes;DB_CLOSE_DELAY=-1");
      configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
      configuration.setJobExecutorActivate(false);
      configuration.setExpressionManager(new MockExpressionManager());
      configuration.setProcessEngineName("dondoc-processes-test");
      engine = configuration.buildProcessEngine();
    }
    return ProcessEngineExtension.builder().useProcessEngine(engine).build();
  }

  private InMemoryEngine() {}
}
