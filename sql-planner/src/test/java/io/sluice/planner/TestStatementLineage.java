package io.sluice.planner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which tables flow into which, and which of their columns, from real statements' analyses. */
class TestStatementLineage {
  private static final ObjectName ORDERS = ObjectName.of("spark_catalog", "sales", "orders");
  private static final ObjectName CUSTOMERS = ObjectName.of("spark_catalog", "sales", "customers");
  private static final ObjectName REGIONS = ObjectName.of("main", "ref", "regions");
  private static final ObjectName SUMMARY = ObjectName.of("spark_catalog", "sales", "summary");

  private final SqlPlanner planner = new SqlPlanner();

  private Optional<StatementLineage> lineage(String sql) throws PlanningException {
    SessionContext session =
        SessionContext.initial("sales").withCatalogs(java.util.Set.of("spark_catalog", "main"));
    return StatementLineage.of(planner.analyze(sql, session));
  }

  private StatementLineage required(String sql) throws PlanningException {
    return lineage(sql).orElseThrow(() -> new AssertionError("no lineage for " + sql));
  }

  @Test
  void insertSelectWithJoinAndCteRecordsEverySourceAndItsNamedColumns() throws Exception {
    StatementLineage lineage =
        required(
            "WITH big AS (SELECT o.customer_id, o.total FROM orders o WHERE o.total > 100)"
                + " INSERT INTO summary SELECT c.name, r.region_name, big.total"
                + " FROM big JOIN customers c ON big.customer_id = c.id"
                + " JOIN main.ref.regions r ON c.region_id = r.id");
    assertThat(lineage.targets()).containsExactly(SUMMARY);
    assertThat(lineage.sources()).containsExactlyInAnyOrder(ORDERS, CUSTOMERS, REGIONS);
    assertThat(lineage.columnsOf(ORDERS)).containsExactly("customer_id", "total");
    assertThat(lineage.columnsOf(CUSTOMERS)).containsExactly("id", "name", "region_id");
    assertThat(lineage.columnsOf(REGIONS)).containsExactly("id", "region_name");
  }

  @Test
  void unqualifiedColumnsOfAnInsertFromOneTableArePlacedOnThatTable() throws Exception {
    StatementLineage lineage =
        required("INSERT OVERWRITE TABLE summary SELECT id, upper(name) FROM customers");
    assertThat(lineage.targets()).containsExactly(SUMMARY);
    assertThat(lineage.sources()).containsExactly(CUSTOMERS);
    assertThat(lineage.columnsOf(CUSTOMERS)).containsExactly("id", "name");
  }

  @Test
  void unqualifiedColumnsOfAJoinAreNotGuessed() throws Exception {
    StatementLineage lineage =
        required("INSERT INTO summary SELECT name, total FROM orders JOIN customers USING (id)");
    assertThat(lineage.sources()).containsExactlyInAnyOrder(ORDERS, CUSTOMERS);
    assertThat(lineage.columnsOf(ORDERS)).isEmpty();
    assertThat(lineage.columnsOf(CUSTOMERS)).isEmpty();
  }

  @Test
  void createTableAsSelectAndCreateViewAreTargets() throws Exception {
    StatementLineage ctas =
        required("CREATE TABLE summary USING parquet AS SELECT * FROM orders WHERE total > 0");
    assertThat(ctas.targets()).containsExactly(SUMMARY);
    assertThat(ctas.sources()).containsExactly(ORDERS);
    assertThat(ctas.columnsOf(ORDERS)).containsExactly("*", "total");

    StatementLineage view =
        required("CREATE OR REPLACE VIEW main.ref.v AS SELECT c.name FROM customers c");
    assertThat(view.targets()).containsExactly(ObjectName.of("main", "ref", "v"));
    assertThat(view.sources()).containsExactly(CUSTOMERS);
    assertThat(view.columnsOf(CUSTOMERS)).containsExactly("name");
  }

  @Test
  void mergeRecordsItsSourceButNotTheTargetAsItsOwnSource() throws Exception {
    StatementLineage lineage =
        required(
            "MERGE INTO summary t USING customers s ON t.id = s.id"
                + " WHEN MATCHED THEN UPDATE SET t.name = s.name"
                + " WHEN NOT MATCHED THEN INSERT (id, name) VALUES (s.id, s.name)");
    assertThat(lineage.targets()).containsExactly(SUMMARY);
    assertThat(lineage.sources()).containsExactly(CUSTOMERS);
    assertThat(lineage.columnsOf(CUSTOMERS)).containsExactly("id", "name");
  }

  @Test
  void updateAndDeleteWithSubqueriesReadingOtherTables() throws Exception {
    StatementLineage update =
        required(
            "UPDATE orders o SET total = 0"
                + " WHERE o.customer_id IN (SELECT c.id FROM customers c WHERE c.blocked)");
    assertThat(update.targets()).containsExactly(ORDERS);
    assertThat(update.sources()).containsExactly(CUSTOMERS);
    assertThat(update.columnsOf(CUSTOMERS)).containsExactly("blocked", "id");

    StatementLineage delete =
        required(
            "DELETE FROM orders WHERE EXISTS"
                + " (SELECT 1 FROM main.ref.regions r WHERE r.id = orders.region_id)");
    assertThat(delete.targets()).containsExactly(ORDERS);
    assertThat(delete.sources()).containsExactly(REGIONS);
    assertThat(delete.columnsOf(REGIONS)).containsExactly("id");
  }

  @Test
  void multiTableInsertWritesEveryTarget() throws Exception {
    StatementLineage lineage =
        required(
            "FROM orders INSERT INTO summary SELECT total"
                + " INSERT INTO main.ref.regions SELECT customer_id");
    assertThat(lineage.targets()).containsExactlyInAnyOrder(SUMMARY, REGIONS);
    assertThat(lineage.sources()).containsExactly(ORDERS);
  }

