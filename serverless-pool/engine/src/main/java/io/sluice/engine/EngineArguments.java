package io.sluice.engine;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The engine's command line: {@code --data-dir DIR} (required), {@code --host} (default 127.0.0.1),
 * {@code --port} (default 0, an ephemeral port), {@code --master} (default {@code local[*]}) and
 * any number of {@code --conf key=value} Spark settings.
 */
public record EngineArguments(
    Path dataDirectory, String host, int port, String master, Map<String, String> sparkSettings) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final String DEFAULT_MASTER = "local[*]";

  public EngineArguments {
    sparkSettings = Map.copyOf(sparkSettings);
  }

  /** Parses {@code arguments}; throws {@link IllegalArgumentException} with a usage message. */
  public static EngineArguments parse(List<String> arguments) {
    Path dataDirectory = null;
    String host = DEFAULT_HOST;
    int port = 0;
    String master = DEFAULT_MASTER;
    Map<String, String> sparkSettings = new LinkedHashMap<>();
    for (int index = 0; index < arguments.size(); index++) {
      String name = arguments.get(index);
      if (index + 1 >= arguments.size()) {
        throw new IllegalArgumentException("Missing value after " + name + ". " + usage());
      }
      String value = arguments.get(++index);
      switch (name) {
        case "--data-dir" -> dataDirectory = Path.of(value).toAbsolutePath().normalize();
        case "--host" -> host = value;
        case "--port" -> port = parsePort(value);
        case "--master" -> master = value;
        case "--conf" -> {
          int equals = value.indexOf('=');
          if (equals <= 0) {
            throw new IllegalArgumentException("Expected --conf key=value, got: " + value);
          }
          sparkSettings.put(value.substring(0, equals), value.substring(equals + 1));
        }
        default -> throw new IllegalArgumentException("Unknown argument " + name + ". " + usage());
      }
    }
    if (dataDirectory == null) {
      throw new IllegalArgumentException("--data-dir is required. " + usage());
    }
    return new EngineArguments(dataDirectory, host, port, master, sparkSettings);
  }

  private static int parsePort(String value) {
    try {
      int port = Integer.parseInt(value);
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("--port must be within 0..65535, got: " + value);
      }
      return port;
    } catch (NumberFormatException notANumber) {
      throw new IllegalArgumentException("--port must be a number, got: " + value, notANumber);
    }
  }

  private static String usage() {
    return "Usage: EngineMain --data-dir DIR [--host 127.0.0.1] [--port 0] [--master local[*]]"
        + " [--conf key=value]...";
  }
}
