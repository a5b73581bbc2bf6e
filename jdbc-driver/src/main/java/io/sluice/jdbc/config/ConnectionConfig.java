package io.sluice.jdbc.config;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;

/**
 * A parsed connection URL plus properties: where to connect, every property's value (explicit or
 * default) and the session settings ({@code conf.*}).
 */
public final class ConnectionConfig {
  private final String host;
  private final int port;
  private final Map<ConnectionProperty<?>, Object> values;
  private final Map<String, String> sessionSettings;

  ConnectionConfig(
      String host,
      int port,
      Map<ConnectionProperty<?>, Object> values,
      Map<String, String> sessionSettings) {
    this.host = requireNonNull(host, "host is null");
    this.port = port;
    this.values = Map.copyOf(values);
    this.sessionSettings = Map.copyOf(sessionSettings);
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  /** The value of {@code property}, or its default; empty when neither exists. */
  public <T> Optional<T> value(ConnectionProperty<T> property) {
    @SuppressWarnings("unchecked")
    T value = (T) values.get(property);
    if (value != null) {
      return Optional.of(value);
    }
    return property.defaultText().map(property::parse);
  }

  /** The value of a property that has a default. */
  public <T> T required(ConnectionProperty<T> property) {
    return value(property)
        .orElseThrow(() -> new IllegalStateException("No value for " + property.name()));
  }

  /** Spark/Hive settings applied when the session opens, without the {@code conf.} prefix. */
  public Map<String, String> sessionSettings() {
    return sessionSettings;
  }
}
