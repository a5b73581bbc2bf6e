package io.sluice.engine;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.derby.drda.NetworkServerControl;

/**
 * The gateway's shared metastore: Derby's network server over the {@code metastore} database in the
 * engines' data directory, so that every engine of every warehouse sees the same tables (an
 * embedded Derby admits one JVM at a time).
 *
 * <p>Same launch contract as {@link EngineMain}: {@code --data-dir DIR} (other engine arguments are
 * accepted and ignored), the secret in {@value EngineSecret#ENVIRONMENT_VARIABLE} (here the
 * password of Derby user {@code APP}, the schema the metastore has always lived in), one line
 * {@code SLUICE_ENGINE_READY port=<port>} on standard output once it serves on loopback, and exit
 * when standard input closes.
 */
public final class MetastoreMain {
  /** The Derby user engines connect as; its default schema holds the metastore tables. */
  public static final String USER = "APP";

  private static final int START_ATTEMPTS = 5;

  private MetastoreMain() {}

  public static void main(String[] arguments) throws Exception {
    PrintStream readyChannel = System.out;
    System.setOut(System.err);
    EngineArguments engineArguments = EngineArguments.parse(List.of(arguments));
    String secret = System.getenv(EngineSecret.ENVIRONMENT_VARIABLE);
    if (secret == null || secret.isEmpty()) {
      System.err.println("sluice-metastore: " + EngineSecret.ENVIRONMENT_VARIABLE + " is unset");
      System.exit(2);
    }
    Path home = engineArguments.dataDirectory();
    Files.createDirectories(home);
    System.setProperty("derby.system.home", home.toString());
    System.setProperty("derby.connection.requireAuthentication", "true");
    System.setProperty("derby.authentication.provider", "BUILTIN");
    System.setProperty("derby.user." + USER, secret);
    int port = serve(secret);
    readyChannel.println(EngineMain.READY_PREFIX + port);
    readyChannel.flush();
    // Derby's server threads are daemons: the main thread keeps the process alive until the
    // gateway closes standard input.
    byte[] buffer = new byte[256];
    while (System.in.read(buffer) >= 0) {
      // The gateway never writes.
    }
    System.exit(0);
  }

  /** Starts the network server on a free loopback port and waits until it answers a ping. */
  private static int serve(String secret) throws Exception {
    Exception last = null;
    for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
      int port = freePort();
      NetworkServerControl server =
          new NetworkServerControl(InetAddress.getLoopbackAddress(), port, USER, secret);
      try {
        server.start(new PrintWriter(System.err, true));
        for (int probe = 0; probe < 100; probe++) {
          try {
            server.ping();
            return port;
          } catch (Exception notYet) {
            last = notYet;
            Thread.sleep(100);
          }
        }
      } catch (Exception e) {
        last = e;
      }
    }
    throw new IllegalStateException("The metastore server did not start", last);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
