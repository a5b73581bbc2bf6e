package io.sluice.governance.warehouse;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Warehouse definitions in the governance database, so that a gateway restart keeps every
 * warehouse. Plain SQL that H2 and PostgreSQL both accept; a definition and its endpoints are
 * written in one transaction.
 */
public final class WarehouseStore {
  private static final String COLUMNS =
      "warehouse_id, name, cluster_size, min_num_clusters, max_num_clusters, auto_stop_mins,"
          + " serverless, warehouse_type, engine_per_user, creator, created_at";

  private final DataSource dataSource;

  public WarehouseStore(DataSource dataSource) {
    this.dataSource = requireNonNull(dataSource, "dataSource is null");
  }

  /** Every warehouse, oldest first. */
  public List<WarehouseDefinition> list() {
    return query("SELECT " + COLUMNS + " FROM warehouse ORDER BY created_at, warehouse_id", null);
  }

  public Optional<WarehouseDefinition> find(String id) {
    return query("SELECT " + COLUMNS + " FROM warehouse WHERE warehouse_id = ?", id).stream()
        .findFirst();
  }

  /**
   * Stores a new warehouse.
   *
   * @throws WarehouseConflictException when the id or the name is taken
   */
  public void create(WarehouseDefinition definition) {
    inTransaction(
        connection -> {
          if (nameTaken(connection, definition.name(), definition.id())
              || exists(connection, definition.id())) {
            throw new WarehouseConflictException(
                "A warehouse named '" + definition.name() + "' already exists");
          }
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO warehouse ("
                      + COLUMNS
                      + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, definition.id());
            insert.setString(2, definition.name());
            insert.setString(3, definition.clusterSize());
            insert.setInt(4, definition.minNumClusters());
            insert.setInt(5, definition.maxNumClusters());
            insert.setInt(6, definition.autoStopMinutes());
            insert.setBoolean(7, definition.serverless());
            insert.setString(8, definition.warehouseType());
            insert.setBoolean(9, definition.enginePerUser());
            insert.setString(10, definition.creator());
            insert.setTimestamp(11, Timestamp.from(definition.createdAt()));
            insert.executeUpdate();
          }
          writeEndpoints(connection, definition);
          return null;
        });
  }

  /** Stores {@code definition} if no warehouse has its id yet; returns whether it did. */
  public boolean createIfAbsent(WarehouseDefinition definition) {
    if (find(definition.id()).isPresent()) {
      return false;
    }
    try {
      create(definition);
      return true;
    } catch (WarehouseConflictException e) {
      return false;
    }
  }

  /**
   * Replaces the stored settings of an existing warehouse (its id, creator and creation time stay).
   *
   * @return false when there is no such warehouse
   * @throws WarehouseConflictException when another warehouse has the new name
   */
  public boolean update(WarehouseDefinition definition) {
    return inTransaction(
        connection -> {
          if (nameTaken(connection, definition.name(), definition.id())) {
            throw new WarehouseConflictException(
                "A warehouse named '" + definition.name() + "' already exists");
          }
          int updated;
          try (PreparedStatement update =
              connection.prepareStatement(
                  "UPDATE warehouse SET name = ?, cluster_size = ?, min_num_clusters = ?,"
                      + " max_num_clusters = ?, auto_stop_mins = ?, serverless = ?,"
                      + " warehouse_type = ?, engine_per_user = ? WHERE warehouse_id = ?")) {
            update.setString(1, definition.name());
            update.setString(2, definition.clusterSize());
            update.setInt(3, definition.minNumClusters());
            update.setInt(4, definition.maxNumClusters());
            update.setInt(5, definition.autoStopMinutes());
            update.setBoolean(6, definition.serverless());
            update.setString(7, definition.warehouseType());
            update.setBoolean(8, definition.enginePerUser());
            update.setString(9, definition.id());
            updated = update.executeUpdate();
          }
          if (updated == 0) {
            return false;
          }
          deleteEndpoints(connection, definition.id());
          writeEndpoints(connection, definition);
          return true;
        });
  }

  /** Removes a warehouse; returns false when there was none. */
  public boolean delete(String id) {
    return inTransaction(
        connection -> {
          deleteEndpoints(connection, id);
          try (PreparedStatement delete =
              connection.prepareStatement("DELETE FROM warehouse WHERE warehouse_id = ?")) {
            delete.setString(1, id);
            return delete.executeUpdate() == 1;
          }
        });
  }

  private List<WarehouseDefinition> query(String sql, String id) {
    return inTransaction(
        connection -> {
          Map<String, List<WarehouseDefinition.Endpoint>> endpoints = endpoints(connection, id);
          List<WarehouseDefinition> definitions = new ArrayList<>();
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (id != null) {
              statement.setString(1, id);
            }
            try (ResultSet row = statement.executeQuery()) {
              while (row.next()) {
                String warehouseId = row.getString(1);
                definitions.add(
                    new WarehouseDefinition(
                        warehouseId,
                        row.getString(2),
                        row.getString(3),
                        row.getInt(4),
                        row.getInt(5),
                        row.getInt(6),
                        row.getBoolean(7),
                        row.getString(8),
                        row.getBoolean(9),
                        row.getString(10),
                        row.getTimestamp(11).toInstant(),
                        endpoints.getOrDefault(warehouseId, List.of())));
              }
            }
          }
          return definitions;
        });
  }

  private static Map<String, List<WarehouseDefinition.Endpoint>> endpoints(
      Connection connection, String id) throws SQLException {
    String sql =
        "SELECT warehouse_id, host, port FROM warehouse_endpoint"
            + (id == null ? "" : " WHERE warehouse_id = ?")
            + " ORDER BY warehouse_id, endpoint_index";
    Map<String, List<WarehouseDefinition.Endpoint>> endpoints = new LinkedHashMap<>();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      if (id != null) {
        statement.setString(1, id);
      }
      try (ResultSet row = statement.executeQuery()) {
        while (row.next()) {
          endpoints
              .computeIfAbsent(row.getString(1), key -> new ArrayList<>())
              .add(new WarehouseDefinition.Endpoint(row.getString(2), row.getInt(3)));
        }
      }
    }
    return endpoints;
  }

  private static void writeEndpoints(Connection connection, WarehouseDefinition definition)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO warehouse_endpoint (warehouse_id, endpoint_index, host, port)"
                + " VALUES (?, ?, ?, ?)")) {
      for (int index = 0; index < definition.endpoints().size(); index++) {
        WarehouseDefinition.Endpoint endpoint = definition.endpoints().get(index);
        insert.setString(1, definition.id());
        insert.setInt(2, index);
        insert.setString(3, endpoint.host());
        insert.setInt(4, endpoint.port());
        insert.executeUpdate();
      }
    }
  }

  private static void deleteEndpoints(Connection connection, String id) throws SQLException {
    try (PreparedStatement delete =
        connection.prepareStatement("DELETE FROM warehouse_endpoint WHERE warehouse_id = ?")) {
      delete.setString(1, id);
      delete.executeUpdate();
    }
  }

  private static boolean exists(Connection connection, String id) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement("SELECT 1 FROM warehouse WHERE warehouse_id = ?")) {
      statement.setString(1, id);
      try (ResultSet row = statement.executeQuery()) {
        return row.next();
      }
    }
  }

  private static boolean nameTaken(Connection connection, String name, String exceptId)
      throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT 1 FROM warehouse WHERE name = ? AND warehouse_id <> ?")) {
      statement.setString(1, name);
      statement.setString(2, exceptId);
      try (ResultSet row = statement.executeQuery()) {
        return row.next();
      }
    }
  }

  /** Work on one connection in one transaction. */
  @FunctionalInterface
  private interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private <T> T inTransaction(Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot access warehouses: " + e.getMessage(), e);
    }
  }
}
