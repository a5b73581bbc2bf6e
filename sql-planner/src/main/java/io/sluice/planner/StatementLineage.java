package io.sluice.planner;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The lineage a statement creates when it succeeds: the tables it writes or creates from other
 * tables, and the tables it reads to do so. Every source flows into every target (an {@code INSERT
 * ... SELECT}, {@code INSERT OVERWRITE}, CTAS, {@code CREATE VIEW ... AS}, {@code MERGE}, an {@code
 * UPDATE} or {@code DELETE} whose subqueries read other tables).
 *
 * <p>Column lineage is what the text says soundly: for each source, the columns of it the statement
 * names ({@code *} when it selects all of them); and, for a statement writing one target from a
 * query, which of those columns each written column is computed from ({@link ColumnFlows}). A
 * column the analysis cannot place on one table (an unqualified column in a join) is left out.
 *
 * <p>A statement without a target, or whose target is written from no table ({@code INSERT ...
 * VALUES}, {@code CREATE TABLE} without a query, {@code TRUNCATE}), has no lineage. A table read by
 * the statement that also writes it is not its own source. Temporary views are not tables: what
 * they read was recorded, if anywhere, when the statement that wrote their sources ran.
 *
 * @param targets the tables written or created, as resolved three-part names
 * @param sources the tables and views read, in text order
 * @param sourceColumns for each source, the columns of it the statement names (possibly none)
 * @param columnFlows for a single target, the columns written into it in order, each with the
 *     columns of the sources it is computed from; empty when not known
 */
public record StatementLineage(
    Set<ObjectName> targets,
    Set<ObjectName> sources,
    Map<ObjectName, Set<String>> sourceColumns,
    List<ColumnFlow> columnFlows) {
  public StatementLineage {
    targets = Set.copyOf(requireNonNull(targets, "targets is null"));
    sources = Set.copyOf(requireNonNull(sources, "sources is null"));
    sourceColumns = Map.copyOf(requireNonNull(sourceColumns, "sourceColumns is null"));
    columnFlows = List.copyOf(requireNonNull(columnFlows, "columnFlows is null"));
    if (targets.isEmpty() || sources.isEmpty()) {
      throw new IllegalArgumentException("lineage has at least one target and one source");
    }
  }

  /** The lineage of an analyzed statement, if it writes a table from other tables. */
  public static Optional<StatementLineage> of(StatementAnalysis analysis) {
    requireNonNull(analysis, "analysis is null");
    Set<ObjectName> targets = new LinkedHashSet<>();
    for (ObjectReference reference : analysis.objects()) {
      if (reference.type() == ObjectType.TABLE
          && (reference.access().writesRows() || reference.access() == Access.CREATE)) {
        targets.add(reference.name());
      }
    }
    Set<ObjectName> sources = new LinkedHashSet<>(analysis.tablesRead());
    sources.removeAll(targets);
    if (targets.isEmpty() || sources.isEmpty()) {
      return Optional.empty();
    }
    Map<ObjectName, Set<String>> columns = new LinkedHashMap<>();
    for (ObjectName source : sources) {
      columns.put(source, new LinkedHashSet<>());
    }
    for (ColumnReference column : analysis.columns()) {
      column
          .table()
          .map(columns::get)
          .ifPresent(names -> names.add(column.column().toLowerCase(java.util.Locale.ROOT)));
    }
    Map<ObjectName, Set<String>> frozen = new LinkedHashMap<>();
    columns.forEach((table, names) -> frozen.put(table, Set.copyOf(names)));
    List<ColumnFlow> flows = new ArrayList<>();
    if (targets.size() == 1) {
      for (ColumnFlow flow : analysis.columnFlows()) {
        Set<ColumnReference> fromSources = new LinkedHashSet<>();
        for (ColumnReference column : flow.sources()) {
          if (sources.contains(column.table().orElseThrow())) {
            fromSources.add(column);
          }
        }
        flows.add(new ColumnFlow(flow.targetColumn(), fromSources));
      }
    }
    return Optional.of(new StatementLineage(targets, sources, frozen, flows));
  }

  /** The columns of {@code source} the statement names, sorted. */
  public List<String> columnsOf(ObjectName source) {
    return sourceColumns.getOrDefault(source, Set.of()).stream().sorted().toList();
  }
}
