package io.sluice.jdbc;

import io.sluice.jdbc.client.Column;
import java.sql.Types;

/** How each server type appears through JDBC: type code, name, Java class, sizes. */
final class JdbcTypes {
  private JdbcTypes() {}

  static int sqlType(Column column) {
    return switch (column.type()) {
      case BOOLEAN_TYPE -> Types.BOOLEAN;
      case TINYINT_TYPE -> Types.TINYINT;
      case SMALLINT_TYPE -> Types.SMALLINT;
      case INT_TYPE -> Types.INTEGER;
      case BIGINT_TYPE -> Types.BIGINT;
      case FLOAT_TYPE -> Types.REAL;
      case DOUBLE_TYPE -> Types.DOUBLE;
      case DECIMAL_TYPE -> Types.DECIMAL;
      case STRING_TYPE, VARCHAR_TYPE -> Types.VARCHAR;
      case CHAR_TYPE -> Types.CHAR;
      case BINARY_TYPE -> Types.VARBINARY;
      case DATE_TYPE -> Types.DATE;
      case TIMESTAMP_TYPE -> Types.TIMESTAMP;
      case ARRAY_TYPE -> Types.ARRAY;
      case STRUCT_TYPE -> Types.STRUCT;
      case MAP_TYPE, UNION_TYPE, USER_DEFINED_TYPE -> Types.JAVA_OBJECT;
      case NULL_TYPE -> Types.NULL;
      case INTERVAL_YEAR_MONTH_TYPE, INTERVAL_DAY_TIME_TYPE -> Types.OTHER;
    };
  }

  static String typeName(Column column) {
    return switch (column.type()) {
      case BOOLEAN_TYPE -> "BOOLEAN";
      case TINYINT_TYPE -> "TINYINT";
      case SMALLINT_TYPE -> "SMALLINT";
      case INT_TYPE -> "INT";
      case BIGINT_TYPE -> "BIGINT";
      case FLOAT_TYPE -> "FLOAT";
      case DOUBLE_TYPE -> "DOUBLE";
      case DECIMAL_TYPE -> "DECIMAL";
      case STRING_TYPE -> "STRING";
      case VARCHAR_TYPE -> "VARCHAR";
      case CHAR_TYPE -> "CHAR";
      case BINARY_TYPE -> "BINARY";
      case DATE_TYPE -> "DATE";
      case TIMESTAMP_TYPE -> "TIMESTAMP";
      case ARRAY_TYPE -> "ARRAY";
      case MAP_TYPE -> "MAP";
      case STRUCT_TYPE -> "STRUCT";
      case UNION_TYPE -> "UNIONTYPE";
      case USER_DEFINED_TYPE -> "USER_DEFINED";
      case NULL_TYPE -> "VOID";
      case INTERVAL_YEAR_MONTH_TYPE -> "INTERVAL_YEAR_MONTH";
      case INTERVAL_DAY_TIME_TYPE -> "INTERVAL_DAY_TIME";
    };
  }

  /** The class {@link java.sql.ResultSet#getObject(int)} returns for the column. */
  static Class<?> javaClass(Column column) {
    return switch (column.type()) {
      case BOOLEAN_TYPE -> Boolean.class;
      case TINYINT_TYPE -> Byte.class;
      case SMALLINT_TYPE -> Short.class;
      case INT_TYPE -> Integer.class;
      case BIGINT_TYPE -> Long.class;
      case FLOAT_TYPE -> Float.class;
      case DOUBLE_TYPE -> Double.class;
      case DECIMAL_TYPE -> java.math.BigDecimal.class;
      case BINARY_TYPE -> byte[].class;
      case DATE_TYPE -> java.sql.Date.class;
      case TIMESTAMP_TYPE -> java.sql.Timestamp.class;
      case NULL_TYPE -> Object.class;
      default -> String.class;
    };
  }

  /** Digits for numbers, characters for text, JDBC's conventional sizes for dates and times. */
  static int precision(Column column) {
    return switch (column.type()) {
      case BOOLEAN_TYPE -> 1;
      case TINYINT_TYPE -> 3;
      case SMALLINT_TYPE -> 5;
      case INT_TYPE -> 10;
      case BIGINT_TYPE -> 19;
      case FLOAT_TYPE -> 7;
      case DOUBLE_TYPE -> 15;
      case DECIMAL_TYPE -> column.precision().orElse(38);
      case VARCHAR_TYPE, CHAR_TYPE -> column.precision().orElse(Integer.MAX_VALUE);
      case DATE_TYPE -> 10;
      case TIMESTAMP_TYPE -> 29;
      default -> Integer.MAX_VALUE;
    };
  }

  static int scale(Column column) {
    return switch (column.type()) {
      case DECIMAL_TYPE -> column.scale().orElse(18);
      case FLOAT_TYPE -> 7;
      case DOUBLE_TYPE -> 15;
      case TIMESTAMP_TYPE -> 9;
      default -> 0;
    };
  }

  static int displaySize(Column column) {
    return switch (column.type()) {
      case BOOLEAN_TYPE -> 5;
      case TINYINT_TYPE -> 4;
      case SMALLINT_TYPE -> 6;
      case INT_TYPE -> 11;
      case BIGINT_TYPE -> 20;
      case FLOAT_TYPE -> 15;
      case DOUBLE_TYPE -> 24;
      case DECIMAL_TYPE -> precision(column) + 2;
      default -> precision(column);
    };
  }

  static boolean isSigned(Column column) {
    return switch (column.type()) {
      case TINYINT_TYPE,
          SMALLINT_TYPE,
          INT_TYPE,
          BIGINT_TYPE,
          FLOAT_TYPE,
          DOUBLE_TYPE,
          DECIMAL_TYPE ->
          true;
      default -> false;
    };
  }

  static boolean isCaseSensitive(Column column) {
    return switch (column.type()) {
      case STRING_TYPE, VARCHAR_TYPE, CHAR_TYPE -> true;
      default -> false;
    };
  }
}
