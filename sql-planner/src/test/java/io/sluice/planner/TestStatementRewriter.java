package io.sluice.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Reads of protected tables become policy subqueries; every other character of the statement is
 * kept, and what no subquery can stand in for is refused.
 */
class TestStatementRewriter {
  private static final ObjectName ORDERS = ObjectName.of("main", "sales", "orders");
  private static final ReadRewrite FILTERED_AND_MASKED =
      new TableSecurity(
          List.of("id", "region", "card"),
          Map.of("card", "('****')"),
          Optional.of("(`region` = 'US')"));
  private static final String ORDERS_SUBQUERY =
      "(SELECT `id`, `region`, ('****') AS `card` FROM `main`.`sales`.`orders`"
          + " AS `sluice_policy_scan` WHERE (`region` = 'US'))";

  private final SqlPlanner planner = new SqlPlanner();
  private final SessionContext session =
      new SessionContext("main", "sales", java.util.Set.of("main"), java.util.Set.of());

  @Test
  void aProtectedTableIsReadThroughItsPolicySubqueryUnderTheSameName() throws Exception {
    assertThat(rewrite("SELECT card FROM orders WHERE id > 1 ORDER BY card"))
        .isEqualTo(
            "SELECT card FROM " + ORDERS_SUBQUERY + " AS `orders` WHERE id > 1 ORDER BY card");
    assertThat(rewrite("select o.card from main.sales.orders o join orders on o.id = orders.id"))
        .isEqualTo(
            "select o.card from "
                + ORDERS_SUBQUERY
                + " o join "
                + ORDERS_SUBQUERY
                + " AS `orders` on o.id = orders.id");
  }

  @Test
  void everyConstructThatReadsTheTableReadsItThroughThePolicy() throws Exception {
    String[] statements = {
      "WITH recent AS (SELECT * FROM orders WHERE id > 10) SELECT count(*) FROM recent",
      "SELECT * FROM customers WHERE id IN (SELECT id FROM orders)",
      "SELECT id FROM customers UNION ALL SELECT id FROM sales.orders",
      "SELECT region, rank() OVER (PARTITION BY region ORDER BY id) FROM orders",
      "INSERT INTO archive SELECT * FROM orders",
      "MERGE INTO archive a USING orders o ON a.id = o.id WHEN NOT MATCHED THEN INSERT *",
      "SELECT * FROM (SELECT * FROM (SELECT card FROM orders) ITBL) OTBL limit 101",
      "EXPLAIN SELECT * FROM orders",
      "CREATE TABLE copy AS SELECT * FROM orders",
    };
    for (String statement : statements) {
      String rewritten = rewrite(statement);
      assertThat(rewritten).as(statement).contains(ORDERS_SUBQUERY);
      StatementAnalysis again = planner.analyze(rewritten, session);
      assertThat(again.tablesRead()).as(statement).contains(ORDERS);
    }
  }

  @Test
  void unprotectedStatementsAreNotTouched() throws Exception {
    String sql = "SELECT * FROM customers -- orders\n WHERE name = 'orders'";
    assertThat(rewrite(sql)).isSameAs(planner.analyze(sql, session).engineSql()).isEqualTo(sql);
  }

  @Test
  void whatNoSubqueryCanStandInForIsRefused() {
    String[] statements = {
      "SELECT * FROM orders VERSION AS OF 1",
      "SELECT * FROM orders TABLESAMPLE (10 PERCENT)",
      "TABLE orders",
      "UPDATE orders SET card = 'x'",
      "DELETE FROM orders WHERE id = 1",
      "MERGE INTO orders t USING updates u ON t.id = u.id WHEN MATCHED THEN DELETE",
      "INSERT OVERWRITE orders SELECT * FROM updates",
      "CACHE TABLE orders",
      "EXECUTE IMMEDIATE 'SELECT * FROM orders'",
    };
    for (String statement : statements) {
      assertThatThrownBy(() -> rewrite(statement))
          .as(statement)
          .isInstanceOfSatisfying(
              PlanningException.class,
              e -> assertThat(e.sqlState()).isEqualTo(SqlStates.FEATURE_NOT_SUPPORTED));
    }
  }

  @Test
  void namesThatNeedQuotingStayOneNameInTheRewrite() throws Exception {
    ObjectName odd = ObjectName.of("main", "sales", "o`rders; DROP TABLE x; --");
    StatementAnalysis analysis =
        planner.analyze("SELECT * FROM `o``rders; DROP TABLE x; --` WHERE id = 1", session);
    String rewritten = StatementRewriter.rewrite(analysis, Map.of(odd, FILTERED_AND_MASKED));
    assertThat(rewritten)
        .isEqualTo(
            "SELECT * FROM (SELECT `id`, `region`, ('****') AS `card` FROM"
                + " `main`.`sales`.`o``rders; drop table x; --` AS `sluice_policy_scan`"
                + " WHERE (`region` = 'US')) AS"
                + " `o``rders; drop table x; --` WHERE id = 1");
    StatementAnalysis again = planner.analyze(rewritten, session);
    assertThat(again.tablesRead()).containsExactly(odd);
  }

  @Test
  void callsOfTheMetastoresFunctionsBecomeTheirBodies() throws Exception {
    ObjectName tax = ObjectName.of("main", "sales", "tax");
    InlinedFunction taxBody = arguments -> "((" + arguments.get(0) + ") * 0.1)";
    String sql = "SELECT id, main.sales.tax(amount + 1) AS t FROM customers WHERE id > 1";
    assertThat(
            StatementRewriter.rewrite(
                planner.analyze(sql, session), Map.of(), Map.of(tax, taxBody)))
        .isEqualTo("SELECT id, ((amount + 1) * 0.1) AS t FROM customers WHERE id > 1");
    assertThatThrownBy(
            () ->
                StatementRewriter.rewrite(
                    planner.analyze("SELECT main.sales.tax(DISTINCT amount) FROM t", session),
                    Map.of(),
                    Map.of(tax, taxBody)))
        .hasMessageContaining("can only be called plainly");
    assertThatThrownBy(
            () ->
                StatementRewriter.rewrite(
                    planner.analyze(
                        "SELECT main.sales.tax((SELECT max(id) FROM orders)) FROM t", session),
                    Map.of(ORDERS, FILTERED_AND_MASKED),
                    Map.of(tax, taxBody)))
        .hasMessageContaining("cannot take a protected table");
  }

  @Test
  void insertingIntoAProtectedTableIsAllowed() throws Exception {
    String sql = "INSERT INTO orders VALUES (1, 'US', '4111')";
    assertThat(rewrite(sql)).isEqualTo(sql);
  }

  private String rewrite(String sql) throws PlanningException {
    return StatementRewriter.rewrite(
        planner.analyze(sql, session), Map.of(ORDERS, FILTERED_AND_MASKED));
  }
}
