package io.sluice.gateway.governance;

import static io.sluice.gateway.governance.RelationColumn.string;
import static java.util.Objects.requireNonNull;

import io.sluice.gateway.rest.RestException;
import io.sluice.governance.audit.AuditEvent;
import io.sluice.governance.audit.AuditLog;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tables of the {@value GovernedStatementAuthorizer#SYSTEM} catalog, for workspace admins
 * (anyone else is refused before a row is read):
 *
 * <ul>
 *   <li>{@code system.access.audit}: every access decision, newest first, with Databricks' columns
 *       where they map (the user in {@code user_identity.email}, the securable in {@code
 *       request_params}, allow or deny in {@code response.status_code} 200 or 403 with the missing
 *       privileges as {@code response.error_message}), and Sluice's own flat columns.
 * </ul>
 */
final class SystemTables {
  static final String ACCESS = "access";
  static final String AUDIT = "audit";
  static final int PAGE_SIZE = 1000;

  private static final List<RelationColumn> AUDIT_COLUMNS =
      List.of(
          string("version"),
          new RelationColumn("event_time", "timestamp"),
          new RelationColumn("event_date", "date"),
          new RelationColumn("workspace_id", "bigint"),
          new RelationColumn("user_identity", "struct<email:string>"),
          string("service_name"),
          string("action_name"),
          string("request_id"),
          new RelationColumn("request_params", "map<string,string>"),
          new RelationColumn("response", "struct<status_code:int,error_message:string>"),
          string("statement_id"),
          string("securable_type"),
          string("securable_full_name"),
          new RelationColumn("allowed", "boolean"),
          string("missing_privileges"));

  private final AuditLog audit;
  private final AdminCheck admins;

  SystemTables(AuditLog audit, AdminCheck admins) {
    this.audit = requireNonNull(audit, "audit is null");
    this.admins = requireNonNull(admins, "admins is null");
  }

  /** The tables of one schema of the system catalog; empty when there is no such schema. */
  Optional<List<String>> names(String schema) {
    return schema.equals(ACCESS) ? Optional.of(List.of(AUDIT)) : Optional.empty();
  }

  /** The table; {@code user} must be a workspace admin. */
  Optional<ServedRelation> relation(String schema, String table, String user) {
    admins.requireAdmin(user);
    if (!schema.equals(ACCESS) || !table.equals(AUDIT)) {
      return Optional.empty();
    }
    return Optional.of(
        new ServedRelation() {
          @Override
          public List<RelationColumn> columns() {
            return AUDIT_COLUMNS;
          }

          @Override
          public Page rows(String reader, Optional<String> pageToken) {
            admins.requireAdmin(reader);
            return auditPage(pageToken);
          }
        });
  }

  private ServedRelation.Page auditPage(Optional<String> pageToken) {
    Optional<Long> before;
    try {
      before = pageToken.map(Long::parseLong);
    } catch (NumberFormatException e) {
      throw RestException.invalidParameter("Invalid page_token '" + pageToken.get() + "'");
    }
    List<AuditLog.Entry> entries = audit.page(before, PAGE_SIZE);
    List<List<Object>> rows = new ArrayList<>();
    for (AuditLog.Entry entry : entries) {
      rows.add(auditRow(entry.event()));
    }
    Optional<String> next =
        entries.size() < PAGE_SIZE
            ? Optional.empty()
            : Optional.of(Long.toString(entries.get(entries.size() - 1).eventId()));
    return new ServedRelation.Page(rows, next);
  }

  private static List<Object> auditRow(AuditEvent event) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("securable_type", event.securableType());
    parameters.put("securable_full_name", event.securableName());
    return Arrays.asList(
        "1",
        event.eventTime(),
        event.eventTime().atZone(ZoneOffset.UTC).toLocalDate(),
        0L,
        Arrays.asList(event.principal()),
        "unityCatalog",
        event.actionName(),
        event.statementId().orElse(null),
        parameters,
        Arrays.asList(event.allowed() ? 200 : 403, event.missingPrivileges().orElse(null)),
        event.statementId().orElse(null),
        event.securableType(),
        event.securableName(),
        event.allowed(),
        event.missingPrivileges().orElse(null));
  }
}
