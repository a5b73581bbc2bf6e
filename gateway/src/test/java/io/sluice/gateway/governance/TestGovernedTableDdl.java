package io.sluice.gateway.governance;

import static io.sluice.gateway.governance.TestingGovernedClients.column;
import static io.sluice.gateway.governance.TestingGovernedClients.connect;
import static io.sluice.gateway.governance.TestingGovernedClients.execute;
import static io.sluice.gateway.governance.TestingGovernedClients.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.gateway.testing.TestingSluice;
import io.sluice.governance.Governance;
import io.sluice.governance.securable.ColumnDefinition;
import io.sluice.governance.securable.Securable;
import io.sluice.governance.securable.SecurableName;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Table DDL in the metastore's catalogs through the gateway with Apache Hive JDBC: managed Parquet
 * tables beside Delta ones, ALTER TABLE as Spark's own Delta catalog does it, renames that keep
 * grants, row filters and masks, and clear refusals for what governance cannot follow.
 */
@Timeout(600)
class TestGovernedTableDdl {
  private final TestingSluice sluice = TestingSluice.shared();
  private final Governance governance = sluice.sluice().governance();
  private final TestingRestClient admin = new TestingRestClient(sluice.httpPort(), sluice.token());
  private final String suffix = UUID.randomUUID().toString().substring(0, 8);

  @Test
  void managedParquetTablesWorkLikeDeltaOnes() throws Exception {
    String schema = "main.parquet_" + suffix;
    String events = schema + ".events";
    try (Connection connection = connect(sluice, sluice.token())) {
      execute(connection, "CREATE SCHEMA " + schema);
      execute(connection, "CREATE TABLE " + events + " (id INT, name STRING) USING parquet");
      execute(connection, "INSERT INTO " + events + " VALUES (1, 'start'), (2, 'stop')");
      assertThat(rows(connection, "SELECT id, name FROM " + events + " ORDER BY id"))
          .containsExactly("1|start", "2|stop");

      Securable table = governance.securables().require(name(events));
      assertThat(table.dataSourceFormat()).contains("PARQUET");
      Path data = Path.of(URI.create(table.storageLocation().orElseThrow()));
      assertThat(data)
          .startsWith(sluice.sluice().config().dataDirectory().toAbsolutePath().resolve("tables"));
      assertThat(data.resolve("_delta_log")).doesNotExist();
      try (Stream<Path> files = Files.list(data)) {
        assertThat(files.map(file -> file.getFileName().toString()))
            .anyMatch(file -> file.endsWith(".parquet"));
      }

      String copy = schema + ".copy";
      execute(
          connection,
          "CREATE TABLE " + copy + " USING parquet AS SELECT * FROM " + events + " WHERE id > 1");
      assertThat(rows(connection, "SELECT id, name FROM " + copy)).containsExactly("2|stop");
      assertThat(governance.securables().require(name(copy)).dataSourceFormat())
          .contains("PARQUET");
      execute(connection, "INSERT OVERWRITE " + copy + " SELECT * FROM " + events);
      assertThat(rows(connection, "SELECT id FROM " + copy + " ORDER BY id"))
          .containsExactly("1", "2");

      // A column added later reads as NULL in the files written before it.
      execute(connection, "ALTER TABLE " + events + " ADD COLUMNS (score DOUBLE COMMENT 'points')");
      execute(connection, "INSERT INTO " + events + " VALUES (3, 'again', 1.5)");
      assertThat(rows(connection, "SELECT id, score FROM " + events + " ORDER BY id"))
          .containsExactly("1|null", "2|null", "3|1.5");
      assertThat(governance.securables().columns(name(events)))
          .extracting(ColumnDefinition::name)
          .containsExactly("id", "name", "score");
      assertUnsupported(
          connection,
          "ALTER TABLE " + events + " SET TBLPROPERTIES ('team' = 'ops')",
          "keeps no table properties");

      execute(connection, "DROP TABLE " + events);
      assertThat(governance.securables().find(name(events))).isEmpty();
      assertThat(data).doesNotExist();
      execute(connection, "DROP SCHEMA " + schema + " CASCADE");
    }
  }

