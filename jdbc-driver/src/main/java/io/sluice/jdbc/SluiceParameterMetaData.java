package io.sluice.jdbc;

import java.sql.ParameterMetaData;
import java.sql.SQLException;
import java.sql.Types;

/** How many parameters a statement has; their types are not known before it runs. */
final class SluiceParameterMetaData implements ParameterMetaData {
  private final int count;

  SluiceParameterMetaData(int count) {
    this.count = count;
  }

  private void check(int parameter) throws SQLException {
    if (parameter < 1 || parameter > count) {
      throw new SQLException("Parameter index " + parameter + " is outside 1.." + count, "07009");
    }
  }

  @Override
  public int getParameterCount() {
    return count;
  }

  @Override
  public int isNullable(int parameter) throws SQLException {
    check(parameter);
    return parameterNullableUnknown;
  }

  @Override
  public boolean isSigned(int parameter) throws SQLException {
    check(parameter);
    return false;
  }

  @Override
  public int getPrecision(int parameter) throws SQLException {
    check(parameter);
    return 0;
  }

  @Override
  public int getScale(int parameter) throws SQLException {
    check(parameter);
    return 0;
  }

  @Override
  public int getParameterType(int parameter) throws SQLException {
    check(parameter);
    return Types.OTHER;
  }

  @Override
  public String getParameterTypeName(int parameter) throws SQLException {
    check(parameter);
    return "UNKNOWN";
  }

  @Override
  public String getParameterClassName(int parameter) throws SQLException {
    check(parameter);
    return Object.class.getName();
  }

  @Override
  public int getParameterMode(int parameter) throws SQLException {
    check(parameter);
    return parameterModeIn;
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
