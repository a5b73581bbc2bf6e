package io.sluice.jdbc;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HexFormat;

/**
 * Renders a parameter value as a Spark SQL literal that the parser reads back as exactly that
 * value, whatever characters it holds: the only way a bound value reaches the server, so it is the
 * one place that must keep values from being read as SQL.
 *
 * <p>String literals are single-quoted with backslash and quote escaped by a backslash (Spark and
 * Hive unescape {@code \\} and {@code \'} inside quotes), so no value can close the literal early.
 */
final class SqlLiterals {
  private SqlLiterals() {}

  static String literal(Object value) throws SQLException {
    if (value == null) {
      return "NULL";
    }
    if (value instanceof String text) {
      return string(text);
    }
    if (value instanceof Character character) {
      return string(character.toString());
    }
    if (value instanceof Boolean bool) {
      return bool ? "TRUE" : "FALSE";
    }
    if (value instanceof Byte number) {
      return "CAST(" + number + " AS TINYINT)";
    }
    if (value instanceof Short number) {
      return "CAST(" + number + " AS SMALLINT)";
    }
    if (value instanceof Integer number) {
      return "CAST(" + number + " AS INT)";
    }
    if (value instanceof Long number) {
      return "CAST(" + number + " AS BIGINT)";
    }
    if (value instanceof Float number) {
      return "CAST('" + number + "' AS FLOAT)";
    }
    if (value instanceof Double number) {
      return "CAST('" + number + "' AS DOUBLE)";
    }
    if (value instanceof BigDecimal number) {
      return decimal(number);
    }
    if (value instanceof BigInteger number) {
      return decimal(new BigDecimal(number));
    }
    if (value instanceof byte[] bytes) {
      return "X'" + HexFormat.of().formatHex(bytes) + "'";
    }
    if (value instanceof Timestamp timestamp) {
      return "TIMESTAMP '" + timestamp + "'";
    }
    if (value instanceof Date date) {
      return "DATE '" + date + "'";
    }
    if (value instanceof Time time) {
      return string(time.toString());
    }
    if (value instanceof LocalDate date) {
      return "DATE '" + date + "'";
    }
    if (value instanceof LocalDateTime dateTime) {
      return "TIMESTAMP '" + Timestamp.valueOf(dateTime) + "'";
    }
    if (value instanceof LocalTime time) {
      return string(time.toString());
    }
    throw new SQLFeatureNotSupportedException(
        "Parameters of type " + value.getClass().getName() + " are not supported");
  }

  static String string(String text) {
    StringBuilder literal = new StringBuilder(text.length() + 2).append('\'');
    for (int index = 0; index < text.length(); index++) {
      char character = text.charAt(index);
      if (character == '\\' || character == '\'') {
        literal.append('\\');
      }
      literal.append(character);
    }
    return literal.append('\'').toString();
  }

  private static String decimal(BigDecimal number) throws SQLException {
    BigDecimal value = number.scale() < 0 ? number.setScale(0) : number;
    int scale = value.scale();
    int precision = Math.max(value.precision(), scale + 1);
    if (precision > 38) {
      throw new SQLException("Decimal parameter " + value + " has more than 38 digits", "22003");
    }
    return "CAST('" + value.toPlainString() + "' AS DECIMAL(" + precision + "," + scale + "))";
  }
}
