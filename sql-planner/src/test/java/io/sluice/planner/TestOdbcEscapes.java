package io.sluice.planner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Spark's lexer has no braces, so ODBC escapes (which Power BI and ODBC tools write) must become
 * the Spark SQL they stand for before the text is parsed and sent; everything else is kept as
 * written.
 */
class TestOdbcEscapes {
  private final SqlPlanner planner = new SqlPlanner();

  @Test
  void sparkDoesNotParseOdbcEscapes() {
    assertThat(
            org.assertj.core.api.Assertions.catchThrowableOfType(
                PlanningException.class,
                () -> SparkSqlParser.parseStatement("SELECT {d '2020-01-01'}")))
        .isNotNull();
  }

  @Test
  void translatesDateAndTimestampLiterals() throws Exception {
    assertThat(OdbcEscapes.translate("SELECT * FROM t WHERE d = {d '2024-01-31'}"))
        .isEqualTo("SELECT * FROM t WHERE d = DATE '2024-01-31'");
    assertThat(OdbcEscapes.translate("WHERE ts >= { ts '2024-01-31 10:00:00.5' }"))
        .isEqualTo("WHERE ts >= TIMESTAMP '2024-01-31 10:00:00.5' ");
    assertThat(OdbcEscapes.translate("WHERE ts >= {TS '2024-01-31 10:00:00'}"))
        .isEqualTo("WHERE ts >= TIMESTAMP '2024-01-31 10:00:00'");
  }

  @Test
  void translatesFunctionsOuterJoinsAndLikeEscapes() throws Exception {
    assertThat(OdbcEscapes.translate("SELECT {fn ucase({fn concat(a, b)})} FROM t"))
        .isEqualTo("SELECT  ucase( concat(a, b)) FROM t");
    assertThat(OdbcEscapes.translate("SELECT * FROM {oj a LEFT OUTER JOIN b ON a.k = b.k}"))
        .isEqualTo("SELECT * FROM  a LEFT OUTER JOIN b ON a.k = b.k");
    assertThat(OdbcEscapes.translate("WHERE name LIKE 'a!_%' {escape '!'}"))
        .isEqualTo("WHERE name LIKE 'a!_%' ESCAPE '!'");
  }

  @Test
  void leavesBracesInStringsIdentifiersAndCommentsAlone() throws Exception {
    String sql = "SELECT '{d ''x''}', \"{ts}\", `{fn}` -- {d '1'}\n /* {oj /* {d} */ } */ FROM t";
    assertThat(OdbcEscapes.translate(sql)).isEqualTo(sql);
  }

  @Test
  void thePlannerSendsTheTranslationAndAnalyzesIt() throws Exception {
    StatementAnalysis analysis =
        planner.analyze(
            "select {fn lcase(`region`)} from {oj `spark_catalog`.`sales`.`orders` `o`"
                + " left outer join `sales`.`regions` `r` on `o`.`region` = `r`.`region`}"
                + " where `o`.`placed` > {ts '2024-01-01 00:00:00'} limit 101",
            SessionContext.initial("default"));
    assertThat(analysis.kind()).isEqualTo(StatementKind.QUERY);
    assertThat(analysis.engineSql())
        .isEqualTo(
            "select  lcase(`region`) from  `spark_catalog`.`sales`.`orders` `o`"
                + " left outer join `sales`.`regions` `r` on `o`.`region` = `r`.`region`"
                + " where `o`.`placed` > TIMESTAMP '2024-01-01 00:00:00' limit 101");
    assertThat(analysis.tables())
        .containsExactly(
            ObjectName.of("spark_catalog", "sales", "orders"),
            ObjectName.of("spark_catalog", "sales", "regions"));
    assertThat(analysis.functions()).containsExactly(ObjectName.of("lcase"));
  }
}
