package io.sluice.jdbc;

import io.sluice.jdbc.client.Column;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.List;

/** Column names, types, sizes and nullability of a result. */
final class SluiceResultSetMetaData implements ResultSetMetaData {
  private final List<Column> columns;

  SluiceResultSetMetaData(List<Column> columns) {
    this.columns = List.copyOf(columns);
  }

  private Column column(int column) throws SQLException {
    if (column < 1 || column > columns.size()) {
      throw new SQLException(
          "Column index " + column + " is outside 1.." + columns.size(), "07009");
    }
    return columns.get(column - 1);
  }

  @Override
  public int getColumnCount() {
    return columns.size();
  }

  @Override
  public boolean isAutoIncrement(int column) throws SQLException {
    column(column);
    return false;
  }

  @Override
  public boolean isCaseSensitive(int column) throws SQLException {
    return JdbcTypes.isCaseSensitive(column(column));
  }

  @Override
  public boolean isSearchable(int column) throws SQLException {
    column(column);
    return true;
  }

  @Override
  public boolean isCurrency(int column) throws SQLException {
    column(column);
    return false;
  }

  /** Servers do not say whether a result column can be NULL. */
  @Override
  public int isNullable(int column) throws SQLException {
    column(column);
    return columnNullableUnknown;
  }

  @Override
  public boolean isSigned(int column) throws SQLException {
    return JdbcTypes.isSigned(column(column));
  }

  @Override
  public int getColumnDisplaySize(int column) throws SQLException {
    return JdbcTypes.displaySize(column(column));
  }

  @Override
  public String getColumnLabel(int column) throws SQLException {
    return column(column).name();
  }

  @Override
  public String getColumnName(int column) throws SQLException {
    return column(column).name();
  }

  @Override
  public String getSchemaName(int column) throws SQLException {
    column(column);
    return "";
  }

  @Override
  public int getPrecision(int column) throws SQLException {
    return JdbcTypes.precision(column(column));
  }

  @Override
  public int getScale(int column) throws SQLException {
    return JdbcTypes.scale(column(column));
  }

  @Override
  public String getTableName(int column) throws SQLException {
    column(column);
    return "";
  }

  @Override
  public String getCatalogName(int column) throws SQLException {
    column(column);
    return "";
  }

  @Override
  public int getColumnType(int column) throws SQLException {
    return JdbcTypes.sqlType(column(column));
  }

  @Override
  public String getColumnTypeName(int column) throws SQLException {
    return JdbcTypes.typeName(column(column));
  }

  @Override
  public boolean isReadOnly(int column) throws SQLException {
    column(column);
    return true;
  }

  @Override
  public boolean isWritable(int column) throws SQLException {
    column(column);
    return false;
  }

  @Override
  public boolean isDefinitelyWritable(int column) throws SQLException {
    column(column);
    return false;
  }

  @Override
  public String getColumnClassName(int column) throws SQLException {
    return JdbcTypes.javaClass(column(column)).getName();
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
}
