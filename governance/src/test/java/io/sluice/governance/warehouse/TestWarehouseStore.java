package io.sluice.governance.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.governance.store.GovernanceStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestWarehouseStore {
  private static final Instant CREATED = Instant.parse("2026-11-21T10:00:00Z");

  @TempDir Path dataDirectory;

  private static WarehouseDefinition serverless(String id, String name) {
    return new WarehouseDefinition(
        id, name, "Small", 1, 3, 10, true, "PRO", false, "admin", CREATED, List.of());
  }

  @Test
  void definitionsSurviveReopeningTheDatabase() {
    WarehouseDefinition classic =
        new WarehouseDefinition(
            "c1",
            "classic",
            "Medium",
            1,
            2,
            0,
            false,
            "CLASSIC",
            false,
            "admin",
            CREATED.plusSeconds(1),
            List.of(
                new WarehouseDefinition.Endpoint("10.0.0.1", 10000),
                new WarehouseDefinition.Endpoint("10.0.0.2", 10001)));
    try (GovernanceStore store = GovernanceStore.openEmbedded(dataDirectory)) {
      WarehouseStore warehouses = new WarehouseStore(store.dataSource());
      warehouses.create(serverless("s1", "analytics"));
      warehouses.create(classic);
    }
    try (GovernanceStore store = GovernanceStore.openEmbedded(dataDirectory)) {
      WarehouseStore warehouses = new WarehouseStore(store.dataSource());
      assertThat(warehouses.list()).containsExactly(serverless("s1", "analytics"), classic);
      assertThat(warehouses.find("c1")).contains(classic);
      assertThat(warehouses.find("nope")).isEmpty();
    }
  }

  @Test
  void namesAndIdsAreUnique() {
    try (GovernanceStore store = GovernanceStore.openEmbedded(dataDirectory)) {
      WarehouseStore warehouses = new WarehouseStore(store.dataSource());
      warehouses.create(serverless("s1", "analytics"));
      assertThatThrownBy(() -> warehouses.create(serverless("s2", "analytics")))
          .isInstanceOf(WarehouseConflictException.class)
          .hasMessageContaining("analytics");
      assertThatThrownBy(() -> warehouses.create(serverless("s1", "other")))
          .isInstanceOf(WarehouseConflictException.class);
      assertThat(warehouses.createIfAbsent(serverless("s1", "other"))).isFalse();
      assertThat(warehouses.list()).containsExactly(serverless("s1", "analytics"));
    }
  }

  @Test
  void updateReplacesSettingsAndEndpointsAndDeleteRemoves() {
    try (GovernanceStore store = GovernanceStore.openEmbedded(dataDirectory)) {
      WarehouseStore warehouses = new WarehouseStore(store.dataSource());
      warehouses.create(serverless("s1", "analytics"));
      warehouses.create(serverless("s2", "reporting"));
      WarehouseDefinition edited =
          new WarehouseDefinition(
              "s1",
              "analytics-large",
              "Large",
              2,
              5,
              30,
              true,
              "PRO",
              true,
              "admin",
              CREATED,
              List.of(new WarehouseDefinition.Endpoint("h", 1)));
      assertThat(warehouses.update(edited)).isTrue();
      assertThat(warehouses.find("s1")).contains(edited);
      assertThatThrownBy(() -> warehouses.update(serverless("s1", "reporting")))
          .isInstanceOf(WarehouseConflictException.class);
      assertThat(warehouses.find("s1")).contains(edited);
      assertThat(warehouses.update(serverless("missing", "x"))).isFalse();

      assertThat(warehouses.delete("s1")).isTrue();
      assertThat(warehouses.delete("s1")).isFalse();
      assertThat(warehouses.list()).containsExactly(serverless("s2", "reporting"));
    }
  }

  @Test
  void invalidDefinitionsAreRefused() {
    assertThatThrownBy(
            () ->
                new WarehouseDefinition(
                    "x", "x", "Small", 3, 2, 10, true, "PRO", false, "admin", CREATED, List.of()))
        .hasMessageContaining("min_num_clusters");
    assertThatThrownBy(() -> new WarehouseDefinition.Endpoint("h", 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
