package vn.dondoc.app.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dondoc.processes.sla.SlaClocks;
import vn.dondoc.processes.sla.SlaEscalation;
import vn.dondoc.processes.sla.SlaStage;
import vn.dondoc.processes.sla.SlaTimer;

/**
 * Two app nodes on one database, escalating the same clock at the same moment. The second node is a
 * second process engine in this JVM on the same schema (no schema update, no job executor, its own
 * caches and ids), resolving the same SLA beans; each engine runs its jobs in transactions of its own,
 * as two nodes do. Each level must be escalated exactly once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlaTwoEnginesIT extends SlaIntegrationTest {

  private static final Logger log = LoggerFactory.getLogger(SlaTwoEnginesIT.class);

  @Autowired
  ProcessEngine engine;

  @Autowired
  DataSource dataSource;

  @Autowired
  PlatformTransactionManager transactionManager;

  @Autowired
  SlaClockService clockService;

  @Autowired
  SlaEscalationService escalation;

  @Autowired
  SlaClockRepository clocks;

  private ProcessEngine secondNode;
  private final ExecutorService threads = Executors.newFixedThreadPool(2);

  @BeforeAll
  void startSecondNode() {
    SpringProcessEngineConfiguration configuration = new SpringProcessEngineConfiguration();
    configuration.setProcessEngineName("dondoc-it-second-node");
    configuration.setDataSource(dataSource);
    configuration.setTransactionManager(transactionManager);
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE);
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    configuration.setJobExecutorActivate(false);
    configuration.setIdGenerator(new StrongUuidGenerator());
    configuration.setMetricsEnabled(false);
    configuration.setDbMetricsReporterActivate(false);
    Map<Object, Object> beans = new HashMap<>();
    beans.put(SlaClocks.BEAN, clockService);
    beans.put(SlaEscalation.BEAN, escalation);
    configuration.setBeans(beans);
    secondNode = configuration.buildProcessEngine();
  }

  @AfterAll
  void stopSecondNode() {
    threads.shutdownNow();
    secondNode.close();
  }

  @Test
  void bothEnginesFireTheSameBreachTimerAndOneEscalates() throws Exception {
    // a few rounds, since which engine gets where first differs from run to run
    for (int round = 0; round < 3; round++) {
      ProcessInstance instance = cases.start();
      String code = cases.caseCode(instance);
      String job = cases.timer(instance, SlaTimer.DUE).getId();
      CountDownLatch go = new CountDownLatch(1);

      List<Future<Throwable>> outcomes = new ArrayList<>();
      for (ProcessEngine node : List.of(engine, secondNode)) {
        outcomes.add(threads.submit(() -> {
          go.await();
          try {
            node.getManagementService().executeJob(job);
            return null;
          } catch (ProcessEngineException e) {
            return e;
          }
        }));
      }
      go.countDown();
      List<Throwable> failures = new ArrayList<>();
      for (Future<Throwable> outcome : outcomes) {
        Throwable failure = outcome.get(60, TimeUnit.SECONDS);
        if (failure != null) {
          failures.add(failure);
        }
      }

      log.info("Round {}: the other engine got {}", round, failures);
      assertThat(failures)
          .as("one engine executes the job; the other loses the race or finds no job")
          .hasSize(1);
      assertThat(SlaEscalationIT.notifications(jdbc, code))
          .containsExactly(
              "GROUP standing-office SLA_BREACH_ROUTE", "GROUP supervisor SLA_BREACH_ROUTE");
      assertThat(SlaEscalationIT.audits(jdbc, code, "SLA_BREACHED")).isEqualTo(1);
      assertThat(clocks.find(instance.getId(), SlaStage.ROUTE).orElseThrow().escalationLevel())
          .isEqualTo(SlaEscalationService.LEADER_NOTIFIED);
      assertThat(cases.timer(instance, SlaTimer.DUE)).isNull();
      assertThat(management
              .createJobQuery()
              .processInstanceId(instance.getId())
              .activityId(SlaTestCases.timerId(SlaTimer.SUPERVISOR))
              .count())
          .isEqualTo(1);
    }
  }

  @Test
  void twoTransactionsBreachingTheSameClockAtOnceNotifyOnce() throws Exception {
    ProcessInstance instance = cases.start();
    String code = cases.caseCode(instance);
    TransactionTemplate transaction = new TransactionTemplate(transactionManager);
    CyclicBarrier bothInTransaction = new CyclicBarrier(2);

    Callable<Void> breach = () -> {
      transaction.executeWithoutResult(status -> {
        try {
          bothInTransaction.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
        escalation.breach(SlaEscalationIT.execution(instance), SlaStage.ROUTE);
      });
      return null;
    };
    Future<Void> first = threads.submit(breach);
    Future<Void> second = threads.submit(breach);
    first.get(60, TimeUnit.SECONDS);
    second.get(60, TimeUnit.SECONDS);

    assertThat(SlaEscalationIT.notifications(jdbc, code))
        .containsExactly(
            "GROUP standing-office SLA_BREACH_ROUTE", "GROUP supervisor SLA_BREACH_ROUTE");
    assertThat(SlaEscalationIT.audits(jdbc, code, "SLA_BREACHED"))
        .as("the level is claimed once, not only the rows deduplicated")
        .isEqualTo(1);
  }
}
