package io.sluice.gateway.history;

import static java.util.Objects.requireNonNull;

import io.sluice.gateway.auth.AdminPolicy;
import io.sluice.gateway.rest.RestException;
import io.sluice.gateway.rest.RestModule;
import io.sluice.gateway.rest.RestRequest;
import io.sluice.gateway.rest.RestResponse;
import io.sluice.gateway.rest.RestRoutes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Query History: {@code GET /api/2.0/sql/history/queries} in Databricks' shape, with filters in dot
 * notation ({@code filter_by.statuses}, {@code filter_by.user_ids} or {@code filter_by.user_names},
 * {@code filter_by.warehouse_ids}, {@code filter_by.statement_ids}, {@code
 * filter_by.query_start_time_range.start_time_ms} / {@code end_time_ms}) and Sluice's text search
 * {@code filter_by.statement_text}; and {@code GET /api/2.0/sluice/history/throughput}, statements
 * and latency per time bucket, for the UI's chart. Users see their own statements, admins
 * everyone's.
 */
public final class QueryHistoryModule implements RestModule {
  static final int DEFAULT_PAGE = 100;
  static final int MAXIMUM_PAGE = 1000;
  private static final int MAXIMUM_BUCKETS = 2000;

  private final QueryRecorder recorder;
  private final AdminPolicy admins;

  public QueryHistoryModule(QueryRecorder recorder, AdminPolicy admins) {
    this.recorder = requireNonNull(recorder, "recorder is null");
    this.admins = requireNonNull(admins, "admins is null");
  }

  @Override
  public void register(RestRoutes routes) {
    routes.get("/api/2.0/sql/history/queries", this::list);
    routes.get("/api/2.0/sluice/history/throughput", this::throughput);
  }

  private RestResponse list(RestRequest request) {
    String caller = request.requirePrincipal();
    boolean admin = admins.isAdmin(caller);
    int limit = intParameter(request, "max_results", DEFAULT_PAGE);
    if (limit < 1 || limit > MAXIMUM_PAGE) {
      throw RestException.invalidParameter(
          "max_results must be between 1 and " + MAXIMUM_PAGE + ", not " + limit);
    }
    Optional<PageCursor> after =
        request
            .queryParameter("page_token")
            .filter(token -> !token.isEmpty())
            .map(
                token ->
                    PageCursor.parse(token)
                        .orElseThrow(() -> RestException.invalidParameter("Invalid page_token")));
    boolean includeMetrics =
        Boolean.parseBoolean(request.queryParameter("include_metrics").orElse("false"));
    Optional<QueryFilter> filter = visible(filter(request), caller, admin);
    Map<String, Object> body = new LinkedHashMap<>();
    if (filter.isEmpty()) {
      body.put("res", List.of());
      body.put("has_next_page", false);
      return RestResponse.json(body);
    }
    QueryPage page = recorder.store().list(filter.get(), limit, after);
    long now = recorder.now();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (QueryRecord record : page.records()) {
      rows.add(QueryInfoJson.of(record, includeMetrics, admin, now));
    }
    body.put("res", rows);
    body.put("has_next_page", page.next().isPresent());
    page.next().ifPresent(cursor -> body.put("next_page_token", cursor.token()));
    return RestResponse.json(body);
  }

  private RestResponse throughput(RestRequest request) {
    String caller = request.requirePrincipal();
    long now = recorder.now();
    long end = longParameter(request, "end_time_ms").orElse(now);
    long start = longParameter(request, "start_time_ms").orElse(end - 3_600_000L);
    long bucket = longParameter(request, "bucket_ms").orElse(60_000L);
    if (start >= end || bucket <= 0 || (end - start) / bucket > MAXIMUM_BUCKETS) {
      throw RestException.invalidParameter(
          "Need start_time_ms < end_time_ms and at most "
              + MAXIMUM_BUCKETS
              + " buckets of bucket_ms > 0");
    }
    QueryFilter requested =
        new QueryFilter(
            Set.of(),
            Set.of(),
            values(request, "warehouse_ids"),
            Set.of(),
            OptionalLong.of(start),
            OptionalLong.of(end),
            Optional.empty());
    Optional<QueryFilter> filter = visible(requested, caller, admins.isAdmin(caller));
    List<ThroughputBucket> buckets =
        filter.isEmpty()
            ? List.of()
            : recorder.store().throughput(filter.get(), start, bucket, now);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (ThroughputBucket value : buckets) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("start_time_ms", value.startTimeMillis());
      row.put("statements", value.statements());
      row.put("failed", value.failed());
      row.put("average_duration_ms", value.averageMillis());
      row.put("max_duration_ms", value.maximumMillis());
      rows.add(row);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("start_time_ms", start);
    body.put("end_time_ms", end);
    body.put("bucket_ms", bucket);
    body.put("buckets", rows);
    return RestResponse.json(body);
  }

  /**
   * The filter narrowed to what {@code caller} may see, or empty when it asks only for other users'
   * statements and the caller is not an admin.
   */
  static Optional<QueryFilter> visible(QueryFilter filter, String caller, boolean admin) {
    if (admin) {
      return Optional.of(filter);
    }
    if (!filter.principals().isEmpty() && !filter.principals().contains(caller)) {
      return Optional.empty();
    }
    return Optional.of(filter.withPrincipals(Set.of(caller)));
  }

  private static QueryFilter filter(RestRequest request) {
    Set<String> principals = new LinkedHashSet<>(values(request, "filter_by.user_ids"));
    principals.addAll(values(request, "filter_by.user_names"));
    Set<StatementStatus> statuses = new LinkedHashSet<>();
    for (String status : values(request, "filter_by.statuses")) {
      try {
        statuses.add(StatementStatus.valueOf(status.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw RestException.invalidParameter(
            "Unknown status '"
                + status
                + "'; use one of "
                + Arrays.toString(StatementStatus.values()));
      }
    }
    return new QueryFilter(
        principals,
        statuses,
        values(request, "filter_by.warehouse_ids"),
        values(request, "filter_by.statement_ids"),
        longParameter(request, "filter_by.query_start_time_range.start_time_ms"),
        longParameter(request, "filter_by.query_start_time_range.end_time_ms"),
        request.queryParameter("filter_by.statement_text"));
  }

  /** All values of a repeatable parameter; each may also be a comma-separated list. */
  private static Set<String> values(RestRequest request, String name) {
    Set<String> values = new LinkedHashSet<>();
    for (String value : request.queryParameters().getOrDefault(name, List.of())) {
      for (String part : value.split(",")) {
        if (!part.isBlank()) {
          values.add(part.trim());
        }
      }
    }
    return values;
  }

  private static OptionalLong longParameter(RestRequest request, String name) {
    Optional<String> value = request.queryParameter(name).filter(text -> !text.isBlank());
    if (value.isEmpty()) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(value.get().trim()));
    } catch (NumberFormatException e) {
      throw RestException.invalidParameter(name + " must be a number, not '" + value.get() + "'");
    }
  }

  private static int intParameter(RestRequest request, String name, int defaultValue) {
    OptionalLong value = longParameter(request, name);
    if (value.isEmpty()) {
      return defaultValue;
    }
    if (value.getAsLong() > Integer.MAX_VALUE || value.getAsLong() < Integer.MIN_VALUE) {
      throw RestException.invalidParameter(name + " is out of range");
    }
    return (int) value.getAsLong();
  }
}