  @Test
  void otherFormatsPartitionedParquetAndExternalTablesAreRefused() throws Exception {
    String schema = "main.refused_" + suffix;
    try (Connection connection = connect(sluice, sluice.token())) {
      execute(connection, "CREATE SCHEMA " + schema);
      for (String format : List.of("csv", "json", "orc")) {
        assertUnsupported(
            connection,
            "CREATE TABLE " + schema + ".t_" + format + " (id INT) USING " + format,
            "USING " + format + " is not supported");
      }
      assertUnsupported(
          connection,
          "CREATE TABLE "
              + schema
              + ".parts (id INT, day STRING) USING parquet PARTITIONED BY (day)",
          "Partitioned Parquet tables are not supported");
      // Unity Catalog needs an external location for an external table; the gateway has none and
      // refuses any path before a statement reaches an engine.
      assertThatThrownBy(
              () ->
                  execute(
                      connection,
                      "CREATE TABLE " + schema + ".outside (id INT) LOCATION '/tmp/outside'"))
          .isInstanceOfSatisfying(
              SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"))
          .hasMessageContaining("LOCATION places data at a path outside the gateway's control");
      assertThat(column(connection, "SHOW TABLES IN " + schema, 2)).isEmpty();
      assertThat(
              governance
                  .securables()
                  .find(SecurableName.table("main", "refused_" + suffix, "outside")))
          .isEmpty();
      execute(connection, "DROP SCHEMA " + schema);
    }
  }

  /**
   * The same ALTER TABLE statements on a Delta table of the metastore and on one of the engine's
   * own Delta catalog ({@code spark_catalog}) leave the same columns, types and comments.
   */
  @Test
  void alterTableAgreesWithSparksOwnDeltaCatalog() throws Exception {
    String governed = "main.default.altered_" + suffix;
    String direct = "spark_catalog.default.altered_" + suffix;
    try (Connection connection = connect(sluice, sluice.token())) {
      for (String table : List.of(governed, direct)) {
        execute(connection, "CREATE TABLE " + table + " (id INT, name STRING) USING delta");
        execute(connection, "INSERT INTO " + table + " VALUES (1, 'one')");
        execute(connection, "ALTER TABLE " + table + " ADD COLUMNS (score DOUBLE, tag STRING)");
        execute(connection, "ALTER TABLE " + table + " ALTER COLUMN name COMMENT 'the name'");
        execute(
            connection, "ALTER TABLE " + table + " SET TBLPROPERTIES ('team' = 'ops', 'x' = '1')");
        execute(connection, "ALTER TABLE " + table + " UNSET TBLPROPERTIES ('x')");
        execute(connection, "COMMENT ON TABLE " + table + " IS 'altered twice'");
        execute(connection, "INSERT INTO " + table + " VALUES (2, 'two', 2.5, 'b')");
      }
      assertThat(columns(connection, governed)).isEqualTo(columns(connection, direct));
      assertThat(columns(connection, governed))
          .containsExactly(
              "id|int|null", "name|string|the name", "score|double|null", "tag|string|null");
      assertThat(rows(connection, "SELECT * FROM " + governed + " ORDER BY id"))
          .isEqualTo(rows(connection, "SELECT * FROM " + direct + " ORDER BY id"))
          .containsExactly("1|one|null|null", "2|two|2.5|b");
      assertThat(property(connection, governed, "team"))
          .isEqualTo(property(connection, direct, "team"))
          .isEqualTo("team|ops");
      assertThat(property(connection, governed, "x")).contains("does not have property: x");
      assertThat(property(connection, direct, "x")).contains("does not have property: x");

      SecurableName governedName = name(governed);
      assertThat(governance.securables().columns(governedName))
          .extracting(ColumnDefinition::name, column -> column.comment().orElse(null))
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("id", null),
              org.assertj.core.groups.Tuple.tuple("name", "the name"),
              org.assertj.core.groups.Tuple.tuple("score", null),
              org.assertj.core.groups.Tuple.tuple("tag", null));
      assertThat(governance.securables().require(governedName).comment()).contains("altered twice");

      // Governance follows no change of an existing column: grants and policies name columns.
      assertUnsupported(
          connection,
          "ALTER TABLE " + governed + " RENAME COLUMN tag TO label",
          "Renaming column tag");
      assertUnsupported(
          connection, "ALTER TABLE " + governed + " DROP COLUMN tag", "Dropping column tag");
      assertThat(governance.securables().columns(governedName))
          .extracting(ColumnDefinition::name)
          .containsExactly("id", "name", "score", "tag");
      execute(connection, "DROP TABLE " + governed);
      execute(connection, "DROP TABLE " + direct);
    }
  }

