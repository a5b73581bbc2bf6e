package io.sluice.jdbc;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.List;

/**
 * A statement with positional {@code ?} parameters. HiveServer2 servers (Spark's Thrift Server,
 * Kyuubi, Sluice's Hive-protocol sessions) take no bound parameters, so each value is sent as a
 * literal rendered by {@link SqlLiterals}, which escapes it so that no value can change the
 * statement's structure.
 */
final class SluicePreparedStatement extends SluiceStatement implements PreparedStatement {
  private final String sql;
  private final ParameterizedSql parameterized;
  private final String[] literals;
  private final List<String> batch = new ArrayList<>();

  SluicePreparedStatement(SluiceConnection connection, String sql) {
    super(connection);
    this.sql = sql;
    this.parameterized = ParameterizedSql.parse(sql);
    this.literals = new String[parameterized.parameterCount()];
  }

  String renderedSql() throws SQLException {
    return parameterized.render(Arrays.asList(literals));
  }

  @Override
  public ResultSet executeQuery() throws SQLException {
    return querySql(renderedSql());
  }

  @Override
  public int executeUpdate() throws SQLException {
    return Math.toIntExact(updateSql(renderedSql()));
  }

  @Override
  public long executeLargeUpdate() throws SQLException {
    return updateSql(renderedSql());
  }

  @Override
  public boolean execute() throws SQLException {
    return executeSql(renderedSql());
  }

  @Override
  public void addBatch() throws SQLException {
    checkOpen();
    batch.add(renderedSql());
  }

  @Override
  public void clearBatch() throws SQLException {
    checkOpen();
    batch.clear();
  }

  @Override
  public long[] executeLargeBatch() throws SQLException {
    checkOpen();
    for (String rendered : batch) {
      addToBatch(rendered);
    }
    batch.clear();
    return runBatch();
  }

  @Override
  public int[] executeBatch() throws SQLException {
    long[] counts = executeLargeBatch();
    return Arrays.stream(counts)
        .mapToInt(count -> (int) Math.min(count, Integer.MAX_VALUE))
        .toArray();
  }

  // The SQL text is fixed: the Statement methods taking SQL are not for prepared statements.

  @Override
  public ResultSet executeQuery(String sql) throws SQLException {
    throw notWithSql();
  }

  @Override
  public int executeUpdate(String sql) throws SQLException {
    throw notWithSql();
  }

  @Override
  public long executeLargeUpdate(String sql) throws SQLException {
    throw notWithSql();
  }

  @Override
  public boolean execute(String sql) throws SQLException {
    throw notWithSql();
  }

  @Override
  public void addBatch(String sql) throws SQLException {
    throw notWithSql();
  }

  private static SQLException notWithSql() {
    return new SQLException(
        "A PreparedStatement runs its own SQL; use the methods without SQL", "HY000");
  }

  private void bind(int index, Object value) throws SQLException {
    checkOpen();
    if (index < 1 || index > literals.length) {
      throw new SQLException(
          "Parameter index " + index + " is outside 1.." + literals.length, "07009");
    }
    literals[index - 1] = SqlLiterals.literal(value);
  }

  @Override
  public void clearParameters() throws SQLException {
    checkOpen();
    Arrays.fill(literals, null);
  }

  @Override
  public void setNull(int index, int sqlType) throws SQLException {
    bind(index, null);
  }

  @Override
  public void setNull(int index, int sqlType, String typeName) throws SQLException {
    bind(index, null);
  }

  @Override
  public void setBoolean(int index, boolean value) throws SQLException {
    bind(index, value);
  }

  @Override
  public void setByte(int index, byte value) throws SQLException {
    bind(index, value);
  }

  @Override
  public void setShort(int index, short value) throws SQLException {
    bind(index, value);
  }

  @Override
  public void setInt(int index, int value) throws SQLException {
    bind(index, value);
  }

  @Override
  public void setLong(int index, long value) throws SQLException {
    bind(index, value);
  }

  @Override
  public void setFloat(int index, float value) throws SQLException {
    bind(index, value);
  }

  @Override
  public void setDouble(int index, double value) throws SQLException {
    bind(index, value);
  }

  @Override
  public void setBigDecimal(int index, BigDecimal value) throws SQLException {
    bind(index, value);
  }

  @Override
  public void setString(int index, String value) throws SQLException {
    bind(index, value);
  }

  @Override
  public void setNString(int index, String value) throws SQLException {
    bind(index, value);
  }

  @Override
  public void setBytes(int index, byte[] value) throws SQLException {
    bind(index, value);
  }

