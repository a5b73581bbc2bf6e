package io.sluice.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestGatewayCommandLine {
  private static final List<String> HOME = List.of("--home", "..");

  private static GatewayConfig parse(List<String> arguments, Map<String, String> environment) {
    return GatewayCommandLine.parse(
        java.util.stream.Stream.concat(HOME.stream(), arguments.stream()).toList(), environment);
  }

  @Test
  void defaultsMatchTheReadme() {
    GatewayConfig config = parse(List.of(), Map.of());
    assertThat(config.dataDirectory()).isEqualTo(Paths.get("data"));
    assertThat(config.binaryPort()).isEqualTo(10000);
    assertThat(config.httpPort()).isEqualTo(10001);
    assertThat(config.host()).isEqualTo("127.0.0.1");
    assertThat(config.tlsEnabled()).isFalse();
    assertThat(config.adminToken()).isEmpty();
    assertThat(config.engineIdleTimeout()).isEqualTo(Duration.ofMinutes(10));
    assertThat(config.historyRetention()).isEqualTo(Duration.ofDays(30));
    assertThat(config.engineClasspath()).contains("spark-sql_2.13");
    assertThat(config.warmEngines()).isZero();
  }

  @Test
  void warmEnginesTakesACountOfAtLeastZero() {
    assertThat(parse(List.of("--warm-engines", "2"), Map.of()).warmEngines()).isEqualTo(2);
    assertThatThrownBy(() -> parse(List.of("--warm-engines", "-1"), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--warm-engines");
    assertThatThrownBy(() -> parse(List.of("--warm-engines", "many"), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'many'");
  }

  @Test
  void readsEveryOption() {
    GatewayConfig config =
        parse(
            List.of(
                "--data-dir",
                "/tmp/d",
                "--binary-port",
                "0",
                "--http-port",
                "12001",
                "--host",
                "0.0.0.0",
                "--tls-cert",
                "c.pem",
                "--tls-key",
                "k.pem",
                "--engine-idle-timeout",
                "90s",
                "--history-retention",
                "7d"),
            Map.of("SLUICE_ADMIN_TOKEN", "dapi-from-environment"));
    assertThat(config.dataDirectory()).isEqualTo(Paths.get("/tmp/d"));
    assertThat(config.binaryPort()).isZero();
    assertThat(config.httpPort()).isEqualTo(12001);
    assertThat(config.host()).isEqualTo("0.0.0.0");
    assertThat(config.tlsCertificate()).contains(Paths.get("c.pem"));
    assertThat(config.tlsKey()).contains(Paths.get("k.pem"));
    assertThat(config.adminToken()).contains("dapi-from-environment");
    assertThat(config.engineIdleTimeout()).isEqualTo(Duration.ofSeconds(90));
    assertThat(config.historyRetention()).isEqualTo(Duration.ofDays(7));
  }

  @Test
  void rejectsBadInputWithAClearMessage() {
    assertThatThrownBy(() -> parse(List.of("--port", "1"), Map.of()))
        .hasMessageContaining("Unknown option '--port'");
    assertThatThrownBy(() -> parse(List.of("--http-port"), Map.of()))
        .hasMessageContaining("needs a value");
    assertThatThrownBy(() -> parse(List.of("--http-port", "x"), Map.of()))
        .hasMessageContaining("port number");
    assertThatThrownBy(() -> parse(List.of("--http-port", "70000"), Map.of()))
        .hasMessageContaining("Invalid HTTP port");
    assertThatThrownBy(() -> parse(List.of("--tls-cert", "c.pem"), Map.of()))
        .hasMessageContaining("both --tls-cert and --tls-key");
    assertThatThrownBy(() -> parse(List.of("--engine-idle-timeout", "10x"), Map.of()))
        .hasMessageContaining("Invalid duration");
    assertThatThrownBy(() -> parse(List.of("--history-retention", "0d"), Map.of()))
        .hasMessageContaining("historyRetention must be positive");
  }
}
