package vn.dondoc.app.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.springframework.context.ApplicationContext;
import org.springframework.scheduling.annotation.ScheduledAnnotationBeanPostProcessor;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real SMTP server in the test's JVM (GreenMail) for a context of its own: its process engine has a name
 * of its own (engines are registered by name JVM-wide, and a second "default" would replace the shared one
 * behind /engine-rest) and no job executor; e-mails are polled and retried quickly.
 */
public final class TestSmtp {

  private TestSmtp() {}

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The context's settings: its engine's name, the SMTP server at {@code port}, fast polls and retries. */
  public static void register(DynamicPropertyRegistry registry, String engineName, int port) {
    registry.add("camunda.bpm.process-engine-name", () -> engineName);
    registry.add("camunda.bpm.job-execution.enabled", () -> "false");
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> port);
    registry.add("dondoc.mail.poll-interval", () -> "200ms");
    registry.add("dondoc.mail.retry-delay", () -> "200ms");
    registry.add("dondoc.mail.max-backoff", () -> "1s");
  }

  /**
   * Stops the scheduled work (the mail relay's polls among it) of a test's own context once its tests are done.
   * The context stays open: closing a second context unbinds the Camunda webapps of the shared one (the Spring
   * Boot starter keeps the application context in a static, LazyInitRegistration), so Cockpit would answer 500
   * to later tests; and a relay left polling would take the e-mails of later tests.
   */
  public static void quiesce(ApplicationContext context) {
    context.getBean(ScheduledAnnotationBeanPostProcessor.class).destroy();
  }

  /** A server on {@code port}, not started yet. */
  public static GreenMail server(int port) {
    return new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
  }
}
