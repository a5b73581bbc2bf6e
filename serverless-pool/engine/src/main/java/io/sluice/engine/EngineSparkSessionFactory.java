package io.sluice.engine;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * Builds the engine's root {@link SparkSession}: Hive support on an embedded Derby metastore and a
 * warehouse, both under the data directory, so tables survive engine restarts; Delta Lake tables;
 * and the read-only {@code samples} catalog of generated TPC-DS data.
 */
final class EngineSparkSessionFactory {
  /**
   * The shared metastore's password, when the gateway points the engine at one with {@code --conf
   * spark.hadoop.javax.jdo.option.ConnectionURL=jdbc:derby://...}: kept off the command line.
   */
  static final String METASTORE_PASSWORD_VARIABLE = "SLUICE_METASTORE_PASSWORD";

  private EngineSparkSessionFactory() {}

  /** The Spark settings for {@code arguments}; {@code --conf} values override the defaults. */
  static Map<String, String> settings(EngineArguments arguments) {
    Path dataDirectory = arguments.dataDirectory();
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("spark.app.name", "sluice-engine");
    settings.put("spark.master", arguments.master());
    settings.put("spark.driver.host", "127.0.0.1");
    settings.put("spark.driver.bindAddress", "127.0.0.1");
    settings.put("spark.ui.enabled", "false");
    settings.put("spark.sql.shuffle.partitions", "4");
    settings.put("spark.sql.catalogImplementation", "hive");
    settings.put("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension");
    settings.put(
        "spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog");
    settings.put("spark.sql.catalog.samples", "io.sluice.engine.samples.SamplesCatalog");
    // A second wall behind the gateway's planner: no files as tables, no ${...} substitution.
    settings.put("spark.sql.runSQLOnFiles", "false");
    settings.put("spark.sql.variable.substitute", "false");
    settings.put("spark.sql.warehouse.dir", dataDirectory.resolve("warehouse").toUri().toString());
    settings.put(
        "spark.hadoop.javax.jdo.option.ConnectionURL",
        "jdbc:derby:;databaseName=" + dataDirectory.resolve("metastore") + ";create=true");
    settings.putAll(arguments.sparkSettings());
    String metastorePassword = System.getenv(METASTORE_PASSWORD_VARIABLE);
    if (metastorePassword != null && !metastorePassword.isEmpty()) {
      settings.put("spark.hadoop.javax.jdo.option.ConnectionPassword", metastorePassword);
    }
    return settings;
  }

  /** Starts Spark; Derby writes its {@code derby.log} into the data directory. */
  static SparkSession create(EngineArguments arguments) {
    System.setProperty("derby.system.home", arguments.dataDirectory().toString());
    SparkSession.Builder builder = SparkSession.builder();
    settings(arguments).forEach(builder::config);
    return builder.enableHiveSupport().getOrCreate();
  }
}
