package io.sluice.gateway.governance;

import static java.util.Objects.requireNonNull;

import io.sluice.governance.Governance;
import io.sluice.governance.GovernanceException;
import io.sluice.governance.access.Access;
import io.sluice.governance.access.AccessRequest;
import io.sluice.governance.access.Action;
import io.sluice.governance.securable.Securable;
import io.sluice.governance.securable.SecurableKind;
import io.sluice.governance.securable.SecurableName;
import io.sluice.governance.securable.SecurableType;
import io.sluice.governance.securable.TableDefinition;
import io.sluice.governance.sql.StatementResult;
import io.sluice.planner.CreatedView;
import io.sluice.planner.DroppedView;
import io.sluice.planner.StatementAnalysis;
import java.util.List;
import java.util.Optional;

/**
 * Views of the metastore's catalogs live in governance, not in any engine: the gateway creates,
 * replaces and drops them, and the planner inlines their query wherever they are read. Creating one
 * was authorized with the statement (CREATE TABLE on the schema, SELECT on what it reads);
 * replacing one needs its ownership.
 */
public final class GovernedViews {
  private final Governance governance;

  public GovernedViews(Governance governance) {
    this.governance = requireNonNull(governance, "governance is null");
  }

  /**
   * Runs the statement if it creates or drops a view of the metastore: its (empty) result, or empty
   * when the statement is the engine's.
   */
  public Optional<StatementResult> execute(
      String principal, String statementId, StatementAnalysis analysis) {
    if (analysis.createdView().isPresent()) {
      CreatedView view = analysis.createdView().get();
      if (!GovernedStatementAuthorizer.isGoverned(view.name().parts().get(0))) {
        return Optional.empty();
      }
      create(principal, statementId, view);
      return Optional.of(StatementResult.NONE);
    }
    if (analysis.droppedView().isPresent()) {
      DroppedView view = analysis.droppedView().get();
      if (!GovernedStatementAuthorizer.isGoverned(view.name().parts().get(0))) {
        return Optional.empty();
      }
      drop(view);
      return Optional.of(StatementResult.NONE);
    }
    return Optional.empty();
  }

  private void create(String principal, String statementId, CreatedView view) {
    SecurableName name = new SecurableName(SecurableType.TABLE, view.name().parts());
    Optional<Securable> existing = governance.securables().find(name);
    if (existing.isEmpty()) {
      governance
          .securables()
          .createTable(TableDefinition.view(name, List.of(), view.query()), principal);
      return;
    }
    if (view.ifNotExists()) {
      return;
    }
    if (!view.orReplace()) {
      throw GovernanceException.alreadyExists(
          "TABLE_OR_VIEW_ALREADY_EXISTS", name.describe() + " already exists.");
    }
    governance
        .access()
        .check(
            AccessRequest.of(
                principal, statementId, new Access(Action.ALTER_VIEW_DEFINITION, name)));
    governance.securables().replaceViewDefinition(name, view.query());
  }

  private void drop(DroppedView view) {
    SecurableName name = new SecurableName(SecurableType.TABLE, view.name().parts());
    Optional<Securable> existing = governance.securables().find(name);
    if (existing.isEmpty()) {
      if (view.ifExists()) {
        return;
      }
      throw GovernanceException.notFound(
          "TABLE_OR_VIEW_NOT_FOUND", "The view '" + name.fullName() + "' cannot be found.");
    }
    if (existing.get().kind() != SecurableKind.VIEW) {
      throw new GovernanceException(
          "WRONG_COMMAND_FOR_OBJECT_TYPE",
          "42809",
          name.describe() + " is a table; use DROP TABLE to drop it.");
    }
    governance.securables().drop(name, false);
  }
}
