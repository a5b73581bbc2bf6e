package io.sluice.gateway.governance;

import java.util.List;
import java.util.Optional;

/**
 * A read-only table the gateway computes for engines, such as {@code
 * main.information_schema.tables} or {@code system.access.audit}: fixed columns, and rows that
 * depend on who asks.
 */
interface ServedRelation {
  List<RelationColumn> columns();

  /**
   * One page of the rows {@code user} may see, each a list of values in column order (strings,
   * numbers, booleans, instants, maps and lists for structs, or null), starting after {@code
   * pageToken}.
   */
  Page rows(String user, Optional<String> pageToken);

  record Page(List<List<Object>> rows, Optional<String> nextPageToken) {
    static Page of(List<List<Object>> rows) {
      return new Page(rows, Optional.empty());
    }
  }
}
