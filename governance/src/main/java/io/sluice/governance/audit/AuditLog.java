package io.sluice.governance.audit;

import static java.util.Objects.requireNonNull;

import io.sluice.governance.store.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The audit log of access decisions, in the governance database. Writing is part of deciding: if a
 * decision cannot be recorded it is not given (the caller sees the failure and denies).
 */
public final class AuditLog {
  private final Database database;

  public AuditLog(Database database) {
    this.database = requireNonNull(database, "database is null");
  }

  /** Records the events of one decision together. */
  public void record(List<AuditEvent> events) {
    database.transaction(
        session -> {
          for (AuditEvent event : events) {
            session.update(
                "INSERT INTO audit_event (event_time, principal, action_name, securable_type,"
                    + " securable_name, statement_id, allowed, missing_privileges) VALUES (?, ?,"
                    + " ?, ?, ?, ?, ?, ?)",
                event.eventTime(),
                event.principal(),
                event.actionName(),
                event.securableType(),
                event.securableName(),
                event.statementId().orElse(null),
                event.allowed(),
                event.missingPrivileges().orElse(null));
          }
          return null;
        });
  }

  /** The newest events first, optionally only one principal's, at most {@code limit}. */
  public List<AuditEvent> recent(Optional<String> principal, int limit) {
    List<Object> parameters = new ArrayList<>();
    String where = "";
    if (principal.isPresent()) {
      where = " WHERE principal = ?";
      parameters.add(principal.get());
    }
    parameters.add(limit);
    return database.query(
        "SELECT event_time, principal, action_name, securable_type, securable_name,"
            + " statement_id, allowed, missing_privileges FROM audit_event"
            + where
            + " ORDER BY event_id DESC LIMIT ?",
        AuditLog::event,
        parameters.toArray());
  }

  /** An event with its position in the log (later events have larger ids). */
  public record Entry(long eventId, AuditEvent event) {}

  /**
   * One page of the whole log, newest first: at most {@code limit} events recorded before the event
   * with id {@code before} (from the newest when empty).
   */
  public List<Entry> page(Optional<Long> before, int limit) {
    List<Object> parameters = new ArrayList<>();
    String where = "";
    if (before.isPresent()) {
      where = " WHERE event_id < ?";
      parameters.add(before.get());
    }
    parameters.add(limit);
    return database.query(
        "SELECT event_id, event_time, principal, action_name, securable_type, securable_name,"
            + " statement_id, allowed, missing_privileges FROM audit_event"
            + where
            + " ORDER BY event_id DESC LIMIT ?",
        row -> new Entry(row.getLong("event_id"), event(row)),
        parameters.toArray());
  }

  /** Every event of one statement, in the order they were recorded. */
  public List<AuditEvent> forStatement(String statementId) {
    return database.query(
        "SELECT event_time, principal, action_name, securable_type, securable_name,"
            + " statement_id, allowed, missing_privileges FROM audit_event"
            + " WHERE statement_id = ? ORDER BY event_id",
        AuditLog::event,
        statementId);
  }

  private static AuditEvent event(ResultSet row) throws SQLException {
    return new AuditEvent(
        Database.instant(row, "event_time"),
        row.getString("principal"),
        row.getString("action_name"),
        row.getString("securable_type"),
        row.getString("securable_name"),
        Optional.ofNullable(row.getString("statement_id")),
        row.getBoolean("allowed"),
        Optional.ofNullable(row.getString("missing_privileges")));
  }
}
