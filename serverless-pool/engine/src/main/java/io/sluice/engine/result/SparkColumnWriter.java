package io.sluice.engine.result;

import io.sluice.protocol.rowset.BinaryColumnBuilder;
import io.sluice.protocol.rowset.BooleanColumnBuilder;
import io.sluice.protocol.rowset.ColumnKind;
import io.sluice.protocol.rowset.DoubleColumnBuilder;
import io.sluice.protocol.rowset.IntegralColumnBuilder;
import io.sluice.protocol.rowset.StringColumnBuilder;
import io.sluice.protocol.thrift.TColumn;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;

/**
 * Writes one column of collected Spark rows as a Thrift column, with Spark's Thrift server's type
 * mapping: boolean, tinyint, smallint, int and bigint natively, float and double as doubles (a
 * float through its decimal text), string as is, binary as bytes, and every other type as the text
 * of {@link HiveStringFormatter}.
 */
final class SparkColumnWriter {
  private enum Encoding {
    BOOLEAN,
    BYTE,
    SHORT,
    INTEGER,
    LONG,
    FLOAT,
    DOUBLE,
    STRING,
    BINARY,
    HIVE_STRING
  }

  private final int ordinal;
  private final DataType type;
  private final Encoding encoding;

  SparkColumnWriter(int ordinal, DataType type) {
    this.ordinal = ordinal;
    this.type = type;
    this.encoding = encodingOf(type);
  }

  private static Encoding encodingOf(DataType type) {
    if (type instanceof BooleanType) {
      return Encoding.BOOLEAN;
    } else if (type instanceof ByteType) {
      return Encoding.BYTE;
    } else if (type instanceof ShortType) {
      return Encoding.SHORT;
    } else if (type instanceof IntegerType) {
      return Encoding.INTEGER;
    } else if (type instanceof LongType) {
      return Encoding.LONG;
    } else if (type instanceof FloatType) {
      return Encoding.FLOAT;
    } else if (type instanceof DoubleType) {
      return Encoding.DOUBLE;
    } else if (type instanceof StringType) {
      return Encoding.STRING;
    } else if (type instanceof BinaryType) {
      return Encoding.BINARY;
    }
    return Encoding.HIVE_STRING;
  }

  /** The column of rows {@code [from, to)}. */
  TColumn write(List<Row> rows, int from, int to, HiveStringFormatter formatter) {
    int count = to - from;
    switch (encoding) {
      case BOOLEAN -> {
        BooleanColumnBuilder column = new BooleanColumnBuilder(count);
        for (int index = from; index < to; index++) {
          Row row = rows.get(index);
          if (row.isNullAt(ordinal)) {
            column.appendNull();
          } else {
            column.append(row.getBoolean(ordinal));
          }
        }
        return column.build();
      }
      case BYTE, SHORT, INTEGER, LONG -> {
        IntegralColumnBuilder column =
            new IntegralColumnBuilder(ColumnKind.valueOf(encoding.name()), count);
        for (int index = from; index < to; index++) {
          Row row = rows.get(index);
          if (row.isNullAt(ordinal)) {
            column.appendNull();
          } else {
            column.append(((Number) row.get(ordinal)).longValue());
          }
        }
        return column.build();
      }
      case FLOAT, DOUBLE -> {
        DoubleColumnBuilder column = new DoubleColumnBuilder(count);
        for (int index = from; index < to; index++) {
          Row row = rows.get(index);
          if (row.isNullAt(ordinal)) {
            column.appendNull();
          } else if (encoding == Encoding.FLOAT) {
            column.appendFloat(row.getFloat(ordinal));
          } else {
            column.append(row.getDouble(ordinal));
          }
        }
        return column.build();
      }
      case STRING -> {
        StringColumnBuilder column = new StringColumnBuilder(count);
        for (int index = from; index < to; index++) {
          Row row = rows.get(index);
          column.append(row.isNullAt(ordinal) ? null : row.getString(ordinal));
        }
        return column.build();
      }
      case BINARY -> {
        BinaryColumnBuilder column = new BinaryColumnBuilder(count);
        for (int index = from; index < to; index++) {
          Row row = rows.get(index);
          column.append(row.isNullAt(ordinal) ? null : (byte[]) row.get(ordinal));
        }
        return column.build();
      }
      default -> {
        StringColumnBuilder column = new StringColumnBuilder(count);
        for (int index = from; index < to; index++) {
          Row row = rows.get(index);
          if (row.isNullAt(ordinal)) {
            column.appendNull();
          } else {
            column.append(formatter.format(row.get(ordinal), type));
          }
        }
        return column.build();
      }
    }
  }
}
