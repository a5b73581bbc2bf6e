package io.sluice.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TestHttpPaths {
  static Stream<Arguments> paths() {
    return Stream.of(
        Arguments.of("/cliservice", Optional.of("default")),
        Arguments.of("cliservice", Optional.of("default")),
        Arguments.of("/sql/1.0/warehouses/default", Optional.of("default")),
        // The Databricks JDBC driver joins host and httpPath with an extra slash.
        Arguments.of("//sql/1.0/warehouses/default", Optional.of("default")),
        Arguments.of("/sql/1.0/warehouses/abc123?o=1", Optional.of("abc123")),
        Arguments.of("/sql/1.0/endpoints/abc123", Optional.of("abc123")),
        Arguments.of("/.well-known/databricks-config", Optional.empty()),
        Arguments.of("/oidc/.well-known/oauth-authorization-server", Optional.empty()),
        Arguments.of("/sql/1.0/warehouses/", Optional.empty()),
        Arguments.of("/health", Optional.empty()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("paths")
  void findsTheWarehouseAThriftPathAddresses(String uri, Optional<String> warehouse) {
    assertThat(HttpGatewayHandler.thriftTarget(HttpGatewayHandler.normalizedPath(uri)))
        .isEqualTo(warehouse);
  }
}
