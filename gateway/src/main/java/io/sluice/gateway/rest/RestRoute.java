package io.sluice.gateway.rest;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A method and a path template such as {@code /api/2.0/sql/warehouses/{id}/start}: {@code {name}}
 * matches one path segment, and a last segment {@code {name*}} matches the rest of the path.
 */
public record RestRoute(
    String method, String template, boolean authenticated, RestHandler handler) {
  public RestRoute {
    requireNonNull(method, "method is null");
    requireNonNull(template, "template is null");
    requireNonNull(handler, "handler is null");
    if (!template.startsWith("/")) {
      throw new IllegalArgumentException("Route template must start with '/': " + template);
    }
  }

  /** The path parameters if {@code path} fits this route's template, whatever the method. */
  public Optional<Map<String, String>> match(String path) {
    List<String> templateSegments = segments(template);
    List<String> pathSegments = segments(path);
    Map<String, String> parameters = new LinkedHashMap<>();
    for (int index = 0; index < templateSegments.size(); index++) {
      String expected = templateSegments.get(index);
      if (expected.startsWith("{") && expected.endsWith("*}")) {
        if (index > pathSegments.size()) {
          return Optional.empty();
        }
        parameters.put(
            expected.substring(1, expected.length() - 2),
            String.join("/", pathSegments.subList(index, pathSegments.size())));
        return Optional.of(parameters);
      }
      if (index >= pathSegments.size()) {
        return Optional.empty();
      }
      String actual = pathSegments.get(index);
      if (expected.startsWith("{") && expected.endsWith("}")) {
        if (actual.isEmpty()) {
          return Optional.empty();
        }
        parameters.put(expected.substring(1, expected.length() - 1), actual);
      } else if (!expected.equals(actual)) {
        return Optional.empty();
      }
    }
    return pathSegments.size() == templateSegments.size()
        ? Optional.of(parameters)
        : Optional.empty();
  }

  private static List<String> segments(String path) {
    String trimmed =
        path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    return trimmed.equals("/") ? List.of() : List.of(trimmed.substring(1).split("/", -1));
  }
}
