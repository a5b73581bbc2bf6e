package io.sluice.gateway.history;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Which history rows to list. An empty set means "any"; the time range applies to start times and
 * is half open, {@code [startFromMillis, startBeforeMillis)}. {@code textContains} matches the
 * statement text case-insensitively.
 */
public record QueryFilter(
    Set<String> principals,
    Set<StatementStatus> statuses,
    Set<String> warehouseIds,
    Set<String> statementIds,
    OptionalLong startFromMillis,
    OptionalLong startBeforeMillis,
    Optional<String> textContains) {
  public static final QueryFilter ALL =
      new QueryFilter(
          Set.of(),
          Set.of(),
          Set.of(),
          Set.of(),
          OptionalLong.empty(),
          OptionalLong.empty(),
          Optional.empty());

  public QueryFilter {
    principals = Set.copyOf(requireNonNull(principals, "principals is null"));
    statuses = Set.copyOf(requireNonNull(statuses, "statuses is null"));
    warehouseIds = Set.copyOf(requireNonNull(warehouseIds, "warehouseIds is null"));
    statementIds = Set.copyOf(requireNonNull(statementIds, "statementIds is null"));
    requireNonNull(startFromMillis, "startFromMillis is null");
    requireNonNull(startBeforeMillis, "startBeforeMillis is null");
    textContains =
        requireNonNull(textContains, "textContains is null").filter(text -> !text.isBlank());
  }

  public QueryFilter withPrincipals(Set<String> principals) {
    return new QueryFilter(
        principals,
        statuses,
        warehouseIds,
        statementIds,
        startFromMillis,
        startBeforeMillis,
        textContains);
  }
}
