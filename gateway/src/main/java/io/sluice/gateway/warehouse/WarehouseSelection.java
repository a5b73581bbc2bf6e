package io.sluice.gateway.warehouse;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which warehouse a new session runs on: the one its HTTP path names ({@code
 * /sql/1.0/warehouses/{id}}), else the one its session configuration names (for binary clients:
 * {@code sluice.warehouse}, as Hive JDBC sends it from {@code ?sluice.warehouse=id} in the URL),
 * else {@code default}.
 */
public final class WarehouseSelection {
  public static final String SESSION_SETTING = "sluice.warehouse";
  private static final List<String> SETTING_KEYS =
      List.of(SESSION_SETTING, "set:hiveconf:" + SESSION_SETTING, "spark." + SESSION_SETTING);

  private WarehouseSelection() {}

  /** The warehouse id asked for; the caller checks that it exists. */
  public static String select(Optional<String> pathWarehouse, Map<String, String> configuration) {
    if (pathWarehouse.isPresent()) {
      return pathWarehouse.get();
    }
    for (String key : SETTING_KEYS) {
      String value = configuration.get(key);
      if (value != null && !value.isBlank()) {
        return value.trim();
      }
    }
    return WarehouseRegistry.DEFAULT_ID;
  }
}
