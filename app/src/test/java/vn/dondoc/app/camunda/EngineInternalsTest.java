package vn.dondoc.app.camunda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps a move off Camunda 7 CE small (docs/adr/0004-engine-support-after-camunda-7-ce.md): engine
 * internals ({@code org.camunda.bpm.engine.impl.*}) may only be used where they are listed here, each for
 * a reason the ADR gives. A new internal fails this test; use the public API, or list it here and in the
 * ADR with its reason.
 */
class EngineInternalsTest {

  private static final Path REPOSITORY = Path.of(System.getProperty("dondoc.repository", ".."));
  private static final List<String> SOURCE_ROOTS =
      List.of("app/src", "processes/src", "forms/src", "search/src", "bench/src");
  private static final Pattern INTERNAL =
      Pattern.compile("\\borg\\.camunda\\.bpm\\.engine\\.impl(?:\\.[a-z]\\w*)*\\.[A-Z]\\w*");

  /** The internals in use when the ADR was written; see its table "Engine internals in use". */
  static final Set<String> ALLOWED = Set.of(
      // engine plugins: the engine's only extension point (parse listeners, admin group)
      "org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin",
      "org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl",
      "org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener",
      "org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior",
      "org.camunda.bpm.engine.impl.pvm.process.ActivityImpl",
      "org.camunda.bpm.engine.impl.pvm.process.ScopeImpl",
      "org.camunda.bpm.engine.impl.util.xml.Element",
      // the person behind a step run by the engine (listeners, delegates)
      "org.camunda.bpm.engine.impl.identity.Authentication",
      // moving an SLA timer's due date in place
      "org.camunda.bpm.engine.impl.interceptor.CommandExecutor",
      "org.camunda.bpm.engine.impl.persistence.entity.JobEntity",
      "org.camunda.bpm.engine.impl.persistence.entity.SuspensionState",
      "org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity",
      // tests only: the in-memory engine, its clock, a second engine's id generator
      "org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration",
      "org.camunda.bpm.engine.impl.util.ClockUtil",
      "org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator");

  @Test
  void noEngineInternalBeyondTheListedOnes() throws IOException {
    Set<String> unlisted = new TreeSet<>();
    for (String root : SOURCE_ROOTS) {
      Path dir = REPOSITORY.resolve(root);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
          Matcher m = INTERNAL.matcher(Files.readString(file));
          while (m.find()) {
            if (!ALLOWED.contains(m.group())) {
              unlisted.add(REPOSITORY.relativize(file) + ": " + m.group());
            }
          }
        }
      }
    }
    assertThat(unlisted)
        .as("engine internals not listed in EngineInternalsTest.ALLOWED and ADR 0004")
        .isEmpty();
  }

  @Test
  void theCheckSeesTheSourcesAndTheClassOfAStaticImport() {
    // a wrong repository path or pattern would make the test above pass on nothing
    assertThat(REPOSITORY.resolve("app/src/main/java/vn/dondoc/app/DondocApplication.java"))
        .exists();
    Matcher m = INTERNAL.matcher(
        "import static org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime;");
    assertThat(m.find()).isTrue();
    assertThat(m.group()).isEqualTo("org.camunda.bpm.engine.impl.util.ClockUtil");
  }
}
