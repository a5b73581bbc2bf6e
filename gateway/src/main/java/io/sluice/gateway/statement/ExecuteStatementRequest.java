package io.sluice.gateway.statement;

import java.util.List;

/** The body of {@code POST /api/2.0/sql/statements}, field names in snake_case on the wire. */
public record ExecuteStatementRequest(
    String statement,
    String warehouseId,
    String catalog,
    String schema,
    List<StatementParameter> parameters,
    String waitTimeout,
    String onWaitTimeout,
    String disposition,
    String format,
    Long rowLimit,
    Long byteLimit) {
  public ExecuteStatementRequest {
    parameters = parameters == null ? List.of() : List.copyOf(parameters);
  }
}
