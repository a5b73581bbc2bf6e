package io.sluice.tpcds;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether two answers to the same query agree. Rows are compared in order when the query orders its
 * result, as multisets otherwise. Floating point values agree within a relative tolerance; decimals
 * agree when numerically equal whatever their scale; everything else must be equal.
 */
public final class ResultComparison {
  static final double RELATIVE_TOLERANCE = 1e-9;

  private ResultComparison() {}

  /** A description of the first difference, or empty when the answers agree. */
  public static Optional<String> difference(
      QueryResult expected, QueryResult actual, boolean ordered) {
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
