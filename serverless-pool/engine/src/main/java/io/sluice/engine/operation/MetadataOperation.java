package io.sluice.engine.operation;

import io.sluice.engine.catalog.GovernedCatalogs;
import io.sluice.engine.metadata.CatalogListing;
import io.sluice.engine.metadata.GovernedListing;
import io.sluice.engine.result.ObjectRowPages;
import io.sluice.engine.result.ResultPages;
import io.sluice.engine.session.EngineSession;
import io.sluice.protocol.rowset.ResultSchema;
import io.sluice.protocol.thrift.TOperationType;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/** A metadata call: a fixed result schema and a small list of rows computed at once. */
abstract class MetadataOperation extends Operation {

  private GovernedListing governed;

  protected MetadataOperation(EngineSession session, TOperationType type) {
    super(session, type);
  }

  /** The result schema, in Hive's (and Spark's Thrift server's) column order and types. */
  protected abstract ResultSchema schema();

  /** The result rows, one value per schema column. */
  protected abstract List<Object[]> rows() throws Exception;

  @Override
  protected final ResultPages run() throws Exception {
    SparkSession spark = session().spark();
    Thread thread = Thread.currentThread();
    ClassLoader previousLoader = thread.getContextClassLoader();
    thread.setContextClassLoader(spark.sharedState().jarClassLoader());
    SparkSession.setActiveSession(spark);
    try {
      governed = new GovernedListing(spark, GovernedCatalogs.register(spark, session().user()));
      return new ObjectRowPages(schema(), rows());
    } finally {
      SparkSession.clearActiveSession();
      thread.setContextClassLoader(previousLoader);
    }
  }

  protected final CatalogListing catalog() {
    return new CatalogListing(session().spark().sessionState().catalog());
  }

  /** The session's governance catalogs, as far as its user may see them (set before rows()). */
  protected final GovernedListing governed() {
    return governed;
  }

  @Override
  protected String describe() {
    return getClass().getSimpleName() + " " + handle() + " of " + session().user();
  }
}
