package io.sluice.gateway.lineage;

import static java.util.Objects.requireNonNull;

import io.sluice.gateway.history.QueryRecord;
import io.sluice.gateway.history.StatementListener;
import io.sluice.gateway.history.StatementStatus;
import io.sluice.governance.lineage.ColumnLineage;
import io.sluice.governance.lineage.LineageStore;
import io.sluice.governance.lineage.TableLineage;
import io.sluice.governance.securable.SecurableName;
import io.sluice.planner.ColumnFlow;
import io.sluice.planner.ColumnReference;
import io.sluice.planner.ObjectName;
import io.sluice.planner.StatementAnalysis;
import io.sluice.planner.StatementLineage;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the lineage of statements that write tables from other tables. What a statement would
 * create is learned when it is planned and kept until it completes; it is stored only if the
 * statement FINISHED (a failed or canceled write may have written nothing). Edges carry the
 * statement id, its principal and the time it ended. Like the query history, a lineage write that
 * fails is logged and never fails the statement.
 *
 * <p>A column written from a query is recorded as flowing from the source columns it is computed
 * from, into its target column: named by the statement, or else the target table's column at the
 * same position when the metastore knows the table's columns. Columns a statement only filters,
 * joins or groups on flow into its target as a whole (no target column).
 */
public final class LineageRecorder implements StatementListener {
  private static final Logger log = LoggerFactory.getLogger(LineageRecorder.class);

  private final LineageStore store;
  private final Function<ObjectName, List<String>> tableColumns;
  private final Clock clock;
  private final Map<String, StatementLineage> pending = new ConcurrentHashMap<>();

  /**
   * @param tableColumns a table's column names in order, once the statement finished; empty when
   *     not known
   */
  public LineageRecorder(
      LineageStore store, Function<ObjectName, List<String>> tableColumns, Clock clock) {
    this.store = requireNonNull(store, "store is null");
    this.tableColumns = requireNonNull(tableColumns, "tableColumns is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  @Override
  public void statementPlanned(String statementId, StatementAnalysis analysis) {
    StatementLineage.of(analysis).ifPresent(lineage -> pending.put(statementId, lineage));
  }

  @Override
  public void statementCompleted(QueryRecord record) {
    StatementLineage lineage = pending.remove(record.statementId());
    if (lineage == null || record.status() != StatementStatus.FINISHED) {
      return;
    }
    Instant time =
        Instant.ofEpochMilli(
            record.executionEndTimeMillis().orElse(record.endTimeMillis().orElse(clock.millis())));
    try {
      List<String> targetColumns =
          lineage.columnFlows().isEmpty()
              ? List.of()
              : tableColumns.apply(lineage.targets().iterator().next());
      store.record(
          tableEdges(lineage, record.statementId(), record.principal(), time),
          columnEdges(lineage, targetColumns, record.statementId(), record.principal(), time));
    } catch (RuntimeException e) {
      log.warn("Cannot record the lineage of statement {}", record.statementId(), e);
    }
  }

  /** Every source flows into every target. */
  static List<TableLineage> tableEdges(
      StatementLineage lineage, String statementId, String principal, Instant time) {
    List<TableLineage> edges = new ArrayList<>();
    for (ObjectName target : sorted(lineage.targets())) {
      for (ObjectName source : sorted(lineage.sources())) {
        edges.add(new TableLineage(table(source), table(target), statementId, principal, time));
      }
    }
    return edges;
  }

  /**
   * Each written column from the source columns it is computed from; every other column a source
   * names into each target, with no target column.
   */
  static List<ColumnLineage> columnEdges(
      StatementLineage lineage,
      List<String> targetColumns,
      String statementId,
      String principal,
      Instant time) {
    List<ColumnLineage> edges = new ArrayList<>();
    Set<ColumnReference> traced = new HashSet<>();
    List<ColumnFlow> flows = lineage.columnFlows();
    for (int position = 0; position < flows.size(); position++) {
      ColumnFlow flow = flows.get(position);
      Optional<String> targetColumn = flow.targetColumn();
      if (targetColumn.isEmpty() && targetColumns.size() == flows.size()) {
        targetColumn = Optional.of(targetColumns.get(position));
      }
      ObjectName target = lineage.targets().iterator().next();
      for (ColumnReference source : flow.sources()) {
        traced.add(source);
        edges.add(
            new ColumnLineage(
                table(source.table().orElseThrow()),
                source.column(),
                table(target),
                targetColumn,
                statementId,
                principal,
                time));
      }
    }
    for (ObjectName target : sorted(lineage.targets())) {
      for (ObjectName source : sorted(lineage.sources())) {
        for (String column : lineage.columnsOf(source)) {
          if (traced.contains(new ColumnReference(Optional.of(source), column))) {
            continue;
          }
          edges.add(
              new ColumnLineage(
                  table(source),
                  column,
                  table(target),
                  Optional.empty(),
                  statementId,
                  principal,
                  time));
        }
      }
    }
    return edges;
  }

  private static List<ObjectName> sorted(java.util.Set<ObjectName> names) {
    return names.stream().sorted(java.util.Comparator.comparing(ObjectName::toString)).toList();
  }

  private static SecurableName table(ObjectName name) {
    List<String> parts = name.parts();
    return SecurableName.table(parts.get(0), parts.get(1), parts.get(2));
  }
}
