package io.sluice.tpcds;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TestResultComparison {
  @Test
  void orderedAnswersMustAgreeRowByRow() {
    QueryResult expected = result(row(1L, "a"), row(2L, "b"));
    QueryResult swapped = result(row(2L, "b"), row(1L, "a"));
    assertThat(ResultComparison.difference(expected, expected, true)).isEmpty();
    assertThat(ResultComparison.difference(expected, swapped, true))
        .hasValue("row 1 differs: [1, a] vs [2, b]");
    assertThat(ResultComparison.difference(expected, swapped, false)).isEmpty();
  }

  @Test
  void rowsTiedOnTheSortKeysMayComeInAnyOrder() {
    Optional<List<Integer>> firstColumn = Optional.of(List.of(0));
    QueryResult expected = result(row(1L, "a"), row(1L, "b"), row(2L, "c"));
    QueryResult tiesSwapped = result(row(1L, "b"), row(1L, "a"), row(2L, "c"));
    assertThat(ResultComparison.difference(expected, tiesSwapped, true, firstColumn)).isEmpty();
    assertThat(ResultComparison.difference(expected, tiesSwapped, true)).isPresent();
    QueryResult keysOutOfOrder = result(row(2L, "c"), row(1L, "a"), row(1L, "b"));
    assertThat(ResultComparison.difference(expected, keysOutOfOrder, true, firstColumn))
        .hasValue("row 1 differs in its sort keys: [1, a] vs [2, c]");
    QueryResult otherValueInTie = result(row(1L, "a"), row(1L, "z"), row(2L, "c"));
    assertThat(ResultComparison.difference(expected, otherValueInTie, true, firstColumn))
        .hasValue("rows 1 to 2, tied on the sort keys, differ: [1, b] vs [1, z]");
  }

  @Test
  void unorderedAnswersAreMultisets() {
    QueryResult twice = result(row(1L), row(1L), row(2L));
    QueryResult once = result(row(1L), row(2L), row(2L));
    assertThat(ResultComparison.difference(twice, once, false)).isPresent();
  }

  @Test
  void countsMustMatch() {
    assertThat(ResultComparison.difference(result(row(1L)), result(row(1L), row(1L)), false))
        .hasValue("row count differs: 1 vs 2");
    assertThat(
            ResultComparison.difference(
                result(row(1L)), new QueryResult(List.of("a", "b"), List.of()), false))
        .hasValue("column count differs: 1 vs 2");
  }

  @Test
  void floatingPointHasARelativeToleranceAndDecimalsIgnoreScale() {
    assertThat(ResultComparison.valuesAgree(1.0e12, 1.0e12 + 1.0e2)).isTrue();
    assertThat(ResultComparison.valuesAgree(1.0, 1.001)).isFalse();
    assertThat(ResultComparison.valuesAgree(new BigDecimal("1.50"), new BigDecimal("1.5")))
        .isTrue();
    assertThat(ResultComparison.valuesAgree(new BigDecimal("1.51"), new BigDecimal("1.5")))
        .isFalse();
    assertThat(ResultComparison.valuesAgree(null, null)).isTrue();
    assertThat(ResultComparison.valuesAgree(null, "")).isFalse();
    assertThat(ResultComparison.valuesAgree(1L, 1.0)).isFalse();
  }

  @Test
  void nullsSortFirstWhenComparingMultisets() {
    QueryResult left = result(row((Object) null), row(1L));
    QueryResult right = result(row(1L), row((Object) null));
    assertThat(ResultComparison.difference(left, right, false)).isEmpty();
  }

  private static QueryResult result(List<Object>... rows) {
    return new QueryResult(
        java.util.stream.IntStream.range(0, rows[0].size()).mapToObj(i -> "c" + i).toList(),
        Arrays.asList(rows));
  }

  private static List<Object> row(Object... values) {
    return Arrays.asList(values);
  }
}
