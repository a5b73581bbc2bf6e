package io.sluice.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Names resolve in the session's current catalog and schema, which statements move on. */
class TestSessionResolution {
  private static final Set<String> CATALOGS = Set.of("spark_catalog", "main");
  private static final StatementAuthorizer ALLOW_ALL = (session, analysis) -> Map.of();

  private final SqlPlanner planner = new SqlPlanner();

  private StatementAnalysis plan(PlannerSession session, String sql) throws PlanningException {
    return session.plan(planner, sql, CATALOGS, ALLOW_ALL);
  }

  @Test
  void useMovesTheSchemaLaterNamesResolveIn() throws Exception {
    PlannerSession session =
        new PlannerSession(
            new SessionContext(
                "spark_catalog", "default", Set.of("spark_catalog", "main"), Set.of()));
    assertThat(plan(session, "SELECT * FROM t").tables())
        .containsExactly(ObjectName.of("spark_catalog", "default", "t"));
    plan(session, "USE sales");
    assertThat(plan(session, "SELECT * FROM t").tables())
        .containsExactly(ObjectName.of("spark_catalog", "sales", "t"));
    plan(session, "USE main");
    assertThat(session.context().currentCatalog()).isEqualTo("main");
    assertThat(session.context().currentSchema()).isEqualTo("default");
    plan(session, "USE SCHEMA finance");
    assertThat(plan(session, "SELECT * FROM t").tables())
        .containsExactly(ObjectName.of("main", "finance", "t"));
    plan(session, "SET CATALOG spark_catalog");
    assertThat(plan(session, "SELECT * FROM crm.t").tables())
        .containsExactly(ObjectName.of("spark_catalog", "crm", "t"));
  }

  /** Spark renames a table within its own catalog, and a one-part new name within its schema. */
  @Test
  void aRenamedTablesNewNameResolvesWhereTheTableIsNotInTheCurrentSchema() throws Exception {
    PlannerSession session =
        new PlannerSession(
            new SessionContext(
                "spark_catalog", "default", Set.of("spark_catalog", "main"), Set.of()));
    assertThat(plan(session, "ALTER TABLE main.sales.orders RENAME TO old_orders").objects())
        .map(ObjectReference::withoutRange)
        .containsExactly(
            ObjectReference.of(
                ObjectType.TABLE, ObjectName.of("main", "sales", "orders"), Access.ALTER),
            ObjectReference.of(
                ObjectType.TABLE, ObjectName.of("main", "sales", "old_orders"), Access.CREATE));
    assertThat(plan(session, "ALTER TABLE main.sales.orders RENAME TO archive.orders").objects())
        .map(ObjectReference::withoutRange)
        .contains(
            ObjectReference.of(
                ObjectType.TABLE, ObjectName.of("main", "archive", "orders"), Access.CREATE));
    assertThat(plan(session, "ALTER TABLE main.sales.orders RENAME TO main.archive.t").objects())
        .map(ObjectReference::withoutRange)
        .contains(
            ObjectReference.of(
                ObjectType.TABLE, ObjectName.of("main", "archive", "t"), Access.CREATE));
  }

  @Test
  void useCatalogAsDatabricksWritesItIsSparksSetCatalog() throws Exception {
    PlannerSession session = new PlannerSession(SessionContext.initial("default"));
    StatementAnalysis use = plan(session, "use catalog /* Databricks */ `main`");
    assertThat(use.engineSql()).isEqualTo("SET catalog /* Databricks */ `main`");
    assertThat(use.objects())
        .map(ObjectReference::withoutRange)
        .containsExactly(ObjectReference.of(ObjectType.CATALOG, ObjectName.of("main"), Access.USE));
    assertThat(session.context().currentCatalog()).isEqualTo("main");
  }

  @Test
  void aRefusedStatementDoesNotMoveTheSession() throws Exception {
    PlannerSession session = new PlannerSession(SessionContext.initial("default"));
    StatementAuthorizer refuseMain =
        (context, analysis) -> {
          if (analysis.objects().stream()
              .anyMatch(reference -> reference.name().parts().get(0).equals("main"))) {
            throw PlanningException.refused("no");
          }
          return Map.of();
        };
    assertThatThrownBy(() -> session.plan(planner, "USE main.sales", CATALOGS, refuseMain))
        .isInstanceOf(PlanningException.class);
    assertThat(session.context().currentCatalog()).isEqualTo("spark_catalog");
    assertThat(session.context().currentSchema()).isEqualTo("default");
  }

  @Test
  void catalogsAreThoseThatExistWhenTheStatementIsPlanned() throws Exception {
    PlannerSession session = new PlannerSession(SessionContext.initial("default"));
    assertThat(session.plan(planner, "SELECT * FROM finance.t", Set.of(), ALLOW_ALL).tables())
        .containsExactly(ObjectName.of("spark_catalog", "finance", "t"));
    session.plan(planner, "USE finance", Set.of("spark_catalog", "finance"), ALLOW_ALL);
    assertThat(session.context().currentCatalog()).isEqualTo("finance");
  }

