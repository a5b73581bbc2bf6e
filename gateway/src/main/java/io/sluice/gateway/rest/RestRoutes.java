package io.sluice.gateway.rest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every REST route the HTTP port serves besides Thrift and {@code /health}. Routes are
 * authenticated by a personal access token unless registered as public.
 */
public final class RestRoutes {
  private final List<RestRoute> routes = new CopyOnWriteArrayList<>();

  public static RestRoutes of(List<? extends RestModule> modules) {
    RestRoutes routes = new RestRoutes();
    modules.forEach(module -> module.register(routes));
    return routes;
  }

  public RestRoutes get(String template, RestHandler handler) {
    return add("GET", template, true, handler);
  }

  public RestRoutes post(String template, RestHandler handler) {
    return add("POST", template, true, handler);
  }

  public RestRoutes put(String template, RestHandler handler) {
    return add("PUT", template, true, handler);
  }

  public RestRoutes patch(String template, RestHandler handler) {
    return add("PATCH", template, true, handler);
  }

  public RestRoutes delete(String template, RestHandler handler) {
    return add("DELETE", template, true, handler);
  }

  /** A GET anyone may call without a token, such as the web UI's static files. */
  public RestRoutes publicGet(String template, RestHandler handler) {
    return add("GET", template, false, handler);
  }

  /**
   * A route that authenticates its callers itself rather than by personal access token, such as the
   * engines' metastore API.
   */
  public RestRoutes selfAuthenticated(String method, String template, RestHandler handler) {
    return add(method, template, false, handler);
  }

  private RestRoutes add(
      String method, String template, boolean authenticated, RestHandler handler) {
    routes.add(new RestRoute(method, template, authenticated, handler));
    return this;
  }

  /** What a request's method and path lead to. */
  public Resolution resolve(String method, String path) {
    boolean pathKnown = false;
    for (RestRoute route : routes) {
      Optional<Map<String, String>> parameters = route.match(path);
      if (parameters.isEmpty()) {
        continue;
      }
      if (route.method().equals(method)) {
        return new Resolution.Found(route, decoded(parameters.get()));
      }
      pathKnown = true;
    }
    return pathKnown ? new Resolution.MethodNotAllowed() : new Resolution.NotFound();
  }

  private static Map<String, String> decoded(Map<String, String> parameters) {
    var result = new java.util.LinkedHashMap<String, String>();
    parameters.forEach(
        (name, value) -> result.put(name, URLDecoder.decode(value, StandardCharsets.UTF_8)));
    return result;
  }

  public List<RestRoute> routes() {
    return new ArrayList<>(routes);
  }

  /** The outcome of routing one request. */
  public sealed interface Resolution {
    record Found(RestRoute route, Map<String, String> pathParameters) implements Resolution {}

    record MethodNotAllowed() implements Resolution {}

    record NotFound() implements Resolution {}
  }
}