  @Override
  public void setDate(int index, Date value) throws SQLException {
    bind(index, value);
  }

  @Override
  public void setTime(int index, Time value) throws SQLException {
    bind(index, value);
  }

  @Override
  public void setTimestamp(int index, Timestamp value) throws SQLException {
    bind(index, value);
  }

  @Override
  public void setDate(int index, Date value, Calendar calendar) throws SQLException {
    if (value == null || calendar == null) {
      bind(index, value);
      return;
    }
    bind(
        index,
        java.time.Instant.ofEpochMilli(value.getTime())
            .atZone(calendar.getTimeZone().toZoneId())
            .toLocalDate());
  }

  @Override
  public void setTime(int index, Time value, Calendar calendar) throws SQLException {
    if (value == null || calendar == null) {
      bind(index, value);
      return;
    }
    bind(
        index,
        java.time.Instant.ofEpochMilli(value.getTime())
            .atZone(calendar.getTimeZone().toZoneId())
            .toLocalTime());
  }

  @Override
  public void setTimestamp(int index, Timestamp value, Calendar calendar) throws SQLException {
    if (value == null || calendar == null) {
      bind(index, value);
      return;
    }
    bind(index, value.toInstant().atZone(calendar.getTimeZone().toZoneId()).toLocalDateTime());
  }

  @Override
  public void setObject(int index, Object value) throws SQLException {
    if (value instanceof java.util.Date date
        && !(value instanceof Date || value instanceof Time || value instanceof Timestamp)) {
      value = new Timestamp(date.getTime());
    }
    bind(index, value);
  }

  @Override
  public void setObject(int index, Object value, int targetSqlType) throws SQLException {
    setObject(index, convert(value, targetSqlType));
  }

  @Override
  public void setObject(int index, Object value, int targetSqlType, int scaleOrLength)
      throws SQLException {
    Object converted = convert(value, targetSqlType);
    if (converted instanceof BigDecimal decimal
        && (targetSqlType == Types.DECIMAL || targetSqlType == Types.NUMERIC)) {
      converted = decimal.setScale(scaleOrLength, java.math.RoundingMode.HALF_UP);
    }
    setObject(index, converted);
  }

  private static Object convert(Object value, int targetSqlType) throws SQLException {
    if (value == null) {
      return null;
    }
    return switch (targetSqlType) {
      case Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.NVARCHAR, Types.NCHAR ->
          value.toString();
      case Types.BOOLEAN, Types.BIT ->
          value instanceof Boolean
              ? value
              : value instanceof Number number
                  ? number.doubleValue() != 0
                  : Boolean.parseBoolean(value.toString());
      case Types.TINYINT -> numeric(value).byteValueExact();
      case Types.SMALLINT -> numeric(value).shortValueExact();
      case Types.INTEGER -> numeric(value).intValueExact();
      case Types.BIGINT -> numeric(value).longValueExact();
      case Types.REAL -> numeric(value).floatValue();
      case Types.FLOAT, Types.DOUBLE -> numeric(value).doubleValue();
      case Types.DECIMAL, Types.NUMERIC -> numeric(value);
      case Types.DATE ->
          value instanceof Date ? value : Date.valueOf(value.toString().substring(0, 10));
      case Types.TIMESTAMP ->
          value instanceof Timestamp ? value : Timestamp.valueOf(value.toString());
      case Types.OTHER, Types.JAVA_OBJECT, Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY ->
          value;
      default ->
          throw new SQLFeatureNotSupportedException(
              "Parameters of JDBC type " + targetSqlType + " are not supported");
    };
  }

  private static BigDecimal numeric(Object value) throws SQLException {
    try {
      if (value instanceof BigDecimal decimal) {
        return decimal;
      }
      if (value instanceof Boolean bool) {
        return bool ? BigDecimal.ONE : BigDecimal.ZERO;
      }
      return new BigDecimal(value.toString().trim());
    } catch (NumberFormatException | ArithmeticException e) {
      throw new SQLException("Cannot use '" + value + "' as a number", "22018", e);
    }
  }

  @Override
  public void setAsciiStream(int index, InputStream value, int length) throws SQLException {
    setAsciiStream(index, value, (long) length);
  }

  @Override
  public void setAsciiStream(int index, InputStream value, long length) throws SQLException {
    bind(index, value == null ? null : new String(read(value, length), UTF_8));
  }

  @Override
  public void setAsciiStream(int index, InputStream value) throws SQLException {
    setAsciiStream(index, value, -1L);
  }

