package io.sluice.engine.operation;

import io.sluice.engine.catalog.GovernedCatalogs;
import io.sluice.engine.result.ArrowBatches;
import io.sluice.engine.result.ArrowResultRequest;
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
 * on the driver: as Arrow record batches when the client reads them (see {@link
 * ArrowResultRequest}), else as rows. Its Spark jobs run in a job group named after the operation,
 * so CancelOperation can cancel them (interrupting task threads).
 */
public final class ExecuteStatement extends Operation {
  private final String statement;
  private final long resultRowLimit;
  private final ArrowResultRequest arrow;
  private final String jobGroup;
  private final JobGroupCanceller canceller;

  /**
   * @param resultRowLimit the most rows to return, or 0 for all
   * @param arrow whether the client reads Arrow results, and which types natively
   */
  public ExecuteStatement(
      EngineSession session,
      String statement,
      long resultRowLimit,
      ArrowResultRequest arrow,
      JobGroupCanceller canceller) {
    super(session, TOperationType.EXECUTE_STATEMENT);
    this.statement = statement;
    this.resultRowLimit = resultRowLimit;
    this.arrow = arrow;
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
      Dataset<Row> limited =
          resultRowLimit > 0
              ? result.limit((int) Math.min(resultRowLimit, Integer.MAX_VALUE))
              : result;
      ResultPages pages = collect(limited, spark);
      OptionalLong modified = ModifiedRowCounter.count(result);
      modified.ifPresent(this::modifiedRows);
      return pages;
    } finally {
      context.clearJobGroup();
      SparkSession.clearActiveSession();
      thread.setContextClassLoader(previousLoader);
    }
  }

  private ResultPages collect(Dataset<Row> result, SparkSession spark) {
    if (arrow.accepts(result.schema())) {
      return ArrowBatches.collect(result, spark);
    }
    StructType schema = SparkResultSchemas.effectiveSchema(result.schema());
    List<Row> rows = result.collectAsList();
    return new SparkRowPages(rows, schema, HiveStringFormatter.forActiveSession());
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
