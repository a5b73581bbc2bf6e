package io.sluice.governance.securable;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * A SQL function: {@code CREATE FUNCTION name(parameters) RETURNS type RETURN body}. Row filters
 * and column masks are such functions.
 */
public record FunctionDefinition(
    SecurableName name,
    List<ColumnDefinition> parameters,
    String returnType,
    String body,
    Optional<String> comment) {
  public FunctionDefinition {
    requireNonNull(name, "name is null");
    parameters = List.copyOf(parameters);
    requireNonNull(returnType, "returnType is null");
    requireNonNull(body, "body is null");
    requireNonNull(comment, "comment is null");
    if (name.type() != SecurableType.FUNCTION) {
      throw new IllegalArgumentException("A function definition needs a function name");
    }
  }
}
