package io.sluice.planner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Spark SQL as users write it: each statement's exact kind, operation, and every object it names
 * with what it does to it, in text order. The session is in {@code spark_catalog.sales} and has a
 * temporary view {@code recent}.
 */
class TestStatementCorpus {
  private static final SessionContext SESSION =
      new SessionContext(
          "spark_catalog", "sales", Set.of("spark_catalog", "main"), Set.of("recent"));

  private final SqlPlanner planner = new SqlPlanner();

  static Stream<Arguments> statements() {
    return Stream.of(
        // Queries
        statement(
            "SELECT * FROM orders",
            StatementKind.QUERY,
            "SELECT",
            "READ TABLE spark_catalog.sales.orders"),
        statement(
            "select o.id, c.name from orders o join crm.customers c on o.customer_id = c.id"
                + " where o.total > 10 limit 101",
            StatementKind.QUERY,
            "SELECT",
            "READ TABLE spark_catalog.sales.orders",
            "READ TABLE spark_catalog.crm.customers"),
        statement(
            "SELECT * FROM main.finance.ledger",
            StatementKind.QUERY,
            "SELECT",
            "READ TABLE main.finance.ledger"),
        statement(
            "WITH big AS (SELECT * FROM orders WHERE total > 100),"
                + " biggest AS (SELECT max(total) AS m FROM big)"
                + " SELECT * FROM big, biggest WHERE big.total = biggest.m",
            StatementKind.QUERY,
            "SELECT",
            "READ TABLE spark_catalog.sales.orders",
            "EXECUTE FUNCTION max"),
        statement(
            // A CTE named like a table hides it only where it is visible.
            "SELECT * FROM (WITH orders AS (SELECT 1 AS id) SELECT * FROM orders) x"
                + " JOIN orders USING (id)",
            StatementKind.QUERY,
            "SELECT",
            "READ TABLE spark_catalog.sales.orders"),
        statement(
            // A CTE does not see itself: the inner 'orders' is the table.
            "WITH orders AS (SELECT * FROM orders) SELECT count(*) FROM orders",
            StatementKind.QUERY,
            "SELECT",
            "READ TABLE spark_catalog.sales.orders",
            "EXECUTE FUNCTION count"),
        statement(
            "SELECT region, sum(total) OVER (PARTITION BY region ORDER BY day"
                + " ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS running,"
                + " rank() OVER w AS r FROM orders WINDOW w AS (ORDER BY total DESC)",
            StatementKind.QUERY,
            "SELECT",
            "EXECUTE FUNCTION sum",
            "EXECUTE FUNCTION rank",
            "READ TABLE spark_catalog.sales.orders"),
        statement(
            "SELECT id, item FROM orders LATERAL VIEW OUTER explode(items) t AS item",
            StatementKind.QUERY,
            "SELECT",
            "READ TABLE spark_catalog.sales.orders",
            "EXECUTE FUNCTION explode"),
        statement(
            "SELECT * FROM (SELECT region, quarter, total FROM orders)"
                + " PIVOT (sum(total) FOR quarter IN (1 AS q1, 2 AS q2))",
            StatementKind.QUERY,
            "SELECT",
            "READ TABLE spark_catalog.sales.orders",
            "EXECUTE FUNCTION sum"),
        statement(
            "SELECT * FROM quarterly UNPIVOT (total FOR quarter IN (q1, q2))",
            StatementKind.QUERY,
            "SELECT",
            "READ TABLE spark_catalog.sales.quarterly"),
        statement(
            "SELECT transform(items, x -> x.price * 2), filter(items, (x, i) -> i > 0),"
                + " aggregate(items, 0, (acc, x) -> acc + x.qty) FROM orders",
            StatementKind.QUERY,
            "SELECT",
            "EXECUTE FUNCTION transform",
            "EXECUTE FUNCTION filter",
            "EXECUTE FUNCTION aggregate",
            "READ TABLE spark_catalog.sales.orders"),
        statement(
            "SELECT id FROM orders UNION ALL SELECT id FROM returns"
                + " EXCEPT SELECT id FROM archive.orders INTERSECT SELECT id FROM refunds",
            StatementKind.QUERY,
            "SELECT",
            "READ TABLE spark_catalog.sales.orders",
            "READ TABLE spark_catalog.sales.returns",
            "READ TABLE spark_catalog.archive.orders",
            "READ TABLE spark_catalog.sales.refunds"),
        statement(
            // QUALIFY-free top-N per group.
            "SELECT * FROM (SELECT *, row_number() OVER (PARTITION BY region ORDER BY total DESC)"
                + " AS rn FROM orders) WHERE rn <= 3",
            StatementKind.QUERY,
            "SELECT",
            "EXECUTE FUNCTION row_number",
            "READ TABLE spark_catalog.sales.orders"),
        statement(
            "SELECT * FROM orders WHERE customer_id IN (SELECT id FROM customers WHERE vip)"
                + " AND EXISTS (SELECT 1 FROM returns r WHERE r.order_id = orders.id)",
            StatementKind.QUERY,
            "SELECT",
            "READ TABLE spark_catalog.sales.orders",
            "READ TABLE spark_catalog.sales.customers",
            "READ TABLE spark_catalog.sales.returns"),
        statement(
            "SELECT * FROM recent JOIN orders USING (id)",
            StatementKind.QUERY,
            "SELECT",
            "READ TEMPORARY_VIEW recent",
            "READ TABLE spark_catalog.sales.orders"),
        statement(
            "FROM orders SELECT id WHERE total > 1",
            StatementKind.QUERY,
            "SELECT",
            "READ TABLE spark_catalog.sales.orders"),
        statement(
            "TABLE orders", StatementKind.QUERY, "SELECT", "READ TABLE spark_catalog.sales.orders"),
        statement("VALUES (1, 'a'), (2, 'b') AS t(id, name)", StatementKind.QUERY, "SELECT"),
        statement(
            "SELECT * FROM range(10) JOIN orders ON id = range.id",
            StatementKind.QUERY,
            "SELECT",
            "EXECUTE FUNCTION range",
            "READ TABLE spark_catalog.sales.orders"),
        statement(
            "SELECT * FROM IDENTIFIER('crm.customers')",
            StatementKind.QUERY,
            "SELECT",
            "READ TABLE spark_catalog.crm.customers"),
        statement(
            "SELECT /*+ BROADCAST(c) */ * FROM orders o JOIN customers c ON o.c = c.id"
                + " -- comment with FROM secret\n",
            StatementKind.QUERY,
            "SELECT",
            "READ TABLE spark_catalog.sales.orders",
            "READ TABLE spark_catalog.sales.customers"),
        statement(
            "SELECT `OTBL`.`region`, `OTBL`.`c` FROM (SELECT `ITBL`.`region`, count(1) AS `c`"
                + " FROM (SELECT * FROM `spark_catalog`.`sales`.`orders` `ITBL`) `ITBL`"
                + " GROUP BY `ITBL`.`region`) `OTBL` limit 101",
            StatementKind.QUERY,
            "SELECT",
            "EXECUTE FUNCTION count",
            "READ TABLE spark_catalog.sales.orders"),
        statement(
            "FROM orders |> WHERE total > 10 |> JOIN customers c ON customer_id = c.id"
                + " |> AGGREGATE count(*) AS n GROUP BY region",
            StatementKind.QUERY,
            "SELECT",
            "READ TABLE spark_catalog.sales.orders",
            "READ TABLE spark_catalog.sales.customers",
            "EXECUTE FUNCTION count"),
        statement(
            "SELECT * FROM orders TIMESTAMP AS OF '2024-01-01' TABLESAMPLE (10 PERCENT)",
            StatementKind.QUERY,
            "SELECT",
            "READ TABLE spark_catalog.sales.orders"),
        statement(
            "EXPLAIN EXTENDED SELECT * FROM orders",
            StatementKind.QUERY,
            "EXPLAIN",
            "READ TABLE spark_catalog.sales.orders"),
        statement(
            "EXECUTE IMMEDIATE 'SELECT * FROM orders WHERE id = ?' USING 7",
            StatementKind.QUERY,
            "SELECT",
            "READ TABLE spark_catalog.sales.orders"),
        // DML
        statement(
            "INSERT INTO orders SELECT * FROM staging.orders",
            StatementKind.DML,
            "INSERT",
            "INSERT TABLE spark_catalog.sales.orders",
            "READ TABLE spark_catalog.staging.orders"),
        statement(
            "INSERT OVERWRITE TABLE daily PARTITION (day = '2024-01-01')"
                + " SELECT id, total FROM orders",
            StatementKind.DML,
            "INSERT",
            "OVERWRITE TABLE spark_catalog.sales.daily",
            "READ TABLE spark_catalog.sales.orders"),
        statement(
            "INSERT INTO orders VALUES (1, 2.5)",
            StatementKind.DML,
            "INSERT",
            "INSERT TABLE spark_catalog.sales.orders"),
        statement(
            "WITH s AS (SELECT * FROM staging.orders) INSERT INTO orders SELECT * FROM s",
            StatementKind.DML,
            "INSERT",
            "INSERT TABLE spark_catalog.sales.orders",
            "READ TABLE spark_catalog.staging.orders"),
        statement(
            "FROM staging.orders s INSERT INTO orders SELECT * INSERT INTO audit SELECT id",
            StatementKind.DML,
            "INSERT",
            "INSERT TABLE spark_catalog.sales.orders",
            "INSERT TABLE spark_catalog.sales.audit",
            "READ TABLE spark_catalog.staging.orders"),
        statement(
            "UPDATE orders SET total = total * 1.1 WHERE region = 'EU'",
            StatementKind.DML,
            "UPDATE",
            "UPDATE TABLE spark_catalog.sales.orders"),
        statement(
            "DELETE FROM orders WHERE id IN (SELECT order_id FROM returns)",
            StatementKind.DML,
            "DELETE",
            "DELETE TABLE spark_catalog.sales.orders",
            "READ TABLE spark_catalog.sales.returns"),
        statement(
            "MERGE INTO orders t USING (SELECT * FROM staging.orders) s ON t.id = s.id"
                + " WHEN MATCHED AND s.deleted THEN DELETE"
                + " WHEN MATCHED THEN UPDATE SET t.total = s.total"
                + " WHEN NOT MATCHED THEN INSERT *",
            StatementKind.DML,
            "MERGE",
            "MERGE TABLE spark_catalog.sales.orders",
            "READ TABLE spark_catalog.staging.orders"),
        statement(
            "MERGE INTO orders USING updates ON orders.id = updates.id"
                + " WHEN NOT MATCHED BY SOURCE THEN DELETE",
            StatementKind.DML,
            "MERGE",
            "MERGE TABLE spark_catalog.sales.orders",
            "READ TABLE spark_catalog.sales.updates"),
        // DDL
        statement(
            "CREATE TABLE IF NOT EXISTS events (id BIGINT, at TIMESTAMP) USING delta"
                + " PARTITIONED BY (id) TBLPROPERTIES ('delta.appendOnly' = 'true')",
            StatementKind.DDL,
            "CREATE_TABLE",
            "CREATE TABLE spark_catalog.sales.events"),
        statement(
            "CREATE TABLE top AS SELECT * FROM orders ORDER BY total DESC LIMIT 10",
            StatementKind.DDL,
            "CREATE_TABLE_AS_SELECT",
            "CREATE TABLE spark_catalog.sales.top",
            "READ TABLE spark_catalog.sales.orders"),
        statement(
            "CREATE OR REPLACE VIEW main.reports.eu AS SELECT * FROM orders WHERE region = 'EU'",
            StatementKind.DDL,
            "CREATE_VIEW",
            "CREATE TABLE main.reports.eu",
            "READ TABLE spark_catalog.sales.orders"),
        statement(
            "CREATE TEMPORARY VIEW mine AS SELECT * FROM orders",
            StatementKind.DDL,
            "CREATE_VIEW",
            "CREATE TEMPORARY_VIEW mine",
            "READ TABLE spark_catalog.sales.orders"),
        statement("DROP VIEW recent", StatementKind.DDL, "DROP_VIEW", "DROP TEMPORARY_VIEW recent"),
        statement(
            "DROP TABLE IF EXISTS crm.old",
            StatementKind.DDL,
            "DROP_TABLE",
            "DROP TABLE spark_catalog.crm.old"),
        statement(
            "ALTER TABLE orders ADD COLUMNS (note STRING)",
            StatementKind.DDL,
            "ALTER_TABLE",
            "ALTER TABLE spark_catalog.sales.orders"),
        statement(
            "ALTER TABLE orders RENAME TO orders_v1",
            StatementKind.DDL,
            "ALTER_TABLE",
            "ALTER TABLE spark_catalog.sales.orders",
            "CREATE TABLE spark_catalog.sales.orders_v1"),
        statement(
            "CREATE SCHEMA IF NOT EXISTS analytics COMMENT 'x'",
            StatementKind.DDL,
            "CREATE_SCHEMA",
            "CREATE SCHEMA spark_catalog.analytics"),
        statement(
            "DROP SCHEMA main.analytics CASCADE",
            StatementKind.DDL,
            "DROP_SCHEMA",
            "DROP SCHEMA main.analytics"),
        statement(
            "TRUNCATE TABLE orders",
            StatementKind.DDL,
            "TRUNCATE_TABLE",
            "DELETE TABLE spark_catalog.sales.orders"),
        statement(
            "CREATE FUNCTION area(x DOUBLE, y DOUBLE) RETURNS DOUBLE RETURN x * y",
            StatementKind.DDL,
            "CREATE_FUNCTION",
            "CREATE FUNCTION spark_catalog.sales.area"),
        statement(
            "ANALYZE TABLE orders COMPUTE STATISTICS",
            StatementKind.DDL,
            "ALTER_TABLE",
            "ALTER TABLE spark_catalog.sales.orders"),
        // Governance
        statement("GRANT SELECT ON TABLE orders TO `analysts`", StatementKind.GOVERNANCE, "GRANT"),
        statement("revoke select on schema sales from alice", StatementKind.GOVERNANCE, "REVOKE"),
        statement("SHOW GRANTS ON TABLE orders", StatementKind.GOVERNANCE, "SHOW_GRANTS"),
        statement("ALTER TABLE orders OWNER TO `bob`", StatementKind.GOVERNANCE, "ALTER_OWNER"),
        statement("CREATE CATALOG IF NOT EXISTS main", StatementKind.GOVERNANCE, "CREATE_CATALOG"),
        statement("DROP CATALOG main CASCADE", StatementKind.GOVERNANCE, "DROP_CATALOG"),
        statement(
            "ALTER TABLE orders SET ROW FILTER eu_only ON (region)",
            StatementKind.GOVERNANCE,
            "SET_ROW_FILTER"),
        statement(
            "ALTER TABLE orders DROP ROW FILTER", StatementKind.GOVERNANCE, "DROP_ROW_FILTER"),
        statement(
            "ALTER TABLE customers ALTER COLUMN ssn SET MASK mask_ssn",
            StatementKind.GOVERNANCE,
            "SET_COLUMN_MASK"),
        statement(
            "ALTER TABLE customers ALTER COLUMN ssn DROP MASK",
            StatementKind.GOVERNANCE,
            "DROP_COLUMN_MASK"),
        // Session commands
        statement("USE crm", StatementKind.SESSION_COMMAND, "USE", "USE SCHEMA spark_catalog.crm"),
        statement(
            "USE SCHEMA main.crm", StatementKind.SESSION_COMMAND, "USE", "USE SCHEMA main.crm"),
        statement("USE main", StatementKind.SESSION_COMMAND, "USE", "USE CATALOG main"),
        statement("SET CATALOG main", StatementKind.SESSION_COMMAND, "USE", "USE CATALOG main"),
        statement("SET spark.sql.ansi.enabled = false", StatementKind.SESSION_COMMAND, "SET"),
        statement("SET spark.sql.session.timeZone=UTC", StatementKind.SESSION_COMMAND, "SET"),
        statement("SET TIME ZONE 'America/New_York'", StatementKind.SESSION_COMMAND, "SET"),
        statement("SET ansi_mode = true", StatementKind.SESSION_COMMAND, "SET"),
        statement("SET spark.sql.shuffle.partitions", StatementKind.SESSION_COMMAND, "SET"),
        statement("RESET spark.sql.ansi.enabled", StatementKind.SESSION_COMMAND, "RESET"),
        statement(
            "SHOW TABLES",
            StatementKind.SESSION_COMMAND,
            "SHOW_TABLES",
            "DESCRIBE SCHEMA spark_catalog.sales"),
        statement(
            "SHOW TABLES IN crm LIKE 'c*'",
            StatementKind.SESSION_COMMAND,
            "SHOW_TABLES",
            "DESCRIBE SCHEMA spark_catalog.crm"),
        statement("SHOW SCHEMAS", StatementKind.SESSION_COMMAND, "SHOW_SCHEMAS"),
        statement("SHOW CATALOGS", StatementKind.SESSION_COMMAND, "SHOW_CATALOGS"),
        statement(
            "SHOW COLUMNS IN orders",
            StatementKind.SESSION_COMMAND,
            "SHOW_COLUMNS",
            "DESCRIBE TABLE spark_catalog.sales.orders"),
        statement(
            "DESCRIBE TABLE EXTENDED crm.customers",
            StatementKind.SESSION_COMMAND,
            "DESCRIBE_TABLE",
            "DESCRIBE TABLE spark_catalog.crm.customers"),
        statement(
            "DESC recent",
            StatementKind.SESSION_COMMAND,
            "DESCRIBE_TABLE",
            "DESCRIBE TEMPORARY_VIEW recent"),
        statement(
            "DESCRIBE QUERY SELECT * FROM orders WHERE id = ?",
            StatementKind.SESSION_COMMAND,
            "DESCRIBE_QUERY",
            "READ TABLE spark_catalog.sales.orders"),
        statement(
            "DESCRIBE FUNCTION EXTENDED upper",
            StatementKind.SESSION_COMMAND,
            "DESCRIBE_FUNCTION",
            "DESCRIBE FUNCTION upper"),
        statement(
            "DECLARE VARIABLE n INT DEFAULT 5", StatementKind.SESSION_COMMAND, "DECLARE_VARIABLE"),
        statement("SHOW CURRENT SCHEMA", StatementKind.SESSION_COMMAND, "SHOW_CURRENT_SCHEMA"));
  }

  private static Arguments statement(
      String sql, StatementKind kind, String operation, String... objects) {
    return Arguments.of(sql, kind, operation, List.of(objects));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("statements")
  void classifiesAndNamesEveryObject(
      String sql, StatementKind kind, String operation, List<String> objects) throws Exception {
    StatementAnalysis analysis = planner.analyze(sql, SESSION);
    assertThat(analysis.kind()).isEqualTo(kind);
    assertThat(analysis.operation()).isEqualTo(operation);
    assertThat(analysis.objects())
        .map(ObjectReference::toString)
        .containsExactlyElementsOf(objects);
    assertThat(analysis.engineSql()).isEqualTo(sql);
  }
}
