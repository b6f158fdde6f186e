package vn.dondoc.app.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP relay between the app nodes and one real service (PostgreSQL, Elasticsearch, Keycloak), which a
 * test can take away and give back: the nodes then see exactly what they see when the service goes down
 * (open connections broken, new ones refused) while the shared service itself keeps running for everyone
 * else on the machine.
 *
 * <p>{@link #cut()} first stops passing requests on, then lets answers already on their way through for a
 * moment, then closes every connection and the listening port. So a statement (a COMMIT) either reached
 * the server and its answer reaches the node, or it never reached the server: as when PostgreSQL shuts
 * down, the node never has to guess whether its transaction committed.
 */
final class FaultProxy implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(FaultProxy.class);
  private static final long ANSWERS_GRACE_MILLIS = 500;

  private final String name;
  private final InetSocketAddress target;
  private final int port;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable);
    thread.setDaemon(true);
    return thread;
  });
  private volatile boolean passing = true;
  private volatile ServerSocket server;

  FaultProxy(String name, String targetHost, int targetPort) throws IOException {
    this.name = name;
    this.target = new InetSocketAddress(targetHost, targetPort);
    this.server = listen(0);
    this.port = server.getLocalPort();
    accept(server);
  }

  int port() {
    return port;
  }

  /** The service goes away: connections broken, the port refuses new ones. */
  synchronized void cut() throws InterruptedException {
    log.info("{}: cutting the connection to {}", name, target);
    passing = false;
    Thread.sleep(ANSWERS_GRACE_MILLIS);
    closeQuietly(server);
    sockets.forEach(FaultProxy::closeQuietly);
    sockets.clear();
  }

  /** The service is back on the same port. */
  synchronized void restore() throws IOException {
    log.info("{}: restoring the connection to {}", name, target);
    passing = true;
    server = listen(port);
    accept(server);
  }

  @Override
  public void close() {
    passing = false;
    closeQuietly(server);
    sockets.forEach(FaultProxy::closeQuietly);
    threads.shutdownNow();
  }

  private static ServerSocket listen(int port) throws IOException {
    ServerSocket socket = new ServerSocket();
    socket.setReuseAddress(true);
    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
    return socket;
  }

  private void accept(ServerSocket listening) {
    threads.execute(() -> {
      while (!listening.isClosed()) {
        Socket client;
        try {
          client = listening.accept();
        } catch (IOException e) {
          return; // closed by cut() or close()
        }
        threads.execute(() -> relay(client));
      }
    });
  }

  private void relay(Socket client) {
    Socket upstream = new Socket();
    try {
      upstream.connect(target, 2000);
    } catch (IOException e) {
      closeQuietly(client);
      closeQuietly(upstream);
      return;
    }
    sockets.add(client);
    sockets.add(upstream);
    if (!passing) {
      closeQuietly(client);
      closeQuietly(upstream);
      return;
    }
    threads.execute(() -> pump(client, upstream, true));
    pump(upstream, client, false);
  }

  private void pump(Socket from, Socket to, boolean request) {
    byte[] buffer = new byte[16 * 1024];
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      int read;
      while ((read = in.read(buffer)) >= 0) {
        if (request && !passing) {
          continue; // being cut: a request read now never reaches the service
        }
        out.write(buffer, 0, read);
        out.flush();
      }
    } catch (IOException e) {
      // a side closed: close the other one too
    } finally {
      closeQuietly(from);
      closeQuietly(to);
      sockets.remove(from);
      sockets.remove(to);
    }
  }

  private static void closeQuietly(java.io.Closeable closeable) {
    try {
      if (closeable != null) {
        closeable.close();
      }
    } catch (IOException e) {
      // nothing to do
    }
  }
}
