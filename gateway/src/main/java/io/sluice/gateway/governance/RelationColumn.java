package io.sluice.gateway.governance;

import static java.util.Objects.requireNonNull;

/**
 * One column of a read-only relation the gateway serves to engines: its name and Spark SQL type
 * ({@code string}, {@code int}, {@code bigint}, {@code boolean}, {@code timestamp}, {@code date},
 * {@code map<string,string>} or a {@code struct} of those), as the engine declares it.
 */
record RelationColumn(String name, String type) {
  RelationColumn {
    requireNonNull(name, "name is null");
    requireNonNull(type, "type is null");
  }

  static RelationColumn string(String name) {
    return new RelationColumn(name, "string");
  }
}
