package io.sluice.gateway.ui;

import io.sluice.gateway.rest.RestException;
import io.sluice.gateway.rest.RestModule;
import io.sluice.gateway.rest.RestResponse;
import io.sluice.gateway.rest.RestRoutes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The web UI: a few static files served from the classpath at {@code /} and {@code /ui/}, without a
 * token (the page itself asks for one and sends it with every API call). Only the files listed here
 * are served, read once at start.
 */
public final class UiModule implements RestModule {
  private static final String RESOURCES = "/io/sluice/gateway/ui/";
  private static final Map<String, String> CONTENT_TYPES =
      Map.of(
          "index.html", "text/html; charset=utf-8",
          "app.js", "text/javascript; charset=utf-8",
          "app.css", "text/css; charset=utf-8",
          "favicon.svg", "image/svg+xml");

  private final Map<String, byte[]> files;

  public UiModule() {
    this.files =
        Map.of(
            "index.html", read("index.html"),
            "app.js", read("app.js"),
            "app.css", read("app.css"),
            "favicon.svg", read("favicon.svg"));
  }

  @Override
  public void register(RestRoutes routes) {
    routes.publicGet("/", request -> file("index.html"));
    routes.publicGet("/ui/{file}", request -> file(request.pathParameter("file")));
  }

  private RestResponse file(String name) {
    byte[] content = files.get(name);
    if (content == null) {
      throw RestException.notFound("No UI file '" + name + "'");
    }
    return RestResponse.bytes(CONTENT_TYPES.get(name), content)
        .withHeader("Cache-Control", "no-cache")
        .withHeader("X-Content-Type-Options", "nosniff")
        .withHeader(
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'");
  }

  private static byte[] read(String name) {
    try (InputStream in = UiModule.class.getResourceAsStream(RESOURCES + name)) {
      if (in == null) {
        throw new IllegalStateException("Missing UI resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
