package io.sluice.engine.operation;

import io.sluice.engine.catalog.GovernedCatalogs;
import io.sluice.engine.result.HiveStringFormatter;
import io.sluice.engine.result.ResultPages;
import io.sluice.engine.result.SparkResultSchemas;
import io.sluice.engine.result.SparkRowPages;
import io.sluice.engine.session.EngineSession;
import io.sluice.protocol.thrift.TOperationType;
import java.util.List;
import java.util.OptionalLong;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * ExecuteStatement: runs the SQL text on the session's Spark session and collects the whole result
 * on the driver. Its Spark jobs run in a job group named after the operation, so CancelOperation
 * can cancel them (interrupting task threads).
 */
public final class ExecuteStatement extends Operation {
  private final String statement;
  private final long resultRowLimit;
  private final String jobGroup;
  private final JobGroupCanceller canceller;

  /**
   * @param resultRowLimit the most rows to return, or 0 for all
   */
  public ExecuteStatement(
      EngineSession session, String statement, long resultRowLimit, JobGroupCanceller canceller) {
    super(session, TOperationType.EXECUTE_STATEMENT);
    this.statement = statement;
    this.resultRowLimit = resultRowLimit;
    this.canceller = canceller;
    this.jobGroup = "sluice-" + handle().id();
  }

  @Override
  protected ResultPages run() {
    SparkSession spark = session().spark();
    SparkContext context = spark.sparkContext();
    Thread thread = Thread.currentThread();
    ClassLoader previousLoader = thread.getContextClassLoader();
    thread.setContextClassLoader(spark.sharedState().jarClassLoader());
    SparkSession.setActiveSession(spark);
    context.setJobGroup(jobGroup, statement, true);
    try {
      GovernedCatalogs.register(spark, session().user());
      Dataset<Row> result = spark.sql(statement);
      StructType schema = SparkResultSchemas.effectiveSchema(result.schema());
      List<Row> rows =
          resultRowLimit > 0
              ? result.limit((int) Math.min(resultRowLimit, Integer.MAX_VALUE)).collectAsList()
              : result.collectAsList();
      OptionalLong modified = ModifiedRowCounter.count(result);
      modified.ifPresent(this::modifiedRows);
      return new SparkRowPages(rows, schema, HiveStringFormatter.forActiveSession());
    } finally {
      context.clearJobGroup();
      SparkSession.clearActiveSession();
      thread.setContextClassLoader(previousLoader);
    }
  }

  @Override
  protected void interrupt() {
    canceller.cancel(jobGroup, "Operation " + handle() + " was canceled");
  }

  @Override
  protected String describe() {
    return "Statement " + handle() + " of " + session().user();
  }
}