  @Test
  void aRenamedTableKeepsItsGrantsRowFilterAndMasks() throws Exception {
    String schema = "main.renamed_" + suffix;
    String archive = "main.archive_" + suffix;
    String reader = "rena-" + suffix + "@example.com";
    String readerToken = TestingGovernedClients.userWithToken(admin, reader);
    try (Connection connection = connect(sluice, sluice.token());
        Connection readerConnection = connect(sluice, readerToken)) {
      execute(connection, "CREATE SCHEMA " + schema);
      execute(connection, "CREATE SCHEMA " + archive);
      execute(
          connection, "CREATE TABLE " + schema + ".orders (id INT, region STRING, card STRING)");
      execute(
          connection,
          "INSERT INTO "
              + schema
              + ".orders VALUES (1, 'US', '1111-2222'), (2, 'EU', '3333-4444'), (3, 'US', '5555-6666')");
      execute(
          connection,
          "CREATE FUNCTION "
              + schema
              + ".us_only(region STRING) RETURNS BOOLEAN RETURN region = 'US'");
      execute(
          connection,
          "CREATE FUNCTION "
              + schema
              + ".last_four(card STRING) RETURNS STRING RETURN concat('****', right(card, 4))");
      execute(
          connection,
          "ALTER TABLE " + schema + ".orders SET ROW FILTER " + schema + ".us_only ON (region)");
      execute(
          connection,
          "ALTER TABLE " + schema + ".orders ALTER COLUMN card SET MASK " + schema + ".last_four");
      for (String grant :
          List.of(
              "USE SCHEMA ON SCHEMA " + schema,
              "USE SCHEMA ON SCHEMA " + archive,
              "EXECUTE ON SCHEMA " + schema,
              "SELECT ON TABLE " + schema + ".orders")) {
        execute(connection, "GRANT " + grant + " TO `" + reader + "`");
      }
      List<String> expected = List.of("1|US|****2222", "3|US|****6666");
      assertThat(rows(readerConnection, "SELECT * FROM " + schema + ".orders ORDER BY id"))
          .isEqualTo(expected);

      // Renaming needs ownership or MANAGE, and CREATE TABLE where the table goes.
      assertThatThrownBy(
              () ->
                  execute(
                      readerConnection,
                      "ALTER TABLE " + schema + ".orders RENAME TO " + schema + ".mine"))
          .isInstanceOfSatisfying(
              SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"))
          .hasMessageContaining("User does not have MANAGE on Table '" + schema + ".orders'.")
          .hasMessageContaining("User does not have CREATE TABLE on Schema '" + schema + "'.");

      // A one-part new name stays in the table's schema, whatever the session's current one.
      execute(connection, "ALTER TABLE " + schema + ".orders RENAME TO sales");
      assertThat(governance.securables().find(name(schema + ".orders"))).isEmpty();
      assertThat(rows(readerConnection, "SELECT * FROM " + schema + ".sales ORDER BY id"))
          .isEqualTo(expected);
      // To another schema of the same catalog, with a two-part name.
      execute(
          connection,
          "ALTER TABLE " + schema + ".sales RENAME TO archive_" + suffix + ".old_sales");
      String moved = archive + ".old_sales";
      assertThat(rows(readerConnection, "SELECT * FROM " + moved + " ORDER BY id"))
          .isEqualTo(expected);
      assertThat(rows(connection, "SELECT count(*) FROM " + moved)).containsExactly("2");
      assertThat(column(connection, "SHOW GRANTS ON TABLE " + moved, 1)).contains(reader);
      assertThat(governance.policies().policies(name(moved)).rowFilter()).isPresent();
      assertThat(governance.policies().policies(name(moved)).columnMasks()).hasSize(1);

      assertUnsupported(
          connection,
          "ALTER TABLE " + moved + " RENAME TO spark_catalog.default.escaped_" + suffix,
          "can only be renamed within it");
      execute(connection, "CREATE TABLE " + archive + ".taken (x INT)");
      assertThatThrownBy(
              () ->
                  execute(connection, "ALTER TABLE " + moved + " RENAME TO " + archive + ".taken"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("already exists");
      execute(connection, "DROP SCHEMA " + archive + " CASCADE");
      // CASCADE also drops the schema's functions, which live only in the metastore.
      assertThatThrownBy(() -> execute(connection, "DROP SCHEMA " + schema))
          .hasMessageContaining("SCHEMA_NOT_EMPTY");
      execute(connection, "DROP SCHEMA " + schema + " CASCADE");
      assertThat(
              governance
                  .securables()
                  .find(SecurableName.function("main", "renamed_" + suffix, "us_only")))
          .isEmpty();
      assertThat(governance.securables().find(SecurableName.schema("main", "renamed_" + suffix)))
          .isEmpty();
    }
  }

  private static SecurableName name(String fullName) {
    String[] parts = fullName.split("\\.");
    return SecurableName.table(parts[0], parts[1], parts[2]);
  }

  private static void assertUnsupported(Connection connection, String sql, String message) {
    assertThatThrownBy(() -> execute(connection, sql))
        .as(sql)
        .isInstanceOfSatisfying(
            SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("0A000"))
        .hasMessageContaining(message);
  }

  /** DESCRIBE's column rows: name, type and comment. */
  private static List<String> columns(Connection connection, String table) throws SQLException {
    List<String> columns = new ArrayList<>();
    for (String row : rows(connection, "DESCRIBE TABLE " + table)) {
      if (row.isBlank() || row.startsWith("|") || row.startsWith("#")) {
        break;
      }
      columns.add(row);
    }
    return columns;
  }

  private static String property(Connection connection, String table, String key)
      throws SQLException {
    return String.join(",", rows(connection, "SHOW TBLPROPERTIES " + table + " ('" + key + "')"));
  }
}
