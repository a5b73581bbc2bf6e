package io.sluice.gateway.governance;

import static java.util.Objects.requireNonNull;

import io.sluice.governance.Governance;
import io.sluice.governance.policy.ColumnMask;
import io.sluice.governance.policy.RowFilter;
import io.sluice.governance.policy.TablePolicies;
import io.sluice.governance.securable.ColumnDefinition;
import io.sluice.governance.securable.FunctionDefinition;
import io.sluice.governance.securable.SecurableName;
import io.sluice.planner.Identity;
import io.sluice.planner.InlinedFunction;
import io.sluice.planner.PlanningException;
import io.sluice.planner.PolicyExpressions;
import io.sluice.planner.TableSecurity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a table's row filter and column masks, as governance stores them (a SQL function bound to
 * columns), into the expressions the planner puts over the table for one person: each function's
 * body inlined with its arguments, its identity functions answered for that person, and each mask
 * cast back to its column's type so that the statement sees the types it would without the mask.
 * The functions run with their definer's rights: the reader needs no privilege on them, nor on the
 * tables their subqueries read (a mapping table), which the function's owner must be allowed to
 * read ({@link PolicyReads}).
 */
final class PolicyInliner {
  /**
   * The tables a policy function's expression reads in subqueries, authorized for the function's
   * owner and qualified (and protected by their own policies) for the reader.
   */
  @FunctionalInterface
  interface PolicyReads {
    /** {@code expression} with the tables it reads rewritten as the engine must read them. */
    String authorized(SecurableName function, String expression) throws PlanningException;
  }

  /** Type names safe to write into a CAST: Spark's simple and parameterized types. */
  private static final Pattern SIMPLE_TYPE = Pattern.compile("[a-z_]+( ?\\([0-9, ]+\\))?");

  private final Governance governance;

  PolicyInliner(Governance governance) {
    this.governance = requireNonNull(governance, "governance is null");
  }

  TableSecurity security(
      SecurableName table, TablePolicies policies, Identity identity, PolicyReads reads)
      throws PlanningException {
    List<ColumnDefinition> definitions = governance.securables().columns(table);
    Set<String> columns = new LinkedHashSet<>();
    definitions.forEach(column -> columns.add(column.name()));
    Optional<String> rowFilter = Optional.empty();
    if (policies.rowFilter().isPresent()) {
      RowFilter filter = policies.rowFilter().get();
      rowFilter =
          Optional.of(inline(filter.function(), filter.arguments(), columns, identity, reads));
    }
    Map<String, String> masks = new HashMap<>();
    for (ColumnMask mask : policies.columnMasks()) {
      List<String> arguments = new ArrayList<>();
      arguments.add(mask.column());
      arguments.addAll(mask.usingColumns());
      String expression = inline(mask.function(), arguments, columns, identity, reads);
      masks.put(mask.column(), castToColumnType(expression, mask.column(), definitions));
    }
    return new TableSecurity(List.copyOf(columns), masks, rowFilter);
  }

  private String inline(
      SecurableName function,
      List<String> arguments,
      Set<String> columns,
      Identity identity,
      PolicyReads reads)
      throws PlanningException {
    FunctionDefinition definition = governance.securables().function(function);
    List<String> argumentSql = new ArrayList<>();
    for (String argument : arguments) {
      argumentSql.add(PolicyExpressions.argument(argument, columns));
    }
    String inlined =
        PolicyExpressions.inlinePolicy(
            definition.body(),
            definition.parameters().stream().map(ColumnDefinition::name).toList(),
            argumentSql,
            identity);
    return PolicyExpressions.runsQuery(inlined) ? reads.authorized(function, inlined) : inlined;
  }

  private static String castToColumnType(
      String expression, String column, List<ColumnDefinition> definitions) {
    return definitions.stream()
        .filter(definition -> definition.name().equals(column))
        .findFirst()
        .map(definition -> castTo(expression, definition.typeText()))
        .orElse(expression);
  }

  /**
   * A call of a SQL function of the metastore, for one person: the body over the call's arguments,
   * cast to the function's return type.
   */
  InlinedFunction function(SecurableName function, Identity identity) {
    FunctionDefinition definition = governance.securables().function(function);
    List<String> parameters = definition.parameters().stream().map(ColumnDefinition::name).toList();
    return arguments ->
        castTo(
            PolicyExpressions.inline(
                definition.body(),
                parameters,
                arguments.stream().map(argument -> "(" + argument + ")").toList(),
                identity),
            definition.returnType());
  }

  /** {@code expression} cast to {@code typeText} when that is a simple type name. */
  private static String castTo(String expression, String typeText) {
    String type = typeText.trim().toLowerCase(java.util.Locale.ROOT);
    return SIMPLE_TYPE.matcher(type).matches()
        ? "CAST(" + expression + " AS " + type + ")"
        : expression;
  }
}
