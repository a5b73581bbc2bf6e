package io.sluice.jdbc;

import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Struct;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A STRUCT value: its fields in declaration order, read from the server's JSON text. */
final class SluiceStruct implements Struct {
  private final String typeName;
  private final List<Object> attributes;

  SluiceStruct(String typeName, List<?> attributes) {
    this.typeName = typeName;
    this.attributes = new ArrayList<>(attributes);
  }

  @Override
  public String getSQLTypeName() {
    return typeName;
  }

  @Override
  public Object[] getAttributes() {
    return attributes.toArray();
  }

  @Override
  public Object[] getAttributes(Map<String, Class<?>> map) throws SQLException {
    throw new SQLFeatureNotSupportedException("Type maps are not supported");
  }

  @Override
  public String toString() {
    return attributes.toString();
  }
}
