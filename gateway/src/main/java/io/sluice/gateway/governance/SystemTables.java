package io.sluice.gateway.governance;

import static io.sluice.gateway.governance.RelationColumn.string;
import static java.util.Objects.requireNonNull;

import io.sluice.gateway.history.PageCursor;
import io.sluice.gateway.history.QueryFilter;
import io.sluice.gateway.history.QueryHistoryStore;
import io.sluice.gateway.history.QueryPage;
import io.sluice.gateway.history.QueryRecord;
import io.sluice.gateway.rest.RestException;
import io.sluice.governance.audit.AuditEvent;
import io.sluice.governance.audit.AuditLog;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The tables of the {@value GovernedStatementAuthorizer#SYSTEM} catalog, for workspace admins
 * (anyone else is refused before a row is read):
 *
 * <ul>
 *   <li>{@code system.access.audit}: every access decision, newest first, with Databricks' columns
 *       where they map (the user in {@code user_identity.email}, the securable in {@code
 *       request_params}, allow or deny in {@code response.status_code} 200 or 403 with the missing
 *       privileges as {@code response.error_message}), and Sluice's own flat columns.
 *   <li>{@code system.query.history}: every statement of the query history, newest first, with
 *       Databricks' columns where they map (durations in milliseconds; {@code
 *       waiting_at_capacity_duration_ms} is the time queued, {@code compilation_duration_ms} the
 *       gateway's planning).
 * </ul>
 */
final class SystemTables {
  static final String ACCESS = "access";
  static final String AUDIT = "audit";
  static final String QUERY = "query";
  static final String HISTORY = "history";
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

  private static final List<RelationColumn> HISTORY_COLUMNS =
      List.of(
          new RelationColumn("workspace_id", "bigint"),
          string("statement_id"),
          string("session_id"),
          string("execution_status"),
          new RelationColumn("compute", "struct<type:string,warehouse_id:string>"),
          string("executed_by"),
          string("statement_text"),
          string("error_message"),
          string("sql_state"),
          string("client_application"),
          string("client_driver"),
          new RelationColumn("total_duration_ms", "bigint"),
          new RelationColumn("waiting_at_capacity_duration_ms", "bigint"),
          new RelationColumn("compilation_duration_ms", "bigint"),
          new RelationColumn("execution_duration_ms", "bigint"),
          new RelationColumn("result_fetch_duration_ms", "bigint"),
          new RelationColumn("start_time", "timestamp"),
          new RelationColumn("end_time", "timestamp"),
          new RelationColumn("produced_rows", "bigint"),
          new RelationColumn("from_result_cache", "boolean"));

  private final AuditLog audit;
  private final QueryHistoryStore history;
  private final AdminCheck admins;
  private final Clock clock;

  SystemTables(AuditLog audit, QueryHistoryStore history, AdminCheck admins, Clock clock) {
    this.audit = requireNonNull(audit, "audit is null");
    this.history = requireNonNull(history, "history is null");
    this.admins = requireNonNull(admins, "admins is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  /** The tables of one schema of the system catalog; empty when there is no such schema. */
  Optional<List<String>> names(String schema) {
    return switch (schema) {
      case ACCESS -> Optional.of(List.of(AUDIT));
      case QUERY -> Optional.of(List.of(HISTORY));
      default -> Optional.empty();
    };
  }

  /** The table; {@code user} must be a workspace admin. */
  Optional<ServedRelation> relation(String schema, String table, String user) {
    admins.requireAdmin(user);
    if (schema.equals(ACCESS) && table.equals(AUDIT)) {
      return Optional.of(adminsOnly(AUDIT_COLUMNS, this::auditPage));
    }
    if (schema.equals(QUERY) && table.equals(HISTORY)) {
      return Optional.of(adminsOnly(HISTORY_COLUMNS, this::historyPage));
    }
    return Optional.empty();
  }

  private ServedRelation adminsOnly(
      List<RelationColumn> columns, Function<Optional<String>, ServedRelation.Page> pages) {
    return new ServedRelation() {
      @Override
      public List<RelationColumn> columns() {
        return columns;
      }

      @Override
      public Page rows(String reader, Optional<String> pageToken) {
        admins.requireAdmin(reader);
        return pages.apply(pageToken);
      }
    };
  }

  private ServedRelation.Page historyPage(Optional<String> pageToken) {
    Optional<PageCursor> after = Optional.empty();
    if (pageToken.isPresent()) {
      after =
          Optional.of(
              PageCursor.parse(pageToken.get())
                  .orElseThrow(
                      () ->
                          RestException.invalidParameter(
                              "Invalid page_token '" + pageToken.get() + "'")));
    }
    QueryPage page = history.list(QueryFilter.ALL, PAGE_SIZE, after);
    long now = clock.millis();
    List<List<Object>> rows = new ArrayList<>();
    for (QueryRecord record : page.records()) {
      rows.add(historyRow(record, now));
    }
    return new ServedRelation.Page(rows, page.next().map(PageCursor::token));
  }

  private static List<Object> historyRow(QueryRecord record, long now) {
    String driver =
        record.client().driverName() == null
            ? null
            : record.client().driverName()
                + (record.client().driverVersion() == null
                    ? ""
                    : "/" + record.client().driverVersion());
    return Arrays.asList(
        0L,
        record.statementId(),
        record.sessionId(),
        record.status().name(),
        Arrays.asList("WAREHOUSE", record.warehouseId()),
        record.principal(),
        record.statementText(),
        record.errorMessage().orElse(null),
        record.sqlState().orElse(null),
        record.client().application(),
        driver,
        record.durationMillis(now),
        record.phases().queuedMillis(),
        record.phases().planningMillis(),
        record.phases().executingMillis(),
        record.phases().fetchingMillis(),
        Instant.ofEpochMilli(record.startTimeMillis()),
        record.endTimeMillis().isPresent()
            ? Instant.ofEpochMilli(record.endTimeMillis().getAsLong())
            : null,
        record.rowsProduced(),
        record.fromCache());
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