  @Test
  void statementsWithoutATargetOrWithoutASourceHaveNoLineage() throws Exception {
    assertThat(lineage("SELECT o.total FROM orders o JOIN customers c ON o.id = c.id")).isEmpty();
    assertThat(lineage("INSERT INTO summary VALUES (1, 'a')")).isEmpty();
    assertThat(lineage("CREATE TABLE summary (id INT) USING parquet")).isEmpty();
    assertThat(lineage("CREATE TABLE summary LIKE orders")).isEmpty();
    assertThat(lineage("UPDATE orders SET total = total + 1")).isEmpty();
    assertThat(lineage("TRUNCATE TABLE orders")).isEmpty();
    assertThat(lineage("CREATE TEMPORARY VIEW recent AS SELECT * FROM orders")).isEmpty();
  }

  private static ColumnReference column(ObjectName table, String column) {
    return new ColumnReference(Optional.of(table), column);
  }

  private static ColumnFlow named(String target, ColumnReference... sources) {
    return new ColumnFlow(Optional.of(target), Set.of(sources));
  }

  private static ColumnFlow positional(ColumnReference... sources) {
    return new ColumnFlow(Optional.empty(), Set.of(sources));
  }

  @Test
  void eachWrittenColumnIsTracedThroughCtesJoinsAndAliasesToTheColumnsItIsComputedFrom()
      throws Exception {
    StatementLineage lineage =
        required(
            "WITH big AS (SELECT o.customer_id, o.total * 1.1 AS gross FROM orders o)"
                + " INSERT INTO summary (customer, region, amount)"
                + " SELECT upper(c.name), r.region_name, big.gross"
                + " FROM big JOIN customers c ON big.customer_id = c.id"
                + " JOIN main.ref.regions r ON c.region_id = r.id");
    assertThat(lineage.columnFlows())
        .containsExactly(
            named("customer", column(CUSTOMERS, "name")),
            named("region", column(REGIONS, "region_name")),
            named("amount", column(ORDERS, "total")));
  }

  @Test
  void anInsertWithoutAColumnListWritesByPosition() throws Exception {
    assertThat(
            required("INSERT OVERWRITE TABLE summary SELECT id, concat(name, '!') FROM customers")
                .columnFlows())
        .containsExactly(
            positional(column(CUSTOMERS, "id")), positional(column(CUSTOMERS, "name")));
    assertThat(
            required("INSERT INTO summary BY NAME SELECT name AS who, id FROM customers")
                .columnFlows())
        .containsExactly(
            named("who", column(CUSTOMERS, "name")), named("id", column(CUSTOMERS, "id")));
  }

  @Test
  void ctasAndViewsNameTheirColumnsByAliasSelectedColumnOrColumnList() throws Exception {
    assertThat(
            required(
                    "CREATE TABLE summary AS SELECT c.id, sum(o.total) AS spent, count(*)"
                        + " FROM customers c JOIN orders o ON o.customer_id = c.id GROUP BY c.id")
                .columnFlows())
        .containsExactly(
            named("id", column(CUSTOMERS, "id")),
            named("spent", column(ORDERS, "total")),
            positional());
    assertThat(
            required("CREATE VIEW main.ref.v (region) AS SELECT region_name FROM main.ref.regions")
                .columnFlows())
        .containsExactly(named("region", column(REGIONS, "region_name")));
  }

  @Test
  void setOperationsSubqueriesAndScalarSubqueriesMergeTheirSources() throws Exception {
    assertThat(
            required(
                    "INSERT INTO summary SELECT name, (SELECT max(total) FROM orders) FROM customers"
                        + " UNION ALL SELECT x.n, x.t FROM (SELECT region_name AS n, id AS t"
                        + " FROM main.ref.regions) x")
                .columnFlows())
        .containsExactly(
            positional(column(CUSTOMERS, "name"), column(REGIONS, "region_name")),
            positional(column(ORDERS, "total"), column(REGIONS, "id")));
  }

  @Test
  void whatTheTextCannotPlaceOrListIsLeftOutNeverGuessed() throws Exception {
    assertThat(
            required("INSERT INTO summary SELECT name, total FROM orders JOIN customers USING (id)")
                .columnFlows())
        .containsExactly(positional(), positional());
    assertThat(required("INSERT INTO summary SELECT * FROM customers").columnFlows()).isEmpty();
    assertThat(
            required("INSERT INTO summary SELECT * FROM (SELECT id, name FROM customers) c")
                .columnFlows())
        .containsExactly(
            positional(column(CUSTOMERS, "id")), positional(column(CUSTOMERS, "name")));
    assertThat(
            required("CREATE TABLE summary AS SELECT c.* FROM (SELECT id, name FROM customers) c")
                .columnFlows())
        .containsExactly(
            named("id", column(CUSTOMERS, "id")), named("name", column(CUSTOMERS, "name")));
    assertThat(
            required("INSERT INTO summary SELECT transform(array(id), v -> v + 1) FROM customers")
                .columnFlows())
        .containsExactly(positional(column(CUSTOMERS, "id")));
    assertThat(
            required(
                    "INSERT INTO summary SELECT o.total FROM orders o WHERE EXISTS"
                        + " (SELECT 1 FROM customers c WHERE c.id = o.customer_id)")
                .columnFlows())
        .containsExactly(positional(column(ORDERS, "total")));
  }

  @Test
  void aStatementWritingItsOwnTableTracesOnlyOtherSources() throws Exception {
    assertThat(
            required("INSERT INTO summary SELECT s.name, c.id FROM summary s JOIN customers c")
                .columnFlows())
        .containsExactly(positional(), positional(column(CUSTOMERS, "id")));
  }
}