  @Override
  @Deprecated
  public void setUnicodeStream(int index, InputStream value, int length) throws SQLException {
    throw new SQLFeatureNotSupportedException("setUnicodeStream is deprecated and not supported");
  }

  @Override
  public void setBinaryStream(int index, InputStream value, int length) throws SQLException {
    setBinaryStream(index, value, (long) length);
  }

  @Override
  public void setBinaryStream(int index, InputStream value, long length) throws SQLException {
    bind(index, value == null ? null : read(value, length));
  }

  @Override
  public void setBinaryStream(int index, InputStream value) throws SQLException {
    setBinaryStream(index, value, -1L);
  }

  @Override
  public void setCharacterStream(int index, Reader reader, int length) throws SQLException {
    setCharacterStream(index, reader, (long) length);
  }

  @Override
  public void setCharacterStream(int index, Reader reader, long length) throws SQLException {
    bind(index, reader == null ? null : read(reader, length));
  }

  @Override
  public void setCharacterStream(int index, Reader reader) throws SQLException {
    setCharacterStream(index, reader, -1L);
  }

  @Override
  public void setNCharacterStream(int index, Reader value, long length) throws SQLException {
    setCharacterStream(index, value, length);
  }

  @Override
  public void setNCharacterStream(int index, Reader value) throws SQLException {
    setCharacterStream(index, value);
  }

  private static byte[] read(InputStream input, long length) throws SQLException {
    try {
      return length < 0 ? input.readAllBytes() : input.readNBytes(Math.toIntExact(length));
    } catch (IOException e) {
      throw new SQLException("Cannot read the parameter stream: " + e.getMessage(), "HY000", e);
    }
  }

  private static String read(Reader reader, long length) throws SQLException {
    try {
      StringBuilder text = new StringBuilder();
      char[] buffer = new char[8192];
      long remaining = length < 0 ? Long.MAX_VALUE : length;
      int count;
      while (remaining > 0
          && (count = reader.read(buffer, 0, (int) Math.min(buffer.length, remaining))) > 0) {
        text.append(buffer, 0, count);
        remaining -= count;
      }
      return text.toString();
    } catch (IOException e) {
      throw new SQLException("Cannot read the parameter reader: " + e.getMessage(), "HY000", e);
    }
  }

  @Override
  public void setRef(int index, Ref value) throws SQLException {
    throw unsupportedType("REF");
  }

  @Override
  public void setBlob(int index, Blob value) throws SQLException {
    throw unsupportedType("BLOB");
  }

  @Override
  public void setBlob(int index, InputStream value, long length) throws SQLException {
    setBinaryStream(index, value, length);
  }

  @Override
  public void setBlob(int index, InputStream value) throws SQLException {
    setBinaryStream(index, value);
  }

  @Override
  public void setClob(int index, Clob value) throws SQLException {
    throw unsupportedType("CLOB");
  }

  @Override
  public void setClob(int index, Reader reader, long length) throws SQLException {
    setCharacterStream(index, reader, length);
  }

  @Override
  public void setClob(int index, Reader reader) throws SQLException {
    setCharacterStream(index, reader);
  }

  @Override
  public void setNClob(int index, NClob value) throws SQLException {
    throw unsupportedType("NCLOB");
  }

  @Override
  public void setNClob(int index, Reader reader, long length) throws SQLException {
    setCharacterStream(index, reader, length);
  }

  @Override
  public void setNClob(int index, Reader reader) throws SQLException {
    setCharacterStream(index, reader);
  }

  @Override
  public void setArray(int index, Array value) throws SQLException {
    throw unsupportedType("ARRAY");
  }

  @Override
  public void setURL(int index, URL value) throws SQLException {
    throw unsupportedType("DATALINK");
  }

  @Override
  public void setRowId(int index, RowId value) throws SQLException {
    throw unsupportedType("ROWID");
  }

  @Override
  public void setSQLXML(int index, SQLXML value) throws SQLException {
    throw unsupportedType("SQLXML");
  }

  private static SQLException unsupportedType(String type) {
    return new SQLFeatureNotSupportedException(type + " parameters are not supported");
  }

  /** Unknown before the statement runs: servers describe no statement in advance. */
  @Override
  public ResultSetMetaData getMetaData() throws SQLException {
    checkOpen();
    return null;
  }

  @Override
  public ParameterMetaData getParameterMetaData() throws SQLException {
    checkOpen();
    return new SluiceParameterMetaData(literals.length);
  }

  @Override
  public String toString() {
    return "SluicePreparedStatement[" + sql + "]";
  }
}
