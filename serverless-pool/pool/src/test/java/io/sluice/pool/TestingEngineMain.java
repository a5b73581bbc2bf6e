package io.sluice.pool;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * A stand-in engine process for lifecycle tests: listens on an ephemeral port, announces itself
 * like the Spark engine does, and exits when its standard input closes. Spark-free, so lifecycle
 * tests take milliseconds; the real engine's contract is tested in the engine module.
 */
public final class TestingEngineMain {
  private TestingEngineMain() {}

  public static void main(String[] args) throws IOException {
    if (System.getenv(EngineProcess.SECRET_ENVIRONMENT_VARIABLE) == null) {
      System.err.println("no secret");
      System.exit(2);
    }
    if (args.length > 0 && args[args.length - 1].equals("fail=true")) {
      System.err.println("failing on purpose");
      System.exit(3);
    }
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      System.out.println(EngineProcess.READY_PREFIX + server.getLocalPort());
      System.out.flush();
      while (System.in.read() != -1) {
        // Wait for the gateway to close our standard input.
      }
    }
  }
}
