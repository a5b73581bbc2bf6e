package io.sluice.gateway.metrics;

import io.sluice.gateway.history.QueryRecord;
import io.sluice.gateway.history.StatementListener;
import io.sluice.gateway.history.StatementStatus;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * The gateway's metrics: statements by final status, phase latency histograms, rows and bytes
 * returned and result cache hits, counted as statements complete; sessions, engines, running and
 * queued statements, read from their owners at each scrape.
 */
public final class GatewayMetrics implements StatementListener {
  /** Values read at scrape time from the parts that own them. */
  public record Gauges(
      long openSessions, long runningEngines, long runningStatements, long queuedStatements) {}

  private static final String[] PHASES = {"queued", "planning", "executing", "fetching", "total"};

  private final Map<StatementStatus, LongAdder> statements = new EnumMap<>(StatementStatus.class);
  private final Map<String, LatencyHistogram> phases = new LinkedHashMap<>();
  private final LongAdder rows = new LongAdder();
  private final LongAdder bytes = new LongAdder();
  private final LongAdder cacheHits = new LongAdder();

  public GatewayMetrics() {
    for (StatementStatus status : StatementStatus.values()) {
      if (status.isFinal()) {
        statements.put(status, new LongAdder());
      }
    }
    for (String phase : PHASES) {
      phases.put(phase, new LatencyHistogram());
    }
  }

  @Override
  public void statementCompleted(QueryRecord record) {
    LongAdder counter = statements.get(record.status());
    if (counter != null) {
      counter.increment();
    }
    phases.get("queued").observeMillis(record.phases().queuedMillis());
    phases.get("planning").observeMillis(record.phases().planningMillis());
    phases.get("executing").observeMillis(record.phases().executingMillis());
    phases.get("fetching").observeMillis(record.phases().fetchingMillis());
    phases.get("total").observeMillis(record.phases().totalMillis());
    rows.add(record.rowsProduced());
    bytes.add(record.bytesProduced());
    if (record.fromCache()) {
      cacheHits.increment();
    }
  }

  public String render(Gauges gauges) {
    PrometheusText text = new PrometheusText();
    text.family("sluice_statements_total", "counter", "Statements completed, by final status.");
    statements.forEach(
        (status, count) ->
            text.sample(
                "sluice_statements_total",
                Map.of("status", status.name().toLowerCase(Locale.ROOT)),
                count.sum()));
    text.family("sluice_statements_running", "gauge", "Statements an engine is running right now.");
    text.sample("sluice_statements_running", gauges.runningStatements());
    text.family("sluice_statements_queued", "gauge", "Statements waiting for an engine right now.");
    text.sample("sluice_statements_queued", gauges.queuedStatements());
    text.family(
        "sluice_queue_depth", "gauge", "Statements queued for an engine slot, all warehouses.");
    text.sample("sluice_queue_depth", gauges.queuedStatements());
    text.family(
        "sluice_statement_phase_seconds",
        "histogram",
        "Time completed statements spent in each phase (total: all phases).");
    phases.forEach(
        (phase, histogram) ->
            histogram.write(text, "sluice_statement_phase_seconds", Map.of("phase", phase)));
    text.family("sluice_result_rows_total", "counter", "Result rows returned to clients.");
    text.sample("sluice_result_rows_total", rows.sum());
    text.family("sluice_result_bytes_total", "counter", "Result bytes returned to clients.");
    text.sample("sluice_result_bytes_total", bytes.sum());
    text.family("sluice_result_cache_hits_total", "counter", "Statements answered by the cache.");
    text.sample("sluice_result_cache_hits_total", cacheHits.sum());
    text.family("sluice_sessions_open", "gauge", "Open client sessions.");
    text.sample("sluice_sessions_open", gauges.openSessions());
    text.family("sluice_engines_running", "gauge", "Engine processes running.");
    text.sample("sluice_engines_running", gauges.runningEngines());
    return text.toString();
  }
}
