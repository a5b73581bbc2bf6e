package io.sluice.engine.result;

import org.apache.spark.sql.execution.HiveResult;
import org.apache.spark.sql.types.DataType;
import scala.Function1;
import scala.Tuple2;

/**
 * Renders values the way Spark's Thrift server and spark-sql CLI do, with {@code
 * HiveResult.toHiveString}: dates and timestamps in the session time zone, decimals as plain
 * strings, intervals in Hive style, and arrays, maps and structs as JSON-like text.
 *
 * <p>Create it on a thread where the statement's session is active: the formatters read the session
 * time zone and binary output style when they are created.
 */
public final class HiveStringFormatter {
  private final HiveResult.TimeFormatters timeFormatters;
  private final Function1<byte[], String> binaryFormatter;

  private HiveStringFormatter(
      HiveResult.TimeFormatters timeFormatters, Function1<byte[], String> binaryFormatter) {
    this.timeFormatters = timeFormatters;
    this.binaryFormatter = binaryFormatter;
  }

  /** Formatters for the session active on the calling thread. */
  public static HiveStringFormatter forActiveSession() {
    return new HiveStringFormatter(HiveResult.getTimeFormatters(), HiveResult.getBinaryFormatter());
  }

  /** The text of a non-null top-level value of {@code type}. */
  public String format(Object value, DataType type) {
    return HiveResult.toHiveString(
        new Tuple2<>(value, type), true, timeFormatters, binaryFormatter);
  }
}
