package io.sluice.jdbc.config;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.sluice.jdbc.config.ConnectionProperties.Transport;
import java.net.URLDecoder;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Parses {@code jdbc:sluice://host[:port][/catalog[/schema]][;key=value]*}. Values may be
 * percent-encoded ({@code %3B} for a semicolon). Property names ignore case. A property may come
 * from the URL or from {@link Properties}, not both with different values.
 */
public final class SluiceUrl {
  public static final String PREFIX = "jdbc:sluice://";
  public static final int DEFAULT_BINARY_PORT = 10000;
  public static final int DEFAULT_HTTP_PORT = 10001;

  /** SQLSTATE for a URL or property the driver cannot use. */
  public static final String INVALID_CONNECTION_STRING = "08001";

  private SluiceUrl() {}

  public static boolean accepts(String url) {
    return url != null && url.startsWith(PREFIX);
  }

  public static ConnectionConfig parse(String url, Properties properties) throws SQLException {
    try {
      return parseOrThrow(url, properties == null ? new Properties() : properties);
    } catch (IllegalArgumentException e) {
      throw new SQLException(e.getMessage(), INVALID_CONNECTION_STRING, e);
    }
  }

  /** One entry per registered property, with the value this URL and these properties give it. */
  public static DriverPropertyInfo[] propertyInfo(String url, Properties properties) {
    Map<String, String> given = new LinkedHashMap<>();
    try {
      given.putAll(rawProperties(url, properties == null ? new Properties() : properties));
    } catch (IllegalArgumentException ignored) {
      // Describe every property even for a URL that does not parse.
    }
    return ConnectionProperties.ALL.stream()
        .map(
            property ->
                property.info(
                    given.entrySet().stream()
                        .filter(entry -> entry.getKey().equalsIgnoreCase(property.name()))
                        .map(Map.Entry::getValue)
                        .findFirst()))
        .toArray(DriverPropertyInfo[]::new);
  }

  private static ConnectionConfig parseOrThrow(String url, Properties properties) {
    if (!accepts(url)) {
      throw new IllegalArgumentException("Not a Sluice URL (expected " + PREFIX + "...): " + url);
    }
    String rest = url.substring(PREFIX.length());
    int semicolon = rest.indexOf(';');
    String location = semicolon < 0 ? rest : rest.substring(0, semicolon);
    int slash = location.indexOf('/');
    String authority = slash < 0 ? location : location.substring(0, slash);
    String path = slash < 0 ? "" : location.substring(slash + 1);

    HostAndPort hostAndPort = HostAndPort.parse(authority);
    Map<ConnectionProperty<?>, Object> values = new LinkedHashMap<>();
    Map<String, String> sessionSettings = new LinkedHashMap<>();
    pathSegments(path, values);
    for (Map.Entry<String, String> entry : rawProperties(url, properties).entrySet()) {
      String name = entry.getKey();
      if (name.regionMatches(
          true,
          0,
          ConnectionProperties.SESSION_SETTING_PREFIX,
          0,
          ConnectionProperties.SESSION_SETTING_PREFIX.length())) {
        String setting = name.substring(ConnectionProperties.SESSION_SETTING_PREFIX.length());
        if (setting.isEmpty()) {
          throw new IllegalArgumentException("Session setting without a name: '" + name + "'");
        }
        sessionSettings.put(setting, entry.getValue());
        continue;
      }
      ConnectionProperty<?> property =
          ConnectionProperties.forName(name)
              .orElseThrow(
                  () -> new IllegalArgumentException("Unknown connection property '" + name + "'"));
      Object value = property.parse(entry.getValue());
      Object previous = values.put(property, value);
      if (previous != null && !previous.equals(value)) {
        throw new IllegalArgumentException(
            "Connection property '"
                + property.name()
                + "' is given twice with different values (URL path, URL or properties)");
      }
    }
    int port =
        hostAndPort
            .port()
            .orElseGet(
                () ->
                    values.get(ConnectionProperties.TRANSPORT) == Transport.HTTP
                        ? DEFAULT_HTTP_PORT
                        : DEFAULT_BINARY_PORT);
    return new ConnectionConfig(hostAndPort.host(), port, values, sessionSettings);
  }

  private static void pathSegments(String path, Map<ConnectionProperty<?>, Object> values) {
    if (path.isEmpty()) {
      return;
    }
    String[] segments = path.split("/", -1);
    if (segments.length > 2) {
      throw new IllegalArgumentException(
          "URL path must be /catalog or /catalog/schema, not /" + path);
    }
    List<ConnectionProperty<String>> targets =
        List.of(ConnectionProperties.CATALOG, ConnectionProperties.SCHEMA);
    for (int index = 0; index < segments.length; index++) {
      String segment = decode(segments[index]);
      if (segment.isEmpty()) {
        throw new IllegalArgumentException(
            "Empty " + targets.get(index).name() + " in URL path /" + path);
      }
      values.put(targets.get(index), segment);
    }
  }

  /**
   * Properties from the URL's {@code ;key=value} list, then from {@code properties}, keyed by their
   * spelling (session setting names are case-sensitive); duplicates are found ignoring case.
   */
  private static Map<String, String> rawProperties(String url, Properties properties) {
    Map<String, String> raw = new LinkedHashMap<>();
    Map<String, String> spellingByLowerCase = new LinkedHashMap<>();
    int semicolon = url.indexOf(';');
    if (semicolon >= 0) {
      for (String pair : url.substring(semicolon + 1).split(";", -1)) {
        if (pair.isEmpty()) {
          continue;
        }
        int equals = pair.indexOf('=');
        if (equals <= 0) {
          throw new IllegalArgumentException("URL property must be key=value, not '" + pair + "'");
        }
        String key = pair.substring(0, equals);
        if (spellingByLowerCase.put(key.toLowerCase(Locale.ROOT), key) != null) {
          throw new IllegalArgumentException("URL property '" + key + "' is given twice");
        }
        raw.put(key, decode(pair.substring(equals + 1)));
      }
    }
    for (String name : properties.stringPropertyNames()) {
      String value = properties.getProperty(name);
      String spelling = spellingByLowerCase.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
      if (spelling == null) {
        raw.put(name, value);
      } else if (!raw.get(spelling).equals(value)) {
        throw new IllegalArgumentException(
            "Connection property '" + name + "' is given both in the URL and in the properties");
      }
    }
    return raw;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text.replace("+", "%2B"), UTF_8);
  }

  private record HostAndPort(String host, Optional<Integer> port) {
    static HostAndPort parse(String authority) {
      if (authority.isEmpty()) {
        throw new IllegalArgumentException("URL has no host");
      }
      String host;
      String portText = null;
      if (authority.startsWith("[")) {
        int close = authority.indexOf(']');
        if (close < 0) {
          throw new IllegalArgumentException("Unclosed IPv6 address in URL: " + authority);
        }
        host = authority.substring(1, close);
        String after = authority.substring(close + 1);
        if (!after.isEmpty()) {
          if (!after.startsWith(":")) {
            throw new IllegalArgumentException("Bad host and port in URL: " + authority);
          }
          portText = after.substring(1);
        }
      } else {
        int colon = authority.indexOf(':');
        host = colon < 0 ? authority : authority.substring(0, colon);
        portText = colon < 0 ? null : authority.substring(colon + 1);
      }
      if (host.isEmpty()) {
        throw new IllegalArgumentException("URL has no host");
      }
      if (portText == null) {
        return new HostAndPort(host, Optional.empty());
      }
      int port;
      try {
        port = Integer.parseInt(portText);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("Invalid port '" + portText + "' in URL");
      }
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("Port " + port + " in URL is out of range 1-65535");
      }
      return new HostAndPort(host, Optional.of(port));
    }
  }
}
