package io.sluice.jdbc;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.sluice.jdbc.client.Column;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A forward-only, read-only result over a {@link RowSource}. */
final class SluiceResultSet extends ReadOnlyResultSet {
  private final SluiceStatement statement;
  private final RowSource rows;
  private final List<Column> columns;
  private int rowNumber;
  private boolean afterLast;
  private boolean wasNull;
  private boolean closed;
  private int fetchSize;

  SluiceResultSet(SluiceStatement statement, RowSource rows, int fetchSize) {
    this.statement = statement;
    this.rows = rows;
    this.columns = rows.columns();
    this.fetchSize = fetchSize;
  }

  List<Column> columns() {
    return columns;
  }

  /** Whether the server sent this result as Arrow record batches rather than columns. */
  boolean isArrow() {
    return rows instanceof ServerRows serverRows && serverRows.isArrow();
  }

  @Override
  public boolean next() throws SQLException {
    checkOpen();
    if (afterLast) {
      return false;
    }
    if (rows.next()) {
      rowNumber++;
      return true;
    }
    afterLast = true;
    if (statement != null) {
      statement.resultExhausted(this);
    }
    return false;
  }

  @Override
  public void close() throws SQLException {
    if (closed) {
      return;
    }
    closed = true;
    rows.close();
    if (statement != null) {
      statement.resultClosed(this);
    }
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public boolean wasNull() throws SQLException {
    checkOpen();
    return wasNull;
  }

  private Object raw(int columnIndex) throws SQLException {
    checkOpen();
    if (rowNumber == 0 || afterLast) {
      throw new SQLException("The result set is not on a row", "24000");
    }
    if (columnIndex < 1 || columnIndex > columns.size()) {
      throw new SQLException(
          "Column index " + columnIndex + " is outside 1.." + columns.size(), "07009");
    }
    Object value = rows.value(columnIndex - 1);
    wasNull = value == null;
    return value;
  }

  private Column column(int columnIndex) {
    return columns.get(columnIndex - 1);
  }

  @Override
  public String getString(int columnIndex) throws SQLException {
    Object raw = raw(columnIndex);
    return ValueConversions.string(column(columnIndex), raw);
  }

  @Override
  public boolean getBoolean(int columnIndex) throws SQLException {
    Object raw = raw(columnIndex);
    return ValueConversions.booleanValue(column(columnIndex), raw);
  }

  @Override
  public byte getByte(int columnIndex) throws SQLException {
    Object raw = raw(columnIndex);
    return (byte)
        ValueConversions.longValue(column(columnIndex), raw, Byte.MIN_VALUE, Byte.MAX_VALUE);
  }

  @Override
  public short getShort(int columnIndex) throws SQLException {
    Object raw = raw(columnIndex);
    return (short)
        ValueConversions.longValue(column(columnIndex), raw, Short.MIN_VALUE, Short.MAX_VALUE);
  }

  @Override
  public int getInt(int columnIndex) throws SQLException {
    Object raw = raw(columnIndex);
    return (int)
        ValueConversions.longValue(column(columnIndex), raw, Integer.MIN_VALUE, Integer.MAX_VALUE);
  }

  @Override
  public long getLong(int columnIndex) throws SQLException {
    Object raw = raw(columnIndex);
    if (raw instanceof Long value) {
      return value;
    }
    return ValueConversions.longValue(column(columnIndex), raw, Long.MIN_VALUE, Long.MAX_VALUE);
  }

  @Override
  public float getFloat(int columnIndex) throws SQLException {
    Object raw = raw(columnIndex);
    return (float) ValueConversions.doubleValue(column(columnIndex), raw);
  }

  @Override
  public double getDouble(int columnIndex) throws SQLException {
    Object raw = raw(columnIndex);
    if (raw instanceof Double value) {
      return value;
    }
    return ValueConversions.doubleValue(column(columnIndex), raw);
  }

  @Override
  @Deprecated
  public BigDecimal getBigDecimal(int columnIndex, int scale) throws SQLException {
    BigDecimal value = getBigDecimal(columnIndex);
    return value == null ? null : value.setScale(scale, RoundingMode.HALF_UP);
  }

  @Override
  public BigDecimal getBigDecimal(int columnIndex) throws SQLException {
    Object raw = raw(columnIndex);
    return ValueConversions.decimal(column(columnIndex), raw);
  }

  @Override
  public byte[] getBytes(int columnIndex) throws SQLException {
    Object raw = raw(columnIndex);
    return ValueConversions.bytes(column(columnIndex), raw);
  }

  @Override
  public Date getDate(int columnIndex) throws SQLException {
    return getDate(columnIndex, null);
  }

  @Override
  public Time getTime(int columnIndex) throws SQLException {
    return getTime(columnIndex, null);
  }

  @Override
  public Timestamp getTimestamp(int columnIndex) throws SQLException {
    return getTimestamp(columnIndex, null);
  }

  @Override
  public Date getDate(int columnIndex, Calendar calendar) throws SQLException {
    Object raw = raw(columnIndex);
    return ValueConversions.date(column(columnIndex), raw, calendar);
  }

  @Override
  public Time getTime(int columnIndex, Calendar calendar) throws SQLException {
    Object raw = raw(columnIndex);
    return ValueConversions.time(column(columnIndex), raw, calendar);
  }

  @Override
  public Timestamp getTimestamp(int columnIndex, Calendar calendar) throws SQLException {
    Object raw = raw(columnIndex);
    return ValueConversions.timestamp(column(columnIndex), raw, calendar);
  }

  @Override
  public InputStream getAsciiStream(int columnIndex) throws SQLException {
    String value = getString(columnIndex);
    return value == null ? null : new ByteArrayInputStream(value.getBytes(UTF_8));
  }

  @Override
  @Deprecated
  public InputStream getUnicodeStream(int columnIndex) throws SQLException {
    throw new SQLFeatureNotSupportedException("getUnicodeStream is deprecated and not supported");
  }

  @Override
  public InputStream getBinaryStream(int columnIndex) throws SQLException {
    byte[] value = getBytes(columnIndex);
    return value == null ? null : new ByteArrayInputStream(value);
  }

  @Override
  public Reader getCharacterStream(int columnIndex) throws SQLException {
    String value = getString(columnIndex);
    return value == null ? null : new StringReader(value);
  }

  @Override
  public Object getObject(int columnIndex) throws SQLException {
    Object raw = raw(columnIndex);
    return ValueConversions.object(column(columnIndex), raw);
  }

  @Override
  public <T> T getObject(int columnIndex, Class<T> type) throws SQLException {
    if (type == null) {
      throw new SQLException("type is null", "HY009");
    }
    Object raw = raw(columnIndex);
    return ValueConversions.as(column(columnIndex), raw, type);
  }

  @Override
  public Object getObject(int columnIndex, Map<String, Class<?>> map) throws SQLException {
    if (map == null || map.isEmpty()) {
      return getObject(columnIndex);
    }
    throw new SQLFeatureNotSupportedException("Type maps are not supported");
  }

  @Override
  public Array getArray(int columnIndex) throws SQLException {
    Object raw = raw(columnIndex);
    return ValueConversions.array(column(columnIndex), raw);
  }

  @Override
  public String getNString(int columnIndex) throws SQLException {
    return getString(columnIndex);
  }

  @Override
  public Reader getNCharacterStream(int columnIndex) throws SQLException {
    return getCharacterStream(columnIndex);
  }

  @Override
  public Ref getRef(int columnIndex) throws SQLException {
    throw new SQLFeatureNotSupportedException("REF values are not supported");
  }

  @Override
  public Blob getBlob(int columnIndex) throws SQLException {
    throw new SQLFeatureNotSupportedException("BLOB locators are not supported; use getBytes");
  }

  @Override
  public Clob getClob(int columnIndex) throws SQLException {
    throw new SQLFeatureNotSupportedException("CLOB locators are not supported; use getString");
  }

  @Override
  public NClob getNClob(int columnIndex) throws SQLException {
    throw new SQLFeatureNotSupportedException("NCLOB locators are not supported; use getString");
  }

  @Override
  public SQLXML getSQLXML(int columnIndex) throws SQLException {
    throw new SQLFeatureNotSupportedException("SQLXML values are not supported");
  }

  @Override
  public URL getURL(int columnIndex) throws SQLException {
    throw new SQLFeatureNotSupportedException("DATALINK values are not supported");
  }

  @Override
  public RowId getRowId(int columnIndex) throws SQLException {
    throw new SQLFeatureNotSupportedException("ROWID values are not supported");
  }

  // Access by label.

  @Override
  public int findColumn(String columnLabel) throws SQLException {
    checkOpen();
    if (columnLabel == null) {
      throw new SQLException("Column label is null", "42703");
    }
    for (int index = 0; index < columns.size(); index++) {
      if (columns.get(index).name().equalsIgnoreCase(columnLabel)) {
        return index + 1;
      }
    }
    String lower = columnLabel.toLowerCase(Locale.ROOT);
    for (int index = 0; index < columns.size(); index++) {
      String name = columns.get(index).name().toLowerCase(Locale.ROOT);
      if (name.endsWith("." + lower)) {
        return index + 1;
      }
    }
    throw new SQLException("No column labelled '" + columnLabel + "' in the result", "42703");
  }

  @Override
  public String getString(String columnLabel) throws SQLException {
    return getString(findColumn(columnLabel));
  }

  @Override
  public boolean getBoolean(String columnLabel) throws SQLException {
    return getBoolean(findColumn(columnLabel));
  }

  @Override
  public byte getByte(String columnLabel) throws SQLException {
    return getByte(findColumn(columnLabel));
  }

  @Override
  public short getShort(String columnLabel) throws SQLException {
    return getShort(findColumn(columnLabel));
  }

  @Override
  public int getInt(String columnLabel) throws SQLException {
    return getInt(findColumn(columnLabel));
  }

  @Override
  public long getLong(String columnLabel) throws SQLException {
    return getLong(findColumn(columnLabel));
  }

  @Override
  public float getFloat(String columnLabel) throws SQLException {
    return getFloat(findColumn(columnLabel));
  }

  @Override
  public double getDouble(String columnLabel) throws SQLException {
    return getDouble(findColumn(columnLabel));
  }

  @Override
  @Deprecated
  public BigDecimal getBigDecimal(String columnLabel, int scale) throws SQLException {
    return getBigDecimal(findColumn(columnLabel), scale);
  }

  @Override
  public BigDecimal getBigDecimal(String columnLabel) throws SQLException {
    return getBigDecimal(findColumn(columnLabel));
  }

  @Override
  public byte[] getBytes(String columnLabel) throws SQLException {
    return getBytes(findColumn(columnLabel));
  }

  @Override
  public Date getDate(String columnLabel) throws SQLException {
    return getDate(findColumn(columnLabel));
  }

  @Override
  public Time getTime(String columnLabel) throws SQLException {
    return getTime(findColumn(columnLabel));
  }

  @Override
  public Timestamp getTimestamp(String columnLabel) throws SQLException {
    return getTimestamp(findColumn(columnLabel));
  }

  @Override
  public Date getDate(String columnLabel, Calendar calendar) throws SQLException {
    return getDate(findColumn(columnLabel), calendar);
  }

  @Override
  public Time getTime(String columnLabel, Calendar calendar) throws SQLException {
    return getTime(findColumn(columnLabel), calendar);
  }

  @Override
  public Timestamp getTimestamp(String columnLabel, Calendar calendar) throws SQLException {
    return getTimestamp(findColumn(columnLabel), calendar);
  }

  @Override
  public InputStream getAsciiStream(String columnLabel) throws SQLException {
    return getAsciiStream(findColumn(columnLabel));
  }

  @Override
  @Deprecated
  public InputStream getUnicodeStream(String columnLabel) throws SQLException {
    return getUnicodeStream(findColumn(columnLabel));
  }

  @Override
  public InputStream getBinaryStream(String columnLabel) throws SQLException {
    return getBinaryStream(findColumn(columnLabel));
  }

  @Override
  public Reader getCharacterStream(String columnLabel) throws SQLException {
    return getCharacterStream(findColumn(columnLabel));
  }

  @Override
  public Object getObject(String columnLabel) throws SQLException {
    return getObject(findColumn(columnLabel));
  }

  @Override
  public <T> T getObject(String columnLabel, Class<T> type) throws SQLException {
    return getObject(findColumn(columnLabel), type);
  }

  @Override
  public Object getObject(String columnLabel, Map<String, Class<?>> map) throws SQLException {
    return getObject(findColumn(columnLabel), map);
  }

  @Override
  public Array getArray(String columnLabel) throws SQLException {
    return getArray(findColumn(columnLabel));
  }

  @Override
  public String getNString(String columnLabel) throws SQLException {
    return getNString(findColumn(columnLabel));
  }

  @Override
  public Reader getNCharacterStream(String columnLabel) throws SQLException {
    return getNCharacterStream(findColumn(columnLabel));
  }

  @Override
  public Ref getRef(String columnLabel) throws SQLException {
    return getRef(findColumn(columnLabel));
  }

  @Override
  public Blob getBlob(String columnLabel) throws SQLException {
    return getBlob(findColumn(columnLabel));
  }

  @Override
  public Clob getClob(String columnLabel) throws SQLException {
    return getClob(findColumn(columnLabel));
  }

  @Override
  public NClob getNClob(String columnLabel) throws SQLException {
    return getNClob(findColumn(columnLabel));
  }

  @Override
  public SQLXML getSQLXML(String columnLabel) throws SQLException {
    return getSQLXML(findColumn(columnLabel));
  }

  @Override
  public URL getURL(String columnLabel) throws SQLException {
    return getURL(findColumn(columnLabel));
  }

  @Override
  public RowId getRowId(String columnLabel) throws SQLException {
    return getRowId(findColumn(columnLabel));
  }

  // Position and properties.

  @Override
  public ResultSetMetaData getMetaData() throws SQLException {
    checkOpen();
    return new SluiceResultSetMetaData(columns);
  }

  @Override
  public SQLWarning getWarnings() throws SQLException {
    checkOpen();
    return null;
  }

  @Override
  public void clearWarnings() throws SQLException {
    checkOpen();
  }

  @Override
  public String getCursorName() throws SQLException {
    throw new SQLFeatureNotSupportedException("Named cursors are not supported");
  }

  @Override
  public boolean isBeforeFirst() throws SQLException {
    checkOpen();
    return rowNumber == 0 && !afterLast;
  }

  @Override
  public boolean isAfterLast() throws SQLException {
    checkOpen();
    return afterLast && rowNumber > 0;
  }

  @Override
  public boolean isFirst() throws SQLException {
    checkOpen();
    return rowNumber == 1 && !afterLast;
  }

  @Override
  public boolean isLast() throws SQLException {
    throw new SQLFeatureNotSupportedException("isLast would need to read ahead; not supported");
  }

  @Override
  public void beforeFirst() throws SQLException {
    throw forwardOnly();
  }

  @Override
  public void afterLast() throws SQLException {
    throw forwardOnly();
  }

  @Override
  public boolean first() throws SQLException {
    throw forwardOnly();
  }

  @Override
  public boolean last() throws SQLException {
    throw forwardOnly();
  }

  @Override
  public int getRow() throws SQLException {
    checkOpen();
    return afterLast ? 0 : rowNumber;
  }

  @Override
  public boolean absolute(int row) throws SQLException {
    throw forwardOnly();
  }

  @Override
  public boolean relative(int rows) throws SQLException {
    throw forwardOnly();
  }

  @Override
  public boolean previous() throws SQLException {
    throw forwardOnly();
  }

  @Override
  public void setFetchDirection(int direction) throws SQLException {
    checkOpen();
    if (direction != FETCH_FORWARD) {
      throw forwardOnly();
    }
  }

  @Override
  public int getFetchDirection() {
    return FETCH_FORWARD;
  }

  @Override
  public void setFetchSize(int rows) throws SQLException {
    checkOpen();
    if (rows < 0) {
      throw new SQLException("Fetch size must not be negative: " + rows, "HY024");
    }
    if (rows > 0) {
      fetchSize = rows;
      if (this.rows instanceof ServerRows serverRows) {
        serverRows.fetchSize(rows);
      }
    }
  }

  @Override
  public int getFetchSize() throws SQLException {
    checkOpen();
    return fetchSize;
  }

  @Override
  public int getType() {
    return TYPE_FORWARD_ONLY;
  }

  @Override
  public int getConcurrency() {
    return CONCUR_READ_ONLY;
  }

  @Override
  public int getHoldability() {
    return CLOSE_CURSORS_AT_COMMIT;
  }

  @Override
  public Statement getStatement() {
    return statement;
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    throw new SQLException("Not a wrapper for " + type.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return type.isInstance(this);
  }

  private void checkOpen() throws SQLException {
    if (closed) {
      throw new SQLException("The result set is closed", "24000");
    }
  }

  private static SQLException forwardOnly() {
    return new SQLFeatureNotSupportedException("Results are forward-only");
  }

  static ResultSet empty(List<Column> columns) {
    return new SluiceResultSet(null, new ListRows(columns, List.of()), 0);
  }
}
