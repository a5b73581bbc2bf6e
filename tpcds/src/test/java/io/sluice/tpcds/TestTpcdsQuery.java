package io.sluice.tpcds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TestTpcdsQuery {
  @Test
  void loadsAllHundredAndThreeStatementsInOrder() {
    List<TpcdsQuery> queries = TpcdsQuery.all();
    assertThat(queries).hasSize(103);
    assertThat(queries.get(0).name()).isEqualTo("q1");
    assertThat(queries.stream().map(TpcdsQuery::name))
        .contains("q14a", "q14b", "q23a", "q23b", "q24a", "q24b", "q39a", "q39b", "q99")
        .doesNotContain("q14", "q23");
    assertThat(queries).allSatisfy(query -> assertThat(query.sql()).containsIgnoringCase("select"));
  }

  @Test
  void namesSelectQueriesAndBothPartsOfTwoPartOnes() {
    assertThat(TpcdsQuery.named(List.of("q3", "Q14")).stream().map(TpcdsQuery::name))
        .containsExactly("q3", "q14a", "q14b");
    assertThatThrownBy(() -> TpcdsQuery.named(List.of("q100"))).hasMessageContaining("q100");
  }

  @Test
  void findsAnOrderByOnlyOutsideParenthesesStringsAndComments() {
    assertThat(query("SELECT a FROM t ORDER BY a LIMIT 100").ordersItsResult()).isTrue();
    assertThat(query("select a from t order\n  by a").ordersItsResult()).isTrue();
    assertThat(query("WITH x AS (SELECT a FROM t ORDER BY a) SELECT * FROM x").ordersItsResult())
        .isFalse();
    assertThat(query("SELECT rank() OVER (PARTITION BY a ORDER BY b) FROM t").ordersItsResult())
        .isFalse();
    assertThat(query("SELECT 'order by' FROM t").ordersItsResult()).isFalse();
    assertThat(query("SELECT a FROM t -- order by a\n").ordersItsResult()).isFalse();
    assertThat(query("SELECT sort_order FROM t").ordersItsResult()).isFalse();
    assertThat(query("SELECT a FROM t UNION ALL SELECT b FROM u ORDER BY 1").ordersItsResult())
        .isTrue();
  }

  @Test
  void theQualificationQueriesAreClassifiedAsSparkPublishesThem() {
    assertThat(TpcdsQuery.named(List.of("q3")).get(0).ordersItsResult()).isTrue();
    long unordered = TpcdsQuery.all().stream().filter(query -> !query.ordersItsResult()).count();
    assertThat(unordered).isBetween(1L, 20L);
  }

  private static TpcdsQuery query(String sql) {
    return new TpcdsQuery("test", sql);
  }
}
