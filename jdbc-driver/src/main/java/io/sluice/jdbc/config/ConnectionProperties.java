package io.sluice.jdbc.config;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every connection property the driver understands: the one registry. */
public final class ConnectionProperties {
  /** Prefix of session settings: {@code conf.spark.sql.ansi.enabled=true}. */
  public static final String SESSION_SETTING_PREFIX = "conf.";

  public static final ConnectionProperty<String> USER =
      text("user", "User name (with password: SASL PLAIN or HTTP Basic)", null);
  public static final ConnectionProperty<String> PASSWORD = text("password", "Password", null);
  public static final ConnectionProperty<String> TOKEN =
      text(
          "token",
          "Personal access token: SASL PLAIN user 'token' on the binary transport, Bearer over HTTP",
          null);
  public static final ConnectionProperty<Transport> TRANSPORT =
      new ConnectionProperty<>(
          "transport",
          "Thrift transport: binary (TCP) or http (POST to httpPath)",
          "binary",
          List.of("binary", "http"),
          value -> Transport.valueOf(value.toUpperCase(Locale.ROOT)));
  public static final ConnectionProperty<String> HTTP_PATH =
      text("httpPath", "Path Thrift requests are POSTed to (http transport)", "cliservice");
  public static final ConnectionProperty<BinaryAuthentication> AUTH =
      new ConnectionProperty<>(
          "auth",
          "Binary transport framing: plain (SASL PLAIN) or nosasl (raw Thrift)",
          "plain",
          List.of("plain", "nosasl"),
          value -> BinaryAuthentication.valueOf(value.toUpperCase(Locale.ROOT)));
  public static final ConnectionProperty<Boolean> SSL =
      new ConnectionProperty<>(
          "ssl", "Use TLS", "false", List.of("true", "false"), Boolean::parseBoolean);
  public static final ConnectionProperty<String> SSL_TRUST_STORE =
      text("sslTrustStore", "Trust store file (default: the JVM's trusted CAs)", null);
  public static final ConnectionProperty<String> SSL_TRUST_STORE_PASSWORD =
      text("sslTrustStorePassword", "Trust store password", null);
  public static final ConnectionProperty<String> SSL_TRUST_STORE_TYPE =
      text("sslTrustStoreType", "Trust store type (JKS, PKCS12)", "PKCS12");
  public static final ConnectionProperty<String> SSL_CA_PEM =
      text("sslCaPem", "PEM file of the CA certificates to trust (instead of a trust store)", null);
  public static final ConnectionProperty<Integer> FETCH_SIZE =
      new ConnectionProperty<>(
          "fetchSize",
          "Rows fetched per round trip unless Statement.setFetchSize says otherwise",
          "10000",
          List.of(),
          positive(Integer::parseInt));
  public static final ConnectionProperty<Boolean> PREFETCH =
      new ConnectionProperty<>(
          "prefetch",
          "Fetch a result's next page on a background thread while the application reads the"
              + " current one (at most one page ahead, so memory stays bounded by the fetch size)",
          "true",
          List.of("true", "false"),
          Boolean::parseBoolean);
  public static final ConnectionProperty<Boolean> ARROW =
      new ConnectionProperty<>(
          "arrow",
          "Ask the server for results as Arrow record batches (servers that cannot, such as"
              + " Spark's Thrift Server, answer with columns as before)",
          "true",
          List.of("true", "false"),
          Boolean::parseBoolean);
  public static final ConnectionProperty<Duration> CONNECT_TIMEOUT =
      seconds("connectTimeout", "Seconds to connect and open a session (0: no limit)", "30");
  public static final ConnectionProperty<Duration> SOCKET_TIMEOUT =
      seconds("socketTimeout", "Seconds to wait for any one reply (0: no limit)", "0");
  public static final ConnectionProperty<Duration> QUERY_TIMEOUT =
      seconds(
          "queryTimeout",
          "Default Statement.setQueryTimeout in seconds, enforced by the server (0: no limit)",
          "0");
  public static final ConnectionProperty<String> CATALOG =
      text("catalog", "Initial catalog (also the first path segment of the URL)", null);
  public static final ConnectionProperty<String> SCHEMA =
      text("schema", "Initial schema (also the second path segment of the URL)", null);

  public static final List<ConnectionProperty<?>> ALL =
      List.of(
          USER,
          PASSWORD,
          TOKEN,
          TRANSPORT,
          HTTP_PATH,
          AUTH,
          SSL,
          SSL_TRUST_STORE,
          SSL_TRUST_STORE_PASSWORD,
          SSL_TRUST_STORE_TYPE,
          SSL_CA_PEM,
          FETCH_SIZE,
          PREFETCH,
          ARROW,
          CONNECT_TIMEOUT,
          SOCKET_TIMEOUT,
          QUERY_TIMEOUT,
          CATALOG,
          SCHEMA);

  private static final Map<String, ConnectionProperty<?>> BY_LOWER_CASE_NAME =
      ALL.stream()
          .collect(
              Collectors.toUnmodifiableMap(
                  property -> property.name().toLowerCase(Locale.ROOT), Function.identity()));

  private ConnectionProperties() {}

  /** The property named {@code name}, ignoring case. */
  public static Optional<ConnectionProperty<?>> forName(String name) {
    return Optional.ofNullable(BY_LOWER_CASE_NAME.get(name.toLowerCase(Locale.ROOT)));
  }

  private static ConnectionProperty<String> text(
      String name, String description, String defaultText) {
    return new ConnectionProperty<>(name, description, defaultText, List.of(), value -> value);
  }

  private static ConnectionProperty<Duration> seconds(
      String name, String description, String defaultText) {
    return new ConnectionProperty<>(
        name,
        description,
        defaultText,
        List.of(),
        value -> {
          long seconds = Long.parseLong(value);
          if (seconds < 0) {
            throw new IllegalArgumentException("must not be negative");
          }
          return Duration.ofSeconds(seconds);
        });
  }

  private static Function<String, Integer> positive(Function<String, Integer> parser) {
    return value -> {
      int parsed = parser.apply(value);
      if (parsed <= 0) {
        throw new IllegalArgumentException("must be positive");
      }
      return parsed;
    };
  }

  /** How the binary transport frames Thrift. */
  public enum BinaryAuthentication {
    PLAIN,
    NOSASL
  }

  public enum Transport {
    BINARY,
    HTTP
  }
}
