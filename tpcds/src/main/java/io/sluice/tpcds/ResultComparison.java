package io.sluice.tpcds;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether two answers to the same query agree. Rows are compared in order when the query orders its
 * result, as multisets otherwise; when the sort keys are known output columns, rows that tie on
 * them (which Spark may return in any order) are compared as multisets within their tie. Floating
 * point values agree within a relative tolerance; decimals agree when numerically equal whatever
 * their scale; everything else must be equal.
 */
public final class ResultComparison {
  static final double RELATIVE_TOLERANCE = 1e-9;

  private ResultComparison() {}

  /** A description of the first difference, or empty when the answers agree. */
  public static Optional<String> difference(
      QueryResult expected, QueryResult actual, boolean ordered) {
    return difference(expected, actual, ordered, Optional.empty());
  }

  /**
   * As {@link #difference(QueryResult, QueryResult, boolean)}, with the output columns an ordered
   * query sorts by, when known.
   */
  public static Optional<String> difference(
      QueryResult expected, QueryResult actual, boolean ordered, Optional<List<Integer>> keys) {
    if (expected.columnNames().size() != actual.columnNames().size()) {
      return Optional.of(
          "column count differs: "
              + expected.columnNames().size()
              + " vs "
              + actual.columnNames().size());
    }
    if (expected.rows().size() != actual.rows().size()) {
      return Optional.of(
          "row count differs: " + expected.rows().size() + " vs " + actual.rows().size());
    }
    List<List<Object>> left = expected.rows();
    List<List<Object>> right = actual.rows();
    if (ordered && keys.isPresent()) {
      return tiesAsMultisets(left, right, keys.get());
    }
    if (!ordered) {
      left = sorted(left);
      right = sorted(right);
    }
    for (int index = 0; index < left.size(); index++) {
      if (!rowsAgree(left.get(index), right.get(index))) {
        return Optional.of(
            (ordered ? "row " : "sorted row ")
                + (index + 1)
                + " differs: "
                + left.get(index)
                + " vs "
                + right.get(index));
      }
    }
    return Optional.empty();
  }

  /**
   * Rows in order by their sort keys; within each run of rows with equal keys, any order. The runs
   * are the expected side's; the actual side must have the same keys at the same positions.
   */
  private static Optional<String> tiesAsMultisets(
      List<List<Object>> left, List<List<Object>> right, List<Integer> keys) {
    int start = 0;
    while (start < left.size()) {
      int end = start + 1;
      while (end < left.size()
          && rowsAgree(project(left.get(end), keys), project(left.get(start), keys))) {
        end++;
      }
      for (int index = start; index < end; index++) {
        if (!rowsAgree(project(left.get(start), keys), project(right.get(index), keys))) {
          return Optional.of(
              "row "
                  + (index + 1)
                  + " differs in its sort keys: "
                  + left.get(index)
                  + " vs "
                  + right.get(index));
        }
      }
      List<List<Object>> leftRun = sorted(left.subList(start, end));
      List<List<Object>> rightRun = sorted(right.subList(start, end));
      for (int index = 0; index < leftRun.size(); index++) {
        if (!rowsAgree(leftRun.get(index), rightRun.get(index))) {
          return Optional.of(
              "rows "
                  + (start + 1)
                  + " to "
                  + end
                  + ", tied on the sort keys, differ: "
                  + leftRun.get(index)
                  + " vs "
                  + rightRun.get(index));
        }
      }
      start = end;
    }
    return Optional.empty();
  }

  private static List<Object> project(List<Object> row, List<Integer> columns) {
    List<Object> projected = new ArrayList<>(columns.size());
    for (int column : columns) {
      projected.add(row.get(column));
    }
    return projected;
  }

  static boolean rowsAgree(List<Object> left, List<Object> right) {
    for (int column = 0; column < left.size(); column++) {
      if (!valuesAgree(left.get(column), right.get(column))) {
        return false;
      }
    }
    return true;
  }

  static boolean valuesAgree(Object left, Object right) {
    if (left instanceof Double leftDouble && right instanceof Double rightDouble) {
      if (leftDouble.equals(rightDouble)) {
        return true;
      }
      double scale = Math.max(Math.abs(leftDouble), Math.abs(rightDouble));
      return Math.abs(leftDouble - rightDouble) <= RELATIVE_TOLERANCE * scale;
    }
    if (left instanceof BigDecimal leftDecimal && right instanceof BigDecimal rightDecimal) {
      return leftDecimal.compareTo(rightDecimal) == 0;
    }
    return Objects.equals(left, right);
  }

  private static List<List<Object>> sorted(List<List<Object>> rows) {
    List<List<Object>> copy = new ArrayList<>(rows);
    copy.sort(ROW_ORDER);
    return copy;
  }

  /** A total order on rows, so that equal multisets sort to equal lists. */
  private static final Comparator<List<Object>> ROW_ORDER =
      (left, right) -> {
        for (int column = 0; column < Math.min(left.size(), right.size()); column++) {
          int comparison = compareValues(left.get(column), right.get(column));
          if (comparison != 0) {
            return comparison;
          }
        }
        return Integer.compare(left.size(), right.size());
      };

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compareValues(Object left, Object right) {
    if (left == null || right == null) {
      return left == null ? (right == null ? 0 : -1) : 1;
    }
    if (left.getClass() != right.getClass()) {
      return left.getClass().getName().compareTo(right.getClass().getName());
    }
    return ((Comparable) left).compareTo(right);
  }
}
