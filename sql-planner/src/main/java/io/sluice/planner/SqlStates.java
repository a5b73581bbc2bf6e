package io.sluice.planner;

/**
 * The SQLSTATEs the planner answers with.
 *
 * <ul>
 *   <li>{@value #SYNTAX_ERROR} (syntax error or access rule violation, the class Spark itself uses
 *       for {@code PARSE_SYNTAX_ERROR}): the text is not a Spark SQL statement.
 *   <li>{@value #INSUFFICIENT_PRIVILEGE}: the statement parses but would reach around the gateway
 *       (files, code, engine settings); it is refused whoever sends it.
 *   <li>{@value #FEATURE_NOT_SUPPORTED}: valid Spark SQL the gateway does not run (yet).
 * </ul>
 */
public final class SqlStates {
  public static final String SYNTAX_ERROR = "42601";
  public static final String INSUFFICIENT_PRIVILEGE = "42501";
  public static final String FEATURE_NOT_SUPPORTED = "0A000";

  private SqlStates() {}
}
