package io.sluice.engine.samples;

import io.trino.tpcds.Table;
import io.trino.tpcds.column.Column;
import io.trino.tpcds.column.ColumnType;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Decimal;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Spark types for the generator's columns, and the conversion of its text values: identifiers are
 * {@code bigint}, integers {@code int}, decimals keep their precision and scale, dates are {@code
 * date}, and character columns are {@code string} (the generated text carries no padding).
 */
final class TpcdsColumns {
  private TpcdsColumns() {}

  static StructType schema(Table table) {
    Column[] columns = table.getColumns();
    StructField[] fields = new StructField[columns.length];
    for (int index = 0; index < columns.length; index++) {
      fields[index] =
          new StructField(
              columns[index].getName(),
              sparkType(columns[index].getType()),
              true,
              Metadata.empty());
    }
    return new StructType(fields);
  }

  static DataType sparkType(ColumnType type) {
    return switch (type.getBase()) {
      case IDENTIFIER -> DataTypes.LongType;
      case INTEGER -> DataTypes.IntegerType;
      case DECIMAL ->
          DataTypes.createDecimalType(
              type.getPrecision().orElseThrow(), type.getScale().orElseThrow());
      case DATE -> DataTypes.DateType;
      case CHAR, VARCHAR, TIME -> DataTypes.StringType;
    };
  }

  /** The Spark internal value for one generated text value; null stays null. */
  static Object value(ColumnType type, String text) {
    if (text == null) {
      return null;
    }
    return switch (type.getBase()) {
      case IDENTIFIER -> Long.parseLong(text);
      case INTEGER -> Integer.parseInt(text);
      case DECIMAL ->
          Decimal.apply(
              new BigDecimal(text),
              type.getPrecision().orElseThrow(),
              type.getScale().orElseThrow());
      case DATE -> (int) LocalDate.parse(text).toEpochDay();
      case CHAR, VARCHAR, TIME -> UTF8String.fromString(text);
    };
  }
}
