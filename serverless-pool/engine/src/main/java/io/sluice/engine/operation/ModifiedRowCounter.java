package io.sluice.engine.operation;

import java.util.OptionalLong;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.plans.logical.CommandResult;
import org.apache.spark.sql.execution.CommandResultExec;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.command.DataWritingCommandExec;
import org.apache.spark.sql.execution.datasources.v2.V2TableWriteExec;
import org.apache.spark.sql.execution.metric.SQLMetric;
import scala.Option;
import scala.collection.immutable.Map;

/** Reads how many rows an executed write (INSERT, CTAS) produced from its plan metrics. */
final class ModifiedRowCounter {
  private static final String OUTPUT_ROWS = "numOutputRows";

  private ModifiedRowCounter() {}

  /** The written row count of an executed command, if it is a write that reports one. */
  static OptionalLong count(Dataset<Row> executed) {
    if (!(executed.queryExecution().commandExecuted() instanceof CommandResult)) {
      return OptionalLong.empty();
    }
    SparkPlan plan = executed.queryExecution().executedPlan();
    if (plan instanceof CommandResultExec commandResult) {
      plan = commandResult.commandPhysicalPlan();
    }
    if (plan instanceof DataWritingCommandExec writing) {
      return outputRows(writing.cmd().metrics());
    }
    if (plan instanceof V2TableWriteExec writing) {
      return outputRows(writing.metrics());
    }
    return OptionalLong.empty();
  }

  private static OptionalLong outputRows(Map<String, SQLMetric> metrics) {
    Option<SQLMetric> metric = metrics.get(OUTPUT_ROWS);
    return metric.isDefined() ? OptionalLong.of(metric.get().value()) : OptionalLong.empty();
  }
}