  @Test
  void temporaryViewsAreNotTablesUntilDropped() throws Exception {
    PlannerSession session = new PlannerSession(SessionContext.initial("default"));
    plan(session, "CREATE OR REPLACE TEMPORARY VIEW recent AS SELECT * FROM orders");
    StatementAnalysis read = plan(session, "SELECT * FROM recent JOIN default.recent");
    assertThat(read.objects())
        .map(ObjectReference::withoutRange)
        .containsExactly(
            ObjectReference.of(ObjectType.TEMPORARY_VIEW, ObjectName.of("recent"), Access.READ),
            ObjectReference.of(
                ObjectType.TABLE,
                ObjectName.of("spark_catalog", "default", "recent"),
                Access.READ));
    plan(session, "DROP VIEW recent");
    assertThat(plan(session, "SELECT * FROM recent").tables())
        .containsExactly(ObjectName.of("spark_catalog", "default", "recent"));
  }

  @Test
  void droppingAPersistentViewCarriesItsResolvedNameAndIfExists() throws Exception {
    PlannerSession session =
        new PlannerSession(
            new SessionContext("main", "sales", Set.of("spark_catalog", "main"), Set.of()));
    assertThat(plan(session, "/* tidy */ drop view IF EXISTS recent").droppedView())
        .contains(new DroppedView(ObjectName.of("main", "sales", "recent"), true));
    assertThat(plan(session, "DROP VIEW finance.`Old`").droppedView())
        .contains(new DroppedView(ObjectName.of("main", "finance", "old"), false));
    assertThat(
            plan(session, "EXECUTE IMMEDIATE 'DROP VIEW IF EXISTS main.finance.v'").droppedView())
        .contains(new DroppedView(ObjectName.of("main", "finance", "v"), true));
    plan(session, "CREATE TEMPORARY VIEW scratch AS SELECT 1");
    assertThat(plan(session, "DROP VIEW IF EXISTS scratch").droppedView()).isEmpty();
    assertThat(plan(session, "DROP TABLE IF EXISTS recent").droppedView()).isEmpty();
  }

  @Test
  void namesAreCaseInsensitiveAndUnquoted() throws Exception {
    StatementAnalysis analysis =
        planner.analyze(
            "SELECT * FROM `Sales`.`Order``s` JOIN SALES.Items", SessionContext.initial("default"));
    assertThat(analysis.tables())
        .containsExactly(
            ObjectName.of("spark_catalog", "sales", "order`s"),
            ObjectName.of("spark_catalog", "sales", "items"));
  }

  @Test
  void referencesKnowWhereTheyAreWritten() throws Exception {
    String sql = "SELECT * FROM sales.orders o JOIN `crm`.`customers` c ON o.c = c.id";
    StatementAnalysis analysis = planner.analyze(sql, SessionContext.initial("default"));
    assertThat(analysis.objects())
        .map(
            reference -> reference.range().map(range -> sql.substring(range.start(), range.stop())))
        .containsExactly(Optional.of("sales.orders"), Optional.of("`crm`.`customers`"));
  }

  @Test
  void columnsArePlacedOnTheirTablesWhereTheTextSays() throws Exception {
    StatementAnalysis analysis =
        planner.analyze(
            "SELECT o.total, name, c.address.city FROM orders o JOIN customers c"
                + " ON o.customer_id = c.id WHERE transform(o.items, x -> x.qty) IS NOT NULL",
            SessionContext.initial("s"));
    ObjectName orders = ObjectName.of("spark_catalog", "s", "orders");
    ObjectName customers = ObjectName.of("spark_catalog", "s", "customers");
    assertThat(analysis.columns())
        .containsExactly(
            new ColumnReference(Optional.of(orders), "total"),
            new ColumnReference(Optional.empty(), "name"),
            new ColumnReference(Optional.of(customers), "address"),
            new ColumnReference(Optional.of(orders), "customer_id"),
            new ColumnReference(Optional.of(customers), "id"),
            new ColumnReference(Optional.of(orders), "items"));
  }

  @Test
  void dmlTargetIsNamed() throws Exception {
    StatementAnalysis analysis =
        planner.analyze(
            "UPDATE orders SET total = 0 WHERE id = 1", SessionContext.initial("default"));
    assertThat(analysis.target().map(ObjectReference::name))
        .contains(ObjectName.of("spark_catalog", "default", "orders"));
    assertThat(analysis.columns())
        .containsExactly(
            new ColumnReference(
                Optional.of(ObjectName.of("spark_catalog", "default", "orders")), "total"),
            new ColumnReference(
                Optional.of(ObjectName.of("spark_catalog", "default", "orders")), "id"));
  }
}
