package io.sluice.planner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The output columns a query's final ORDER BY sorts by. */
class TestOrderKeys {
  @Test
  void keysAreFoundByPositionAliasAndExpression() {
    assertThat(
            OrderKeys.outputColumns(
                "WITH x AS (SELECT 1 a) SELECT cs1.product_name, cs1.store_name AS store,"
                    + " cs2.cnt, sum(v) total FROM t ORDER BY cs1.product_name, store, cs2.cnt,"
                    + " 4"))
        .contains(List.of(0, 1, 2, 3));
    assertThat(OrderKeys.outputColumns("SELECT a.x, b.y FROM a, b ORDER BY x, b.y"))
        .contains(List.of(0, 1));
    assertThat(
            OrderKeys.outputColumns(
                "SELECT i_item_id, sum(x) FROM t GROUP BY i_item_id UNION ALL SELECT 'z', 1"
                    + " ORDER BY i_item_id"))
        .contains(List.of(0));
  }

  @Test
  void anOrderingThatIsNotAnOutputColumnHasNoAnswer() {
    assertThat(OrderKeys.outputColumns("SELECT a FROM t ORDER BY b")).isEmpty();
    assertThat(OrderKeys.outputColumns("SELECT a FROM t ORDER BY a + 1")).isEmpty();
    assertThat(OrderKeys.outputColumns("SELECT a.x, b.x FROM a, b ORDER BY x")).isEmpty();
    assertThat(OrderKeys.outputColumns("SELECT a FROM t")).isEmpty();
    assertThat(OrderKeys.outputColumns("not sql")).isEmpty();
  }
}
