package io.sluice.planner;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which settings a session may change with {@code SET key = value} (and read with {@code SET key},
 * reset with {@code RESET key}). Allowed are:
 *
 * <ul>
 *   <li>the Spark SQL settings in {@link #SPARK_SETTINGS}, which change how queries run or how
 *       values look but not what the gateway analyzed (not the parser's keyword and quoting rules,
 *       not case sensitivity, not variable substitution, not files, classes or extensions);
 *   <li>plain words without a dot ({@code ansi_mode}, {@code TIMEZONE}, a client's own names):
 *       Databricks-style parameters and client information, which Spark only stores. Spark copies
 *       every session setting into the Hadoop configuration, and every Hadoop setting (file
 *       systems, credentials) has a dot, so none of them can be set this way.
 * </ul>
 *
 * Everything else is refused: other {@code spark.*} keys, Hadoop and Hive keys, the gateway's own
 * {@code sluice.*} keys, and listing all settings ({@code SET}, {@code SET -v}), which shows the
 * engine's configuration.
 */
public final class ConfigurationPolicy {
  public static final Set<String> SPARK_SETTINGS =
      Set.of(
          "spark.sql.ansi.enabled",
          "spark.sql.session.timeZone",
          "spark.sql.shuffle.partitions",
          "spark.sql.adaptive.enabled",
          "spark.sql.adaptive.coalescePartitions.enabled",
          "spark.sql.adaptive.skewJoin.enabled",
          "spark.sql.autoBroadcastJoinThreshold",
          "spark.sql.files.maxPartitionBytes",
          "spark.sql.datetime.java8API.enabled",
          "spark.sql.timestampType",
          "spark.sql.storeAssignmentPolicy",
          "spark.sql.sources.partitionOverwriteMode",
          "spark.sql.parquet.compression.codec",
          "spark.sql.decimalOperations.allowPrecisionLoss",
          "spark.sql.cbo.enabled",
          "spark.sql.crossJoin.enabled",
          "spark.sql.mapKeyDedupPolicy",
          "spark.sql.orderByOrdinal",
          "spark.sql.groupByOrdinal",
          "spark.sql.groupByAliases",
          "spark.sql.pivotMaxValues",
          "spark.sql.jsonGenerator.ignoreNullFields",
          "spark.sql.legacy.timeParserPolicy",
          "spark.sql.maxPlanStringLength");

  private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private ConfigurationPolicy() {}

  public static boolean isSettable(String key) {
    return SPARK_SETTINGS.contains(key) || PLAIN_WORD.matcher(key).matches();
  }

  static void check(String key) throws PlanningException {
    if (!isSettable(key)) {
      throw PlanningException.refused(
          "The setting '"
              + key
              + "' cannot be changed or read through the gateway; allowed are words without a"
              + " dot and these Spark settings: "
              + String.join(", ", SPARK_SETTINGS.stream().sorted().toList()));
    }
  }
}
