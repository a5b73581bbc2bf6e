package io.sluice.engine.metadata;

import java.sql.Types;
import org.apache.spark.sql.types.AnsiIntervalType;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.CalendarIntervalType;
import org.apache.spark.sql.types.CharType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.IntegralType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.NullType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;

/**
 * The GetColumns facts Spark's Thrift server derives from a column's Spark type: the {@code
 * java.sql.Types} code, column size, decimal digits and radix. {@code null} means not applicable.
 */
public final class SparkColumnFacts {
  private SparkColumnFacts() {}

  /** The {@code java.sql.Types} code (DATA_TYPE). */
  public static int javaSqlType(DataType type) {
    if (type instanceof NullType) {
      return Types.NULL;
    } else if (type instanceof BooleanType) {
      return Types.BOOLEAN;
    } else if (type instanceof ByteType) {
      return Types.TINYINT;
    } else if (type instanceof ShortType) {
      return Types.SMALLINT;
    } else if (type instanceof IntegerType) {
      return Types.INTEGER;
    } else if (type instanceof LongType) {
      return Types.BIGINT;
    } else if (type instanceof FloatType) {
      return Types.FLOAT;
    } else if (type instanceof DoubleType) {
      return Types.DOUBLE;
    } else if (type instanceof DecimalType) {
      return Types.DECIMAL;
    } else if (type instanceof CharType) {
      return Types.CHAR;
    } else if (type instanceof StringType) {
      return Types.VARCHAR;
    } else if (type instanceof BinaryType) {
      return Types.BINARY;
    } else if (type instanceof DateType) {
      return Types.DATE;
    } else if (type instanceof TimestampType || type instanceof TimestampNTZType) {
      return Types.TIMESTAMP;
    } else if (type instanceof ArrayType) {
      return Types.ARRAY;
    } else if (type instanceof MapType) {
      return Types.JAVA_OBJECT;
    } else if (type instanceof StructType) {
      return Types.STRUCT;
    }
    return Types.OTHER;
  }

  /**
   * COLUMN_SIZE: the default size of fixed-size types, the length of a char, the sum of a struct of
   * fixed-size fields; {@code null} for strings, binaries, arrays and maps.
   */
  public static Integer columnSize(DataType type) {
    if (type instanceof CharType charType) {
      return charType.length();
    }
    if (type instanceof BooleanType
        || type instanceof NumericType
        || type instanceof DateType
        || type instanceof TimestampType
        || type instanceof TimestampNTZType
        || type instanceof CalendarIntervalType
        || type instanceof NullType
        || type instanceof AnsiIntervalType) {
      return type.defaultSize();
    }
    if (type instanceof StructType struct) {
      int total = 0;
      for (StructField field : struct.fields()) {
        Integer size = columnSize(field.dataType());
        if (size == null) {
          return null;
        }
        total += size;
      }
      return total;
    }
    return null;
  }

  /** DECIMAL_DIGITS: 0 for booleans and integers, 7/15 for float/double, the decimal scale. */
  public static Integer decimalDigits(DataType type) {
    if (type instanceof BooleanType || type instanceof IntegralType) {
      return 0;
    } else if (type instanceof FloatType) {
      return 7;
    } else if (type instanceof DoubleType) {
      return 15;
    } else if (type instanceof DecimalType decimal) {
      return decimal.scale();
    } else if (type instanceof TimestampType || type instanceof TimestampNTZType) {
      return 6;
    }
    return null;
  }

  /** NUM_PREC_RADIX: 10 for numeric types. */
  public static Integer numericPrecisionRadix(DataType type) {
    return type instanceof NumericType ? 10 : null;
  }
}
