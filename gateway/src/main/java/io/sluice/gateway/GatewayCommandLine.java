package io.sluice.gateway;

import io.sluice.pool.EngineClasspath;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Parses {@code sluice start} options into a {@link GatewayConfig}:
 *
 * <pre>
 * --data-dir DIR        where tables, the governance database and logs live (default ./data)
 * --binary-port N       Thrift binary port (default 10000; 0 picks a free one)
 * --http-port N         HTTP port (default 10001; 0 picks a free one)
 * --host H              address to listen on (default 127.0.0.1)
 * --tls-cert PEM        certificate chain, enables TLS on both ports (with --tls-key)
 * --tls-key PEM         PKCS#8 private key
 * --engine-master URL   Spark master for engines (default local[*])
 * --engine-idle-timeout D  the default warehouse's auto-stop time at first start (default 10m)
 * --history-retention D    keep query history this long (default 30d)
 * --warm-engines N      engines kept started and warmed per engine size (default 0)
 * --home DIR            the Sluice build tree, to find the engine's classpath (default .)
 * </pre>
 *
 * The admin token comes from the environment variable {@code SLUICE_ADMIN_TOKEN}.
 */
public final class GatewayCommandLine {
  static final String USAGE =
      "Usage: sluice start [--data-dir DIR] [--binary-port N] [--http-port N] [--host H]"
          + " [--tls-cert PEM --tls-key PEM] [--engine-master URL] [--engine-idle-timeout 10m]"
          + " [--history-retention 30d] [--warm-engines N] [--home DIR]";
  private static final Set<String> OPTIONS =
      Set.of(
          "--data-dir",
          "--binary-port",
          "--http-port",
          "--host",
          "--tls-cert",
          "--tls-key",
          "--engine-master",
          "--engine-idle-timeout",
          "--history-retention",
          "--warm-engines",
          "--home");

  private GatewayCommandLine() {}

  public static GatewayConfig parse(List<String> arguments, Map<String, String> environment) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < arguments.size(); i++) {
      String name = arguments.get(i);
      if (!OPTIONS.contains(name)) {
        throw new IllegalArgumentException("Unknown option '" + name + "'\n" + USAGE);
      }
      if (i + 1 >= arguments.size()) {
        throw new IllegalArgumentException("Option " + name + " needs a value\n" + USAGE);
      }
      options.put(name, arguments.get(++i));
    }
    Path home = Paths.get(options.getOrDefault("--home", "."));
    GatewayConfig defaults =
        GatewayConfig.defaults(
            Paths.get(options.getOrDefault("--data-dir", "data")),
            EngineClasspath.fromBuildTree(home));
    return new GatewayConfig(
        options.getOrDefault("--host", defaults.host()),
        port(options, "--binary-port", defaults.binaryPort()),
        port(options, "--http-port", defaults.httpPort()),
        defaults.dataDirectory(),
        Optional.ofNullable(options.get("--tls-cert")).map(Paths::get),
        Optional.ofNullable(options.get("--tls-key")).map(Paths::get),
        Optional.ofNullable(environment.get("SLUICE_ADMIN_TOKEN"))
            .filter(token -> !token.isBlank()),
        defaults.engineClasspath(),
        options.getOrDefault("--engine-master", defaults.engineMaster()),
        defaults.maxMessageBytes(),
        defaults.handshakeTimeout(),
        defaults.partialMessageTimeout(),
        defaults.connectionIdleTimeout(),
        Optional.ofNullable(options.get("--engine-idle-timeout"))
            .map(GatewayCommandLine::duration)
            .orElse(defaults.engineIdleTimeout()),
        defaults.workerThreads(),
        Optional.ofNullable(options.get("--history-retention"))
            .map(GatewayCommandLine::duration)
            .orElse(defaults.historyRetention()),
        count(options, "--warm-engines", defaults.warmEngines()));
  }

  private static int port(Map<String, String> options, String name, int defaultPort) {
    String value = options.get(name);
    if (value == null) {
      return defaultPort;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "Option " + name + " needs a port number, not '" + value + "'");
    }
  }

  private static int count(Map<String, String> options, String name, int defaultCount) {
    String value = options.get(name);
    if (value == null) {
      return defaultCount;
    }
    try {
      int count = Integer.parseInt(value);
      if (count >= 0) {
        return count;
      }
    } catch (NumberFormatException e) {
      // Reported below.
    }
    throw new IllegalArgumentException(
        "Option " + name + " needs a number of at least 0, not '" + value + "'");
  }

  static Duration duration(String value) {
    if (value.length() < 2) {
      throw new IllegalArgumentException(
          "Invalid duration '" + value + "': use e.g. 30s, 10m, 2h or 30d");
    }
    long amount;
    try {
      amount = Long.parseLong(value.substring(0, value.length() - 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "Invalid duration '" + value + "': use e.g. 30s, 10m, 2h or 30d");
    }
    return switch (value.charAt(value.length() - 1)) {
      case 's' -> Duration.ofSeconds(amount);
      case 'm' -> Duration.ofMinutes(amount);
      case 'h' -> Duration.ofHours(amount);
      case 'd' -> Duration.ofDays(amount);
      default ->
          throw new IllegalArgumentException(
              "Invalid duration '" + value + "': use e.g. 30s, 10m, 2h or 30d");
    };
  }
}
