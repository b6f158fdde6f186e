package vn.dondoc.app.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One app node: the built jar (app/target/dondoc-app.jar) in a JVM of its own, as in production. */
final class AppNode implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(AppNode.class);
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2))
      .build();

  private final String name;
  private final int port;
  private final Path logFile;
  private final Process process;

  private AppNode(String name, int port, Path logFile, Process process) {
    this.name = name;
    this.port = port;
    this.logFile = logFile;
    this.process = process;
  }

  /** Starts the jar with these environment variables and Spring arguments; does not wait for it. */
  static AppNode start(
      String name,
      Path jar,
      Path logDirectory,
      Map<String, String> environment,
      List<String> arguments)
      throws IOException {
    int port = freePort();
    Files.createDirectories(logDirectory);
    Path logFile = logDirectory.resolve(name + ".log");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m",
        "-XX:TieredStopAtLevel=1",
        "-jar",
        jar.toString(),
        "--server.port=" + port,
        "--server.address=127.0.0.1"));
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()));
    builder.environment().putAll(environment);
    Process process = builder.start();
    log.info("{}: started pid {} on port {}, log {}", name, process.pid(), port, logFile);
    return new AppNode(name, port, logFile, process);
  }

  String name() {
    return name;
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  long pid() {
    return process.pid();
  }

  boolean alive() {
    return process.isAlive();
  }

  /** Waits until the node answers its readiness probe; fails at once if it died. */
  void awaitReady(Duration timeout) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new AssertionError(
            name + " exited during startup (" + process.exitValue() + "), see " + logFile);
      }
      try {
        HttpResponse<Void> ready = HTTP.send(
            HttpRequest.newBuilder(URI.create(url() + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(3))
                .build(),
            HttpResponse.BodyHandlers.discarding());
        if (ready.statusCode() == 200) {
          log.info("{}: ready", name);
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(1000);
    }
    throw new AssertionError(name + " not ready within " + timeout + ", see " + logFile);
  }

  /** SIGSTOP: frozen with its connections open and its locks held, as a node that hangs. */
  void freeze() throws IOException, InterruptedException {
    signal("STOP");
  }

  /** SIGCONT after {@link #freeze()}. */
  void thaw() throws IOException, InterruptedException {
    signal("CONT");
  }

  /** SIGKILL: no shutdown hook, no graceful end of anything; the operating system closes its sockets. */
  void kill() throws IOException, InterruptedException {
    signal("KILL");
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new AssertionError(name + " survived SIGKILL");
    }
    log.info("{}: killed (SIGKILL)", name);
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  private void signal(String signal) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
        .inheritIO()
        .start();
    if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
      throw new AssertionError("kill -" + signal + " " + process.pid() + " failed");
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
