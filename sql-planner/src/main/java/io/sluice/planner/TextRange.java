package io.sluice.planner;

/**
 * Where a reference is written in the engine SQL: characters {@code [start, stop)}. The rewriter
 * replaces exactly this span (for example a table name by a policy subquery) and keeps every other
 * character of the user's text.
 */
public record TextRange(int start, int stop) {
  public TextRange {
    if (start < 0 || stop < start) {
      throw new IllegalArgumentException("invalid range [" + start + ", " + stop + ")");
    }
  }
}
