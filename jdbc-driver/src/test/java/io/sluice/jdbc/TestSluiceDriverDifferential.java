package io.sluice.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.gateway.compatibility.AllTypesTable;
import io.sluice.gateway.compatibility.CanonicalValues;
import io.sluice.gateway.compatibility.CanonicalValues.NumericFidelity;
import io.sluice.gateway.compatibility.CanonicalValues.SparkType;
import io.sluice.gateway.testing.TestingClientDrivers;
import io.sluice.gateway.testing.TestingSluice;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The same queries through this driver and through the Apache Hive JDBC driver, against the same
 * gateway: every type must read as the same value (compared in the canonical form of {@link
 * CanonicalValues}), both as objects and as strings.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public class TestSluiceDriverDifferential {
  private final TestingSluice gateway = TestingServers.gateway();
  private final AllTypesTable table = new AllTypesTable("driver_differential");
  private final CanonicalValues canonical = new CanonicalValues(NumericFidelity.EXACT);
  private Connection ours;
  private Connection hive;

  @BeforeAll
  void connect() throws SQLException {
    ours = DriverManager.getConnection(TestingServers.gatewayUrl());
    hive =
        TestingClientDrivers.hiveJdbc()
            .connect(
                "jdbc:hive2://127.0.0.1:" + gateway.binaryPort() + "/default",
                "token",
                gateway.token());
    try (Statement statement = ours.createStatement()) {
      for (String sql : table.setupStatements()) {
        statement.execute(sql);
      }
    }
  }

  @AfterAll
  void close() throws SQLException {
    try (Statement statement = ours.createStatement()) {
      statement.execute(table.dropSchemaStatement());
    }
    ours.close();
    hive.close();
  }

  @Test
  public void everyTypeReadsTheSameAsThroughHiveJdbc() throws SQLException {
    List<List<String>> ourRows = objects(ours, table.selectAll(), table.types());
    List<List<String>> hiveRows = objects(hive, table.selectAll(), table.types());
    assertThat(ourRows).hasSize(AllTypesTable.rowCount());
    assertThat(ourRows).isEqualTo(hiveRows);
  }

  @Test
  public void limitsReadTheSameAsThroughHiveJdbc() throws SQLException {
    String query = AllTypesTable.limitsQuery();
    assertThat(objects(ours, query, AllTypesTable.limitsTypes()))
        .isEqualTo(objects(hive, query, AllTypesTable.limitsTypes()));
  }

  @Test
  public void simpleTypesReadThroughArrowTheSameAsThroughHiveJdbc() throws SQLException {
    // Without nested columns the gateway answers our driver with Arrow; Hive JDBC gets columns.
    List<String> names = table.columnNames().subList(0, 12);
    String query =
        "SELECT "
            + String.join(", ", names)
            + " FROM "
            + table.qualifiedName()
            + " ORDER BY id NULLS LAST";
    List<SparkType> types = table.types().subList(0, 12);
    try (Statement statement = ours.createStatement();
        ResultSet result = statement.executeQuery(query)) {
      assertThat(result.unwrap(SluiceResultSet.class).isArrow()).isTrue();
    }
    assertThat(objects(ours, query, types)).isEqualTo(objects(hive, query, types));
    assertThat(strings(ours, query)).isEqualTo(strings(hive, query));
  }

  @Test
  public void stringsReadTheSameAsThroughHiveJdbc() throws SQLException {
    String query =
        "SELECT c_tinyint, c_smallint, c_int, c_bigint, c_double, c_decimal, c_string, c_date,"
            + " c_timestamp, c_array, c_map, c_struct FROM "
            + table.qualifiedName()
            + " ORDER BY id NULLS LAST";
    assertThat(strings(ours, query)).isEqualTo(strings(hive, query));
  }

  private List<List<String>> objects(Connection connection, String sql, List<SparkType> types)
      throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        List<Object> row = new ArrayList<>();
        for (int column = 1; column <= columns; column++) {
          row.add(result.getObject(column));
        }
        rows.add(row);
      }
    }
    return canonical.renderRows(types, rows);
  }

  private static List<List<String>> strings(Connection connection, String sql) throws SQLException {
    List<List<String>> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        List<String> row = new ArrayList<>();
        for (int column = 1; column <= columns; column++) {
          row.add(result.getString(column));
        }
        rows.add(row);
      }
    }
    return rows;
  }
}
