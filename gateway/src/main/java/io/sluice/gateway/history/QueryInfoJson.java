package io.sluice.gateway.history;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A history row in the shape of Databricks' {@code QueryInfo}, plus Sluice's own fields (engine,
 * SQLSTATE, driver, per-phase times). The rewritten SQL is included only for admins.
 */
final class QueryInfoJson {
  private QueryInfoJson() {}

  static Map<String, Object> of(
      QueryRecord record, boolean includeMetrics, boolean admin, long nowMillis) {
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("query_id", record.statementId());
    info.put("status", record.status().name());
    info.put("query_text", record.statementText());
    info.put("statement_type", statementType(record.statementText()));
    info.put("user_id", record.principal());
    info.put("user_name", record.principal());
    info.put("executed_as_user_name", record.principal());
    info.put("warehouse_id", record.warehouseId());
    info.put("endpoint_id", record.warehouseId());
    info.put("engine_id", record.engineId());
    info.put("session_id", record.sessionId());
    info.put("client_application", record.client().application());
    info.put("client_driver_name", record.client().driverName());
    info.put("client_driver_version", record.client().driverVersion());
    info.put("channel_used", record.client().transport());
    info.put("query_start_time_ms", record.startTimeMillis());
    record.executionEndTimeMillis().ifPresent(value -> info.put("execution_end_time_ms", value));
    record.endTimeMillis().ifPresent(value -> info.put("query_end_time_ms", value));
    info.put("duration", record.durationMillis(nowMillis));
    info.put("rows_produced", record.rowsProduced());
    record.errorMessage().ifPresent(value -> info.put("error_message", value));
    record.sqlState().ifPresent(value -> info.put("sql_state", value));
    info.put("is_final", record.status().isFinal() && record.endTimeMillis().isPresent());
    if (admin) {
      info.put("rewritten_query_text", record.rewrittenText().orElse(record.statementText()));
    }
    if (includeMetrics) {
      Map<String, Object> metrics = new LinkedHashMap<>();
      PhaseDurations phases = record.phases();
      metrics.put("total_time_ms", record.durationMillis(nowMillis));
      metrics.put("queued_time_ms", phases.queuedMillis());
      metrics.put("compilation_time_ms", phases.planningMillis());
      metrics.put("execution_time_ms", phases.executingMillis());
      metrics.put("result_fetch_time_ms", phases.fetchingMillis());
      metrics.put("rows_produced_count", record.rowsProduced());
      metrics.put("network_sent_bytes", record.bytesProduced());
      metrics.put("result_from_cache", record.fromCache());
      info.put("metrics", metrics);
    }
    return info;
  }

  /** The statement's kind from its first keyword, with Databricks' names. */
  static String statementType(String text) {
    String trimmed = text.stripLeading();
    while (trimmed.startsWith("--") || trimmed.startsWith("/*") || trimmed.startsWith("(")) {
      if (trimmed.startsWith("(")) {
        trimmed = trimmed.substring(1).stripLeading();
        continue;
      }
      int end = trimmed.startsWith("--") ? trimmed.indexOf('\n') : trimmed.indexOf("*/");
      if (end < 0) {
        return "OTHER";
      }
      trimmed = trimmed.substring(end + (trimmed.startsWith("--") ? 1 : 2)).stripLeading();
    }
    int end = 0;
    while (end < trimmed.length() && Character.isLetter(trimmed.charAt(end))) {
      end++;
    }
    String keyword = trimmed.substring(0, end).toUpperCase(Locale.ROOT);
    return switch (keyword) {
      case "SELECT", "WITH", "VALUES", "FROM", "TABLE" -> "SELECT";
      case "INSERT",
          "UPDATE",
          "DELETE",
          "MERGE",
          "CREATE",
          "DROP",
          "ALTER",
          "USE",
          "SHOW",
          "SET",
          "DESCRIBE",
          "EXPLAIN",
          "GRANT",
          "REVOKE",
          "REFRESH",
          "OPTIMIZE",
          "TRUNCATE",
          "COPY" ->
          keyword;
      case "DESC" -> "DESCRIBE";
      default -> "OTHER";
    };
  }
}
