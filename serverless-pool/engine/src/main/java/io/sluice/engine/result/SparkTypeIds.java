package io.sluice.engine.result;

import io.sluice.protocol.thrift.TTypeId;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.CalendarIntervalType;
import org.apache.spark.sql.types.CharType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DayTimeIntervalType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.NullType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;
import org.apache.spark.sql.types.UserDefinedType;
import org.apache.spark.sql.types.VarcharType;
import org.apache.spark.sql.types.YearMonthIntervalType;

/**
 * The {@code TTypeId} Spark's Thrift server reports for each Spark type. Both timestamp types are
 * TIMESTAMP_TYPE, the legacy calendar interval is a string, and types the protocol has no id for
 * (such as variant) are reported as strings.
 */
public final class SparkTypeIds {
  private SparkTypeIds() {}

  public static TTypeId of(DataType type) {
    if (type instanceof NullType) {
      return TTypeId.NULL_TYPE;
    } else if (type instanceof BooleanType) {
      return TTypeId.BOOLEAN_TYPE;
    } else if (type instanceof ByteType) {
      return TTypeId.TINYINT_TYPE;
    } else if (type instanceof ShortType) {
      return TTypeId.SMALLINT_TYPE;
    } else if (type instanceof IntegerType) {
      return TTypeId.INT_TYPE;
    } else if (type instanceof LongType) {
      return TTypeId.BIGINT_TYPE;
    } else if (type instanceof FloatType) {
      return TTypeId.FLOAT_TYPE;
    } else if (type instanceof DoubleType) {
      return TTypeId.DOUBLE_TYPE;
    } else if (type instanceof CharType) {
      return TTypeId.CHAR_TYPE;
    } else if (type instanceof VarcharType) {
      return TTypeId.VARCHAR_TYPE;
    } else if (type instanceof StringType) {
      return TTypeId.STRING_TYPE;
    } else if (type instanceof DecimalType) {
      return TTypeId.DECIMAL_TYPE;
    } else if (type instanceof DateType) {
      return TTypeId.DATE_TYPE;
    } else if (type instanceof TimestampType || type instanceof TimestampNTZType) {
      return TTypeId.TIMESTAMP_TYPE;
    } else if (type instanceof BinaryType) {
      return TTypeId.BINARY_TYPE;
    } else if (type instanceof CalendarIntervalType) {
      return TTypeId.STRING_TYPE;
    } else if (type instanceof DayTimeIntervalType) {
      return TTypeId.INTERVAL_DAY_TIME_TYPE;
    } else if (type instanceof YearMonthIntervalType) {
      return TTypeId.INTERVAL_YEAR_MONTH_TYPE;
    } else if (type instanceof ArrayType) {
      return TTypeId.ARRAY_TYPE;
    } else if (type instanceof MapType) {
      return TTypeId.MAP_TYPE;
    } else if (type instanceof StructType) {
      return TTypeId.STRUCT_TYPE;
    } else if (type instanceof UserDefinedType<?>) {
      return TTypeId.USER_DEFINED_TYPE;
    }
    return TTypeId.STRING_TYPE;
  }
}
