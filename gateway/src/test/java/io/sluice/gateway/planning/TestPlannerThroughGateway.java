package io.sluice.gateway.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sluice.gateway.testing.TestingClientDrivers;
import io.sluice.gateway.testing.TestingSluice;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The planner in the gateway's statement path, seen from a real client (Hive JDBC): what it refuses
 * never reaches the engine and comes back as an error with the planner's SQLSTATE, the session
 * keeps working, and what it accepts means exactly what it means on Spark directly (the same rows
 * through the gateway as straight from the engine).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class TestPlannerThroughGateway {
  private static final String SCHEMA = "planner_differential";

  private TestingSluice sluice;

  @BeforeAll
  void createTables() throws Exception {
    sluice = TestingSluice.shared();
    try (Connection connection = gateway();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA IF NOT EXISTS " + SCHEMA);
      statement.execute("DROP TABLE IF EXISTS " + SCHEMA + ".orders");
      statement.execute(
          "CREATE TABLE "
              + SCHEMA
              + ".orders (id INT, region STRING, quarter INT, total DOUBLE,"
              + " items ARRAY<INT>, placed TIMESTAMP) USING parquet");
      statement.execute(
          "INSERT INTO "
              + SCHEMA
              + ".orders VALUES"
              + " (1, 'EU', 1, 10.5, array(1, 2), TIMESTAMP '2024-01-05 10:00:00'),"
              + " (2, 'EU', 2, 20.0, array(3), TIMESTAMP '2024-04-05 11:00:00'),"
              + " (3, 'US', 1, 7.25, array(), TIMESTAMP '2024-02-01 09:30:00'),"
              + " (4, 'US', 2, 99.0, array(4, 5, 6), TIMESTAMP '2024-05-20 18:00:00'),"
              + " (5, 'APAC', 1, NULL, NULL, TIMESTAMP '2024-03-03 03:03:03')");
      statement.execute("DROP TABLE IF EXISTS " + SCHEMA + ".regions");
      statement.execute(
          "CREATE TABLE " + SCHEMA + ".regions (region STRING, manager STRING) USING parquet");
      statement.execute(
          "INSERT INTO " + SCHEMA + ".regions VALUES ('EU', 'ana'), ('US', 'bo'), ('LATAM', 'cy')");
    }
  }

  @Test
  void acceptedStatementsReturnWhatSparkReturns() throws Exception {
    String orders = SCHEMA + ".orders";
    String regions = SCHEMA + ".regions";
    List<String> queries =
        List.of(
            "WITH eu AS (SELECT * FROM "
                + orders
                + " WHERE region = 'EU')"
                + " SELECT id, total FROM eu ORDER BY id",
            "SELECT id, region, sum(total) OVER (PARTITION BY region ORDER BY id) AS running,"
                + " rank() OVER (ORDER BY total DESC NULLS LAST) AS r FROM "
                + orders
                + " ORDER BY id",
            "SELECT id, item FROM "
                + orders
                + " LATERAL VIEW explode(items) t AS item ORDER BY 1, 2",
            "SELECT * FROM (SELECT region, quarter, total FROM "
                + orders
                + ") PIVOT (sum(total) FOR quarter IN (1 AS q1, 2 AS q2)) ORDER BY region",
            "SELECT id, transform(items, x -> x * 10) AS tens,"
                + " aggregate(items, 0, (acc, x) -> acc + x) AS total_items FROM "
                + orders
                + " ORDER BY id",
            "SELECT region FROM "
                + orders
                + " UNION SELECT region FROM "
                + regions
                + " EXCEPT SELECT 'LATAM' ORDER BY region",
            "select `OTBL`.`region`, `OTBL`.`c` from (select `ITBL`.`region` as `region`,"
                + " count(1) as `c` from (select * from `spark_catalog`.`"
                + SCHEMA
                + "`.`orders` `ITBL`) `ITBL` group by `ITBL`.`region`) `OTBL`"
                + " order by `OTBL`.`region` limit 101",
            "SELECT o.id, r.manager FROM "
                + orders
                + " o LEFT JOIN "
                + regions
                + " r ON o.region = r.region ORDER BY o.id");
    for (String query : queries) {
      assertThat(rows(gateway(), query)).as(query).isEqualTo(rows(direct(), query));
    }
  }

  /**
   * The same DML on two identical Delta tables of the workspace catalog, one through the gateway
   * and one straight on the engine, leaves the same rows.
   */
  @Test
  void dmlOnDeltaTablesLeavesWhatItLeavesOnSpark() throws Exception {
    String schema = "main.planner_dml_" + Long.toHexString(System.nanoTime());
    try (Connection connection = gateway();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA " + schema);
      for (String side : List.of("through_gateway", "direct")) {
        statement.execute(
            "CREATE TABLE " + schema + "." + side + " (id INT, region STRING, total DOUBLE)");
      }
    }
    List<String> statements =
        List.of(
            "INSERT INTO %s VALUES (1, 'EU', 10.0), (2, 'US', 20.0), (3, 'US', 30.0)",
            "INSERT OVERWRITE %s SELECT id, region, total * 2 FROM %s WHERE id < 3"
                + " UNION ALL SELECT 9, 'LATAM', 0.5",
            "MERGE INTO %s t USING (SELECT * FROM VALUES (2, 'US', 1.0), (4, 'EU', 4.0)"
                + " AS s(id, region, total)) s ON t.id = s.id"
                + " WHEN MATCHED THEN UPDATE SET total = t.total + s.total"
                + " WHEN NOT MATCHED THEN INSERT *",
            "UPDATE %s SET region = lower(region) WHERE total > 5",
            "DELETE FROM %s WHERE region = 'LATAM'");
    try (Connection throughGateway = gateway();
        Connection direct = direct();
        Statement gatewayStatement = throughGateway.createStatement();
        Statement directStatement = direct.createStatement()) {
      for (String template : statements) {
        String gatewayTable = schema + ".through_gateway";
        String directTable = schema + ".direct";
        gatewayStatement.execute(template.replace("%s", gatewayTable));
        directStatement.execute(template.replace("%s", directTable));
      }
    }
    List<List<Object>> expected = rows(direct(), "SELECT * FROM " + schema + ".direct ORDER BY id");
    assertThat(expected).hasSize(3);
    assertThat(rows(gateway(), "SELECT * FROM " + schema + ".through_gateway ORDER BY id"))
        .isEqualTo(expected);
  }

  @Test
  void odbcEscapesMeanTheirSparkEquivalents() throws Exception {
    String escaped =
        "SELECT {fn ucase(region)} AS r, count(*) AS n FROM "
            + SCHEMA
            + ".orders WHERE placed >= {ts '2024-02-01 00:00:00'}"
            + " AND CAST(placed AS DATE) < {d '2024-05-01'} GROUP BY region ORDER BY r";
    String spark =
        "SELECT ucase(region) AS r, count(*) AS n FROM "
            + SCHEMA
            + ".orders WHERE placed >= TIMESTAMP '2024-02-01 00:00:00'"
            + " AND CAST(placed AS DATE) < DATE '2024-05-01' GROUP BY region ORDER BY r";
    List<List<Object>> expected = rows(direct(), spark);
    assertThat(expected).isNotEmpty();
    assertThat(rows(gateway(), escaped)).isEqualTo(expected);
  }

  @Test
  void useChangesHowLaterNamesResolve() throws Exception {
    try (Connection connection = gateway();
        Statement statement = connection.createStatement()) {
      statement.execute("USE " + SCHEMA);
      try (ResultSet resultSet = statement.executeQuery("SELECT count(*) FROM orders")) {
        assertThat(read(resultSet)).containsExactly(List.of(5L));
      }
    }
  }

  @Test
  void bypassesAreRefusedAndTheSessionKeepsWorking() throws Exception {
    try (Connection connection = gateway();
        Statement statement = connection.createStatement()) {
      assertRefused(statement, "ADD JAR /tmp/evil.jar", "42501", "ADD JAR");
      assertRefused(statement, "SELECT reflect('java.lang.System', 'exit', 1)", "42501", "reflect");
      assertRefused(statement, "SELECT * FROM parquet.`/etc`", "42501", "files");
      assertRefused(statement, "SELECT * FROM json.`data.json`", "42501", "files");
      assertRefused(statement, "SET spark.sql.caseSensitive = true", "42501", "setting");
      assertRefused(
          statement, "LOAD DATA LOCAL INPATH '/etc/passwd' INTO TABLE t", "42501", "LOAD DATA");
      assertRefused(
          statement, "SELECT TRANSFORM(id) USING 'cat' AS (x) FROM range(1)", "42501", "TRANSFORM");
      assertRefused(statement, "SELECT * FROM global_temp.shared", "42501", "Global temporary");
      assertRefused(statement, "SELEC 1", "42601", "Syntax error");
      try (ResultSet resultSet = statement.executeQuery("SELECT 41 + 1")) {
        assertThat(read(resultSet)).containsExactly(List.of(42));
      }
    }
  }

  private static void assertRefused(
      Statement statement, String sql, String sqlState, String messagePart) {
    SQLException refused = catchThrowableOfType(SQLException.class, () -> statement.execute(sql));
    assertThat((Throwable) refused).as(sql).isNotNull();
    assertThat(refused.getSQLState()).as(sql).isEqualTo(sqlState);
    assertThat(refused.getMessage()).as(sql).contains(messagePart);
  }

  private Connection gateway() throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", "token");
    properties.setProperty("password", sluice.token());
    return TestingClientDrivers.hiveJdbc()
        .connect("jdbc:hive2://127.0.0.1:" + sluice.binaryPort() + "/default", properties);
  }

  private Connection direct() throws SQLException {
    return sluice.directEngineConnection();
  }

  private static List<List<Object>> rows(Connection connection, String sql) throws SQLException {
    try (connection;
        Statement statement = connection.createStatement();
        ResultSet resultSet = statement.executeQuery(sql)) {
      return read(resultSet);
    }
  }

  private static List<List<Object>> read(ResultSet resultSet) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    int columns = resultSet.getMetaData().getColumnCount();
    while (resultSet.next()) {
      List<Object> row = new ArrayList<>();
      for (int column = 1; column <= columns; column++) {
        row.add(resultSet.getObject(column));
      }
      rows.add(row);
    }
    return rows;
  }
}
