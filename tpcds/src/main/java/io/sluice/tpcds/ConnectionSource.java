package io.sluice.tpcds;

import java.sql.Connection;
import java.sql.SQLException;

/** Opens connections to one side of a comparison: Sluice, or Spark reached directly. */
@FunctionalInterface
public interface ConnectionSource {
  Connection open() throws SQLException;
}
