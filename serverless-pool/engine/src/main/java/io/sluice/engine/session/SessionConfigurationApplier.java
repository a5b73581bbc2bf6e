package io.sluice.engine.session;

import io.sluice.protocol.thrift.TNamespace;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies an OpenSession's {@code configuration} and {@code initialNamespace} to a new session.
 *
 * <p>{@code use:database} and the namespace's schema switch the current database and fail the
 * session when it does not exist. {@code set:hiveconf:k}, {@code set:hivevar:k} and plain {@code k}
 * set Spark configuration {@code k}; settings Spark refuses (static or reserved ones) are skipped.
 * A requested catalog other than the session catalog is tried and, when unknown, ignored.
 */
final class SessionConfigurationApplier {
  static final String USE_DATABASE = "use:database";
  static final String USE_CATALOG = "use:catalog";
  static final String SESSION_CATALOG = "spark_catalog";
  private static final String HIVE_CONF_PREFIX = "set:hiveconf:";
  private static final String HIVE_VARIABLE_PREFIX = "set:hivevar:";
  private static final Logger LOG = LoggerFactory.getLogger(SessionConfigurationApplier.class);

  private SessionConfigurationApplier() {}

  static void apply(SparkSession spark, Map<String, String> configuration, TNamespace namespace) {
    if (configuration != null) {
      configuration.forEach((key, value) -> applySetting(spark, key, value));
      String catalog = configuration.get(USE_CATALOG);
      if (catalog != null) {
        useCatalog(spark, catalog);
      }
      String database = configuration.get(USE_DATABASE);
      if (database != null && !database.isEmpty()) {
        spark.catalog().setCurrentDatabase(database);
      }
    }
    if (namespace != null) {
      if (namespace.isSetCatalogName() && !namespace.getCatalogName().isEmpty()) {
        useCatalog(spark, namespace.getCatalogName());
      }
      if (namespace.isSetSchemaName() && !namespace.getSchemaName().isEmpty()) {
        spark.catalog().setCurrentDatabase(namespace.getSchemaName());
      }
    }
  }

  private static void applySetting(SparkSession spark, String key, String value) {
    if (key == null || value == null || key.startsWith("use:")) {
      return;
    }
    String name = key;
    if (key.startsWith(HIVE_CONF_PREFIX)) {
      name = key.substring(HIVE_CONF_PREFIX.length());
    } else if (key.startsWith(HIVE_VARIABLE_PREFIX)) {
      name = key.substring(HIVE_VARIABLE_PREFIX.length());
    }
    if (name.isEmpty()) {
      return;
    }
    try {
      spark.conf().set(name, value);
    } catch (Exception refused) {
      LOG.debug("Spark refused session setting {}: {}", name, refused.getMessage());
    }
  }

  private static void useCatalog(SparkSession spark, String catalog) {
    if (catalog.isEmpty() || catalog.equalsIgnoreCase(SESSION_CATALOG)) {
      return;
    }
    try {
      spark.catalog().setCurrentCatalog(catalog);
    } catch (Exception unknownCatalog) {
      LOG.info("Ignoring unknown catalog {}: {}", catalog, unknownCatalog.getMessage());
    }
  }
}
