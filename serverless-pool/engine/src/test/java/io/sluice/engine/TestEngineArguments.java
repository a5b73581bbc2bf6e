package io.sluice.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestEngineArguments {

  @Test
  void defaultsApplyWhenOnlyTheDataDirectoryIsGiven() {
    EngineArguments arguments = EngineArguments.parse(List.of("--data-dir", "/tmp/engine"));

    assertThat(arguments.dataDirectory()).isEqualTo(Path.of("/tmp/engine"));
    assertThat(arguments.host()).isEqualTo("127.0.0.1");
    assertThat(arguments.port()).isZero();
    assertThat(arguments.master()).isEqualTo("local[*]");
    assertThat(arguments.sparkSettings()).isEmpty();
  }

  @Test
  void everyOptionAndRepeatedConfIsRead() {
    EngineArguments arguments =
        EngineArguments.parse(
            List.of(
                "--data-dir",
                "/data",
                "--host",
                "127.0.0.2",
                "--port",
                "10009",
                "--master",
                "local[2]",
                "--conf",
                "spark.sql.shuffle.partitions=8",
                "--conf",
                "a.b=c=d"));

    assertThat(arguments.host()).isEqualTo("127.0.0.2");
    assertThat(arguments.port()).isEqualTo(10009);
    assertThat(arguments.master()).isEqualTo("local[2]");
    assertThat(arguments.sparkSettings())
        .isEqualTo(Map.of("spark.sql.shuffle.partitions", "8", "a.b", "c=d"));
  }

  @Test
  void sparkSettingsPutTheMetastoreAndWarehouseUnderTheDataDirectory() {
    Map<String, String> settings =
        EngineSparkSessionFactory.settings(
            EngineArguments.parse(
                List.of("--data-dir", "/data", "--conf", "spark.sql.shuffle.partitions=8")));

    assertThat(settings.get("spark.sql.warehouse.dir")).isEqualTo("file:///data/warehouse");
    assertThat(settings.get("spark.hadoop.javax.jdo.option.ConnectionURL"))
        .isEqualTo("jdbc:derby:;databaseName=/data/metastore;create=true");
    assertThat(settings.get("spark.sql.shuffle.partitions")).isEqualTo("8");
    assertThat(settings.get("spark.ui.enabled")).isEqualTo("false");
    assertThat(settings.get("spark.driver.bindAddress")).isEqualTo("127.0.0.1");
  }

  @Test
  void missingDataDirectoryUnknownArgumentsAndBadPortsAreRejected() {
    assertThatThrownBy(() -> EngineArguments.parse(List.of()))
        .hasMessageContaining("--data-dir is required");
    assertThatThrownBy(() -> EngineArguments.parse(List.of("--data-dir", "/d", "--verbose", "x")))
        .hasMessageContaining("Unknown argument --verbose");
    assertThatThrownBy(() -> EngineArguments.parse(List.of("--data-dir", "/d", "--port", "70000")))
        .hasMessageContaining("--port");
    assertThatThrownBy(() -> EngineArguments.parse(List.of("--data-dir")))
        .hasMessageContaining("Missing value");
  }

  @Test
  void theSecretMustBeSetAndIsComparedExactly() {
    assertThatThrownBy(() -> EngineSecret.fromEnvironment(Map.of()))
        .hasMessageContaining("SLUICE_ENGINE_SECRET");
    EngineSecret secret = EngineSecret.fromEnvironment(Map.of("SLUICE_ENGINE_SECRET", "abc"));
    assertThat(secret.matches("abc")).isTrue();
    assertThat(secret.matches("abd")).isFalse();
    assertThat(secret.matches(null)).isFalse();
    assertThat(secret.toString()).doesNotContain("abc");
  }
}
