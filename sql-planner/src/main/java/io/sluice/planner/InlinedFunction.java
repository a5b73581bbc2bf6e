package io.sluice.planner;

import java.util.List;

/**
 * A SQL function of the metastore as the engine runs it: its body, with the arguments of one call
 * in place of its parameters. Engines have no catalog of these functions; each call is inlined.
 */
@FunctionalInterface
public interface InlinedFunction {
  /**
   * @param arguments the Spark SQL text of each argument of the call, in order
   * @return the expression that stands in for the call
   */
  String call(List<String> arguments) throws PlanningException;
}
