package io.sluice.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;

/**
 * The half of {@link ResultSet} a read-only, forward-only result never supports: every update,
 * insert and delete method throws {@link SQLFeatureNotSupportedException}.
 */
abstract class ReadOnlyResultSet implements ResultSet {
  private static SQLException readOnly() {
    return new SQLFeatureNotSupportedException("Results are read-only");
  }

  @Override
  public final boolean rowUpdated() {
    return false;
  }

  @Override
  public final boolean rowInserted() {
    return false;
  }

  @Override
  public final boolean rowDeleted() {
    return false;
  }

  @Override
  public final void updateNull(int column) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateBoolean(int column, boolean value1) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateByte(int column, byte value1) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateShort(int column, short value1) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateInt(int column, int value1) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateLong(int column, long value1) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateFloat(int column, float value1) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateDouble(int column, double value1) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateBigDecimal(int column, java.math.BigDecimal value1) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateString(int column, java.lang.String value1) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateBytes(int column, byte[] value1) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateDate(int column, java.sql.Date value1) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateTime(int column, java.sql.Time value1) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateTimestamp(int column, java.sql.Timestamp value1) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateAsciiStream(int column, java.io.InputStream value1, int value2)
      throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateBinaryStream(int column, java.io.InputStream value1, int value2)
      throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateCharacterStream(int column, java.io.Reader value1, int value2)
      throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateObject(int column, java.lang.Object value1, int value2)
      throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateObject(int column, java.lang.Object value1) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateNull(java.lang.String column) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateBoolean(java.lang.String column, boolean value1) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateByte(java.lang.String column, byte value1) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateShort(java.lang.String column, short value1) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateInt(java.lang.String column, int value1) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateLong(java.lang.String column, long value1) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateFloat(java.lang.String column, float value1) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateDouble(java.lang.String column, double value1) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateBigDecimal(java.lang.String column, java.math.BigDecimal value1)
      throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateString(java.lang.String column, java.lang.String value1)
      throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateBytes(java.lang.String column, byte[] value1) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateDate(java.lang.String column, java.sql.Date value1) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateTime(java.lang.String column, java.sql.Time value1) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateTimestamp(java.lang.String column, java.sql.Timestamp value1)
      throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateAsciiStream(
      java.lang.String column, java.io.InputStream value1, int value2) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateBinaryStream(
      java.lang.String column, java.io.InputStream value1, int value2) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateCharacterStream(
      java.lang.String column, java.io.Reader value1, int value2) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateObject(java.lang.String column, java.lang.Object value1, int value2)
      throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateObject(java.lang.String column, java.lang.Object value1)
      throws SQLException {
    throw readOnly();
  }

  @Override
  public final void insertRow() throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateRow() throws SQLException {
    throw readOnly();
  }

  @Override
  public final void deleteRow() throws SQLException {
    throw readOnly();
  }

  @Override
  public final void refreshRow() throws SQLException {
    throw readOnly();
  }

  @Override
  public final void cancelRowUpdates() throws SQLException {
    throw readOnly();
  }

  @Override
  public final void moveToInsertRow() throws SQLException {
    throw readOnly();
  }

  @Override
  public final void moveToCurrentRow() throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateRef(int column, java.sql.Ref value1) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateRef(java.lang.String column, java.sql.Ref value1) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateBlob(int column, java.sql.Blob value1) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateBlob(java.lang.String column, java.sql.Blob value1) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateClob(int column, java.sql.Clob value1) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateClob(java.lang.String column, java.sql.Clob value1) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateArray(int column, java.sql.Array value1) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateArray(java.lang.String column, java.sql.Array value1)
      throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateRowId(int column, java.sql.RowId value1) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateRowId(java.lang.String column, java.sql.RowId value1)
      throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateNString(int column, java.lang.String value1) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateNString(java.lang.String column, java.lang.String value1)
      throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateNClob(int column, java.sql.NClob value1) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateNClob(java.lang.String column, java.sql.NClob value1)
      throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateSQLXML(int column, java.sql.SQLXML value1) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateSQLXML(java.lang.String column, java.sql.SQLXML value1)
      throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateNCharacterStream(int column, java.io.Reader value1, long value2)
      throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateNCharacterStream(
      java.lang.String column, java.io.Reader value1, long value2) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateAsciiStream(int column, java.io.InputStream value1, long value2)
      throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateBinaryStream(int column, java.io.InputStream value1, long value2)
      throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateCharacterStream(int column, java.io.Reader value1, long value2)
      throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateAsciiStream(
      java.lang.String column, java.io.InputStream value1, long value2) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateBinaryStream(
      java.lang.String column, java.io.InputStream value1, long value2) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateCharacterStream(
      java.lang.String column, java.io.Reader value1, long value2) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateBlob(int column, java.io.InputStream value1, long value2)
      throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateBlob(java.lang.String column, java.io.InputStream value1, long value2)
      throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateClob(int column, java.io.Reader value1, long value2) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateClob(java.lang.String column, java.io.Reader value1, long value2)
      throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateNClob(int column, java.io.Reader value1, long value2)
      throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateNClob(java.lang.String column, java.io.Reader value1, long value2)
      throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateNCharacterStream(int column, java.io.Reader value1) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateNCharacterStream(java.lang.String column, java.io.Reader value1)
      throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateAsciiStream(int column, java.io.InputStream value1) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateBinaryStream(int column, java.io.InputStream value1) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateCharacterStream(int column, java.io.Reader value1) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateAsciiStream(java.lang.String column, java.io.InputStream value1)
      throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateBinaryStream(java.lang.String column, java.io.InputStream value1)
      throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateCharacterStream(java.lang.String column, java.io.Reader value1)
      throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateBlob(int column, java.io.InputStream value1) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateBlob(java.lang.String column, java.io.InputStream value1)
      throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateClob(int column, java.io.Reader value1) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateClob(java.lang.String column, java.io.Reader value1) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateNClob(int column, java.io.Reader value1) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateNClob(java.lang.String column, java.io.Reader value1)
      throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateObject(
      int column, java.lang.Object value1, java.sql.SQLType value2, int value3)
      throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateObject(
      java.lang.String column, java.lang.Object value1, java.sql.SQLType value2, int value3)
      throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateObject(int column, java.lang.Object value1, java.sql.SQLType value2)
      throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateObject(
      java.lang.String column, java.lang.Object value1, java.sql.SQLType value2)
      throws SQLException {
    throw readOnly();
  }
}
