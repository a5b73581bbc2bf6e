package io.sluice.gateway.rest;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One REST request after routing: the path's named parts ({@code {id}} in the route), the query
 * string, the body, and who sent it (empty only on public routes).
 */
public record RestRequest(
    String method,
    String path,
    Map<String, String> pathParameters,
    Map<String, List<String>> queryParameters,
    Map<String, String> headers,
    byte[] body,
    Optional<String> principal) {
  public RestRequest {
    requireNonNull(method, "method is null");
    requireNonNull(path, "path is null");
    pathParameters = Map.copyOf(pathParameters);
    queryParameters = Map.copyOf(queryParameters);
    headers = Map.copyOf(headers);
    requireNonNull(body, "body is null");
    requireNonNull(principal, "principal is null");
  }

  /** The authenticated caller; every route that is not public has one. */
  public String requirePrincipal() {
    return principal.orElseThrow(
        () -> new IllegalStateException("Route " + path + " was served without a principal"));
  }

  public String pathParameter(String name) {
    String value = pathParameters.get(name);
    if (value == null) {
      throw new IllegalArgumentException("Route has no path parameter '" + name + "'");
    }
    return value;
  }

  /** The first value of a query parameter. */
  public Optional<String> queryParameter(String name) {
    List<String> values = queryParameters.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** A header by lower-case name. */
  public Optional<String> header(String lowerCaseName) {
    return Optional.ofNullable(headers.get(lowerCaseName));
  }

  /** The JSON body as {@code type}; an empty body reads as {@code {}}. */
  public <T> T bodyAs(Class<T> type) {
    try {
      return RestJson.MAPPER.readValue(body.length == 0 ? "{}".getBytes() : body, type);
    } catch (IOException e) {
      throw RestException.invalidParameter("Malformed JSON request body: " + e.getMessage());
    }
  }
}
