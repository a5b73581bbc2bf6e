package io.sluice.protocol.rowset;

import io.sluice.protocol.thrift.TColumn;

/** Accumulates the values of one result column, row by row, and builds its {@code TColumn}. */
public interface ColumnBuilder {

  /** Appends a NULL: the null bit is set and a type-specific placeholder value is stored. */
  void appendNull();

  /**
   * Appends a value of any supported Java type, converting it to this column's Thrift kind; {@code
   * null} appends a NULL. This is the convenient, boxing path for small results such as metadata.
   */
  void appendObject(Object value);

  /** The number of rows appended so far. */
  int size();

  /** The Thrift column holding every appended row. */
  TColumn build();
}
