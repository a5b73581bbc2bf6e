package io.sluice.gateway;

import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code sluice start}: runs the gateway until SIGTERM or Ctrl-C, then stops it and its engines.
 */
public final class SluiceMain {
  private SluiceMain() {}

  public static void main(String[] arguments) throws Exception {
    GatewayConfig config;
    try {
      config = GatewayCommandLine.parse(List.of(arguments), System.getenv());
    } catch (IllegalArgumentException | IllegalStateException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    Sluice sluice = Sluice.start(config);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  sluice.close();
                  stopped.countDown();
                },
                "sluice-shutdown"));
    System.out.println(sluice.readyLine());
    System.out.flush();
    stopped.await();
  }
}
