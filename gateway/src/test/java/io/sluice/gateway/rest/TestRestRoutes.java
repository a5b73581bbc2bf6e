package io.sluice.gateway.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TestRestRoutes {
  private static final RestHandler ANSWER = request -> RestResponse.emptyJson();

  private final RestRoutes routes =
      new RestRoutes()
          .get("/api/2.0/sql/warehouses", ANSWER)
          .get("/api/2.0/sql/warehouses/{id}", ANSWER)
          .post("/api/2.0/sql/warehouses/{id}/start", ANSWER)
          .publicGet("/ui/{file*}", ANSWER);

  @Test
  void matchesLiteralPathsAndNamedSegments() {
    assertThat(found("GET", "/api/2.0/sql/warehouses").pathParameters()).isEmpty();
    assertThat(found("GET", "/api/2.0/sql/warehouses/").pathParameters()).isEmpty();
    assertThat(found("GET", "/api/2.0/sql/warehouses/abc").pathParameters())
        .isEqualTo(Map.of("id", "abc"));
    assertThat(found("POST", "/api/2.0/sql/warehouses/abc/start").pathParameters())
        .isEqualTo(Map.of("id", "abc"));
  }

  @Test
  void decodesPercentEncodedSegments() {
    assertThat(found("GET", "/api/2.0/sql/warehouses/a%20b%2Fc").pathParameters())
        .isEqualTo(Map.of("id", "a b/c"));
  }

  @Test
  void restSegmentTakesTheRemainingPath() {
    assertThat(found("GET", "/ui/assets/app.js").pathParameters())
        .isEqualTo(Map.of("file", "assets/app.js"));
    assertThat(found("GET", "/ui/").pathParameters()).isEqualTo(Map.of("file", ""));
    assertThat(found("GET", "/ui/assets/app.js").route().authenticated()).isFalse();
    assertThat(found("GET", "/api/2.0/sql/warehouses").route().authenticated()).isTrue();
  }

  @Test
  void distinguishesWrongMethodFromUnknownPath() {
    assertThat(routes.resolve("DELETE", "/api/2.0/sql/warehouses/abc"))
        .isInstanceOf(RestRoutes.Resolution.MethodNotAllowed.class);
    assertThat(routes.resolve("GET", "/api/2.0/sql/warehouses/abc/start"))
        .isInstanceOf(RestRoutes.Resolution.MethodNotAllowed.class);
    assertThat(routes.resolve("GET", "/api/2.0/sql/warehouses/abc/stop"))
        .isInstanceOf(RestRoutes.Resolution.NotFound.class);
    assertThat(routes.resolve("GET", "/api/2.0/sql/warehouses//start"))
        .isInstanceOf(RestRoutes.Resolution.NotFound.class);
    assertThat(routes.resolve("GET", "/api/2.0/sql"))
        .isInstanceOf(RestRoutes.Resolution.NotFound.class);
  }

  private RestRoutes.Resolution.Found found(String method, String path) {
    RestRoutes.Resolution resolution = routes.resolve(method, path);
    assertThat(resolution).isInstanceOf(RestRoutes.Resolution.Found.class);
    return (RestRoutes.Resolution.Found) resolution;
  }
}
