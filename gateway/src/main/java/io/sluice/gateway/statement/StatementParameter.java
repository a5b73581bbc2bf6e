package io.sluice.gateway.statement;

/**
 * One named parameter of the Statement Execution API: {@code value} is text (null means SQL NULL),
 * {@code type} a Spark SQL type name (STRING when absent).
 */
public record StatementParameter(String name, String value, String type) {}
