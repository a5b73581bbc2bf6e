package io.sluice.gateway.history;

import static java.util.Objects.requireNonNull;

import io.sluice.gateway.thrift.CallContext;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which client sent a session's statements: the transport, the driver's name and version (from the
 * User-Agent's first product token, e.g. {@code DatabricksJDBCDriverOSS/3.4.5}, or from what a
 * Kyuubi client puts in the session configuration), and the application when one says so.
 */
public record ClientInfo(
    String transport, String driverName, String driverVersion, String application) {
  private static final int MAXIMUM_LENGTH = 128;

  public ClientInfo {
    requireNonNull(transport, "transport is null");
    driverName = bounded(driverName);
    driverVersion = bounded(driverVersion);
    application = bounded(application);
  }

  /** The client of a session opened over {@code context} with {@code configuration}. */
  public static ClientInfo of(CallContext context, Map<String, String> configuration) {
    String userAgent = Optional.ofNullable(context.userAgent()).orElse("").trim();
    String name = "";
    String version = "";
    if (!userAgent.isEmpty()) {
      String product = userAgent.split("\\s+", 2)[0];
      int slash = product.indexOf('/');
      name = slash < 0 ? product : product.substring(0, slash);
      version = slash < 0 ? "" : product.substring(slash + 1);
    } else if (configuration.containsKey("kyuubi.client.version")) {
      name = "Kyuubi JDBC";
      version = configuration.get("kyuubi.client.version");
    }
    String application =
        firstPresent(configuration, "ApplicationName", "spark.app.name", "application")
            .orElseGet(() -> applicationFromUserAgent(userAgent));
    return new ClientInfo(context.transport(), name, version, application);
  }

  private static Optional<String> firstPresent(Map<String, String> configuration, String... keys) {
    for (String key : keys) {
      String value = configuration.get(key);
      if (value != null && !value.isBlank()) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }

  private static String applicationFromUserAgent(String userAgent) {
    String lower = userAgent.toLowerCase(Locale.ROOT);
    if (lower.contains("powerbi") || lower.contains("power bi")) {
      return "Power BI";
    }
    if (lower.contains("tableau")) {
      return "Tableau";
    }
    if (lower.contains("dbeaver")) {
      return "DBeaver";
    }
    return "";
  }

  private static String bounded(String value) {
    if (value == null) {
      return "";
    }
    return value.length() <= MAXIMUM_LENGTH ? value : value.substring(0, MAXIMUM_LENGTH);
  }
}
