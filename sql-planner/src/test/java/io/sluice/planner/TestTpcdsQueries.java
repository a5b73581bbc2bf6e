package io.sluice.planner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every TPC-DS query parses with Spark's parser, is a query, and reads exactly the TPC-DS tables
 * its text names (resolved in the session's schema), nothing else: no CTE name, alias or column is
 * taken for a table. The expected tables come from the text independently of the parser: the TPC-DS
 * table names that occur as words outside string literals and comments.
 */
class TestTpcdsQueries {
  private static final SessionContext SESSION = SessionContext.initial("tpcds");
  private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final SqlPlanner planner = new SqlPlanner();

  static Stream<String> queries() {
    return TpcdsQueries.names().stream();
  }

  @Test
  void allNinetyNineQueriesAreThere() {
    assertThat(TpcdsQueries.all()).hasSize(103);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("queries")
  void isAQueryOverExactlyItsTables(String name) throws Exception {
    String sql = TpcdsQueries.text(name);
    StatementAnalysis analysis = planner.analyze(sql, SESSION);
    assertThat(analysis.kind()).isEqualTo(StatementKind.QUERY);
    assertThat(analysis.operation()).isEqualTo("SELECT");
    assertThat(analysis.engineSql()).isEqualTo(sql);
    assertThat(analysis.objects())
        .filteredOn(reference -> reference.type() != ObjectType.FUNCTION)
        .allSatisfy(reference -> assertThat(reference.access()).isEqualTo(Access.READ));
    Set<String> tables = new TreeSet<>();
    for (ObjectName table : analysis.tables()) {
      tables.add(table.toString());
    }
    Set<String> expected = new TreeSet<>();
    for (String table : tablesNamedIn(name, sql)) {
      expected.add("spark_catalog.tpcds." + table);
    }
    assertThat(tables).isEqualTo(expected);
  }

  @Test
  void q3ReadsDateDimStoreSalesAndItem() throws Exception {
    StatementAnalysis analysis = planner.analyze(TpcdsQueries.text("q3"), SESSION);
    assertThat(analysis.tables())
        .containsExactly(
            ObjectName.of("spark_catalog", "tpcds", "date_dim"),
            ObjectName.of("spark_catalog", "tpcds", "store_sales"),
            ObjectName.of("spark_catalog", "tpcds", "item"));
    assertThat(analysis.functions()).containsExactly(ObjectName.of("sum"));
    assertThat(analysis.columns())
        .contains(
            new ColumnReference(
                java.util.Optional.of(ObjectName.of("spark_catalog", "tpcds", "date_dim")),
                "d_year"),
            new ColumnReference(
                java.util.Optional.of(ObjectName.of("spark_catalog", "tpcds", "item")),
                "i_manufact_id"));
  }

  @Test
  void q1sCommonTableExpressionIsNotATable() throws Exception {
    StatementAnalysis analysis = planner.analyze(TpcdsQueries.text("q1"), SESSION);
    assertThat(analysis.tables())
        .extracting(ObjectName::last)
        .containsExactlyInAnyOrder("store_returns", "date_dim", "store", "customer")
        .doesNotContain("customer_total_return");
  }

  /**
   * The TPC-DS table names written as words outside literals and comments, except where the word is
   * plainly not a table: a qualifier ({@code store.item_sk}), a field ({@code web.item}), or an
   * alias ({@code AS item}, {@code (...) store}). Two words the rules cannot tell: q49 selects a
   * subquery's column called {@code item}, and q51 calls a CTE {@code store} ({@code store_v1
   * store}).
   */
  private static Set<String> tablesNamedIn(String name, String sql) {
    String code =
        sql.replaceAll("'[^']*'", "''")
            .replaceAll("--[^\n]*", "")
            .replaceAll("(?s)/\\*.*?\\*/", "");
    Set<String> tables = new TreeSet<>();
    Matcher word = WORD.matcher(code);
    while (word.find()) {
      String candidate = word.group().toLowerCase(java.util.Locale.ROOT);
      String before = code.substring(0, word.start()).stripTrailing();
      String after = code.substring(word.end()).stripLeading();
      boolean qualifierOrField = after.startsWith(".") || before.endsWith(".");
      boolean alias =
          before.endsWith(")") || before.toUpperCase(java.util.Locale.ROOT).endsWith(" AS");
      if (TpcdsQueries.TABLES.contains(candidate) && !qualifierOrField && !alias) {
        tables.add(candidate);
      }
    }
    if (name.equals("q49")) {
      tables.remove("item");
    }
    if (name.equals("q51")) {
      tables.remove("store");
    }
    return tables;
  }
}
