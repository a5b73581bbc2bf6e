package io.sluice.gateway.history;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sql.DataSource;

/**
 * The query history table ({@code query_history}, migration V50) over any JDBC data source. Lists
 * are newest first and paged by a cursor on {@code (start_time_ms, statement_id)}, which the
 * indexes serve without counting or skipping rows, so a page costs the same on page 1 and page
 * 1,000. Only portable SQL: it runs on the embedded H2 and on PostgreSQL.
 */
public final class QueryHistoryStore {
  private static final String COLUMNS =
      "statement_id, session_id, principal, transport, client_name, client_version,"
          + " client_application, warehouse_id, engine_id, statement_text, rewritten_text, status,"
          + " start_time_ms, execution_end_time_ms, end_time_ms, queued_ms, planning_ms,"
          + " executing_ms, fetching_ms, rows_produced, bytes_produced, error_message, sql_state,"
          + " from_cache";

  private final DataSource dataSource;

  public QueryHistoryStore(DataSource dataSource) {
    this.dataSource = requireNonNull(dataSource, "dataSource is null");
  }

  public void insert(QueryRecord record) {
    String sql =
        "INSERT INTO query_history ("
            + COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      int index = bindAll(statement, record, 1);
      if (index != 25) {
        throw new IllegalStateException("Column count mismatch");
      }
      statement.executeUpdate();
    } catch (SQLException e) {
      throw failure("store", e);
    }
  }

  /** Writes every changing column of an existing row. */
  public void update(QueryRecord record) {
    String sql =
        "UPDATE query_history SET engine_id = ?, rewritten_text = ?, status = ?,"
            + " execution_end_time_ms = ?, end_time_ms = ?, queued_ms = ?, planning_ms = ?,"
            + " executing_ms = ?, fetching_ms = ?, rows_produced = ?, bytes_produced = ?,"
            + " error_message = ?, sql_state = ?, from_cache = ? WHERE statement_id = ?";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, record.engineId());
      statement.setString(2, record.rewrittenText().orElse(null));
      statement.setString(3, record.status().name());
      setOptionalLong(statement, 4, record.executionEndTimeMillis());
      setOptionalLong(statement, 5, record.endTimeMillis());
      statement.setLong(6, record.phases().queuedMillis());
      statement.setLong(7, record.phases().planningMillis());
      statement.setLong(8, record.phases().executingMillis());
      statement.setLong(9, record.phases().fetchingMillis());
      statement.setLong(10, record.rowsProduced());
      statement.setLong(11, record.bytesProduced());
      statement.setString(12, record.errorMessage().orElse(null));
      statement.setString(13, record.sqlState().orElse(null));
      statement.setBoolean(14, record.fromCache());
      statement.setString(15, record.statementId());
      statement.executeUpdate();
    } catch (SQLException e) {
      throw failure("update", e);
    }
  }

  public Optional<QueryRecord> find(String statementId) {
    String sql = "SELECT " + COLUMNS + " FROM query_history WHERE statement_id = ?";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, statementId);
      try (ResultSet result = statement.executeQuery()) {
        return result.next() ? Optional.of(read(result)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw failure("read", e);
    }
  }

  /** Up to {@code limit} rows matching {@code filter}, newest first, after {@code after}. */
  public QueryPage list(QueryFilter filter, int limit, Optional<PageCursor> after) {
    if (limit <= 0) {
      throw new IllegalArgumentException("limit must be positive");
    }
    Where where = where(filter);
    after.ifPresent(
        cursor -> {
          // The first condition is implied by the second; it lets the index seek to the page.
          where.add(
              "start_time_ms <= ? AND (start_time_ms < ? OR (start_time_ms = ? AND statement_id < ?))",
              cursor.startTimeMillis(),
              cursor.startTimeMillis(),
              cursor.startTimeMillis(),
              cursor.statementId());
        });
    String sql =
        "SELECT "
            + COLUMNS
            + " FROM query_history"
            + where.sql()
            + " ORDER BY start_time_ms DESC, statement_id DESC FETCH FIRST ? ROWS ONLY";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      int index = where.bind(statement);
      statement.setInt(index, limit + 1);
      List<QueryRecord> records = new ArrayList<>();
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          records.add(read(result));
        }
      }
      if (records.size() <= limit) {
        return new QueryPage(records, Optional.empty());
      }
      List<QueryRecord> page = records.subList(0, limit);
      QueryRecord last = page.get(limit - 1);
      return new QueryPage(
          page, Optional.of(new PageCursor(last.startTimeMillis(), last.statementId())));
    } catch (SQLException e) {
      throw failure("list", e);
    }
  }

  /**
   * Statements matching {@code filter} grouped by start time into buckets of {@code bucketMillis}
   * from {@code originMillis}; empty buckets are left out.
   */
  public List<ThroughputBucket> throughput(
      QueryFilter filter, long originMillis, long bucketMillis, long nowMillis) {
    if (bucketMillis <= 0) {
      throw new IllegalArgumentException("bucketMillis must be positive");
    }
    Where where = where(filter);
    String sql =
        "SELECT bucket, COUNT(*), SUM(failed), AVG(duration), MAX(duration) FROM ("
            + "SELECT (start_time_ms - ?) / ? AS bucket,"
            + " CASE WHEN status = 'FAILED' THEN 1 ELSE 0 END AS failed,"
            + " COALESCE(end_time_ms, ?) - start_time_ms AS duration FROM query_history"
            + where.sql()
            + ") buckets GROUP BY bucket ORDER BY bucket";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, originMillis);
      statement.setLong(2, bucketMillis);
      statement.setLong(3, nowMillis);
      where.bind(statement, 4);
      List<ThroughputBucket> buckets = new ArrayList<>();
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          buckets.add(
              new ThroughputBucket(
                  originMillis + result.getLong(1) * bucketMillis,
                  result.getLong(2),
                  result.getLong(3),
                  Math.round(result.getDouble(4)),
                  result.getLong(5)));
        }
      }
      return buckets;
    } catch (SQLException e) {
      throw failure("summarize", e);
    }
  }

  /** Deletes statements that started before {@code startTimeMillis}; returns how many. */
  public int deleteStartedBefore(long startTimeMillis) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement("DELETE FROM query_history WHERE start_time_ms < ?")) {
      statement.setLong(1, startTimeMillis);
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw failure("purge", e);
    }
  }

  private static Where where(QueryFilter filter) {
    Where where = new Where();
    where.addIn("principal", filter.principals());
    where.addIn("status", filter.statuses().stream().map(StatementStatus::name).toList());
    where.addIn("warehouse_id", filter.warehouseIds());
    where.addIn("statement_id", filter.statementIds());
    filter.startFromMillis().ifPresent(value -> where.add("start_time_ms >= ?", value));
    filter.startBeforeMillis().ifPresent(value -> where.add("start_time_ms < ?", value));
    filter
        .textContains()
        .ifPresent(
            text ->
                where.add(
                    "LOWER(statement_text) LIKE ? ESCAPE '!'",
                    "%" + likeEscaped(text.toLowerCase(Locale.ROOT)) + "%"));
    return where;
  }

  private static String likeEscaped(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }

  /** A conjunction of conditions with their parameters, in order. */
  private static final class Where {
    private final List<String> conditions = new ArrayList<>();
    private final List<Object> parameters = new ArrayList<>();

    void add(String condition, Object... values) {
      conditions.add(condition);
      parameters.addAll(List.of(values));
    }

    void addIn(String column, Collection<String> values) {
      if (values.isEmpty()) {
        return;
      }
      conditions.add(
          column + " IN (" + String.join(", ", values.stream().map(v -> "?").toList()) + ")");
      parameters.addAll(values);
    }

    String sql() {
      return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    int bind(PreparedStatement statement) throws SQLException {
      return bind(statement, 1);
    }

    int bind(PreparedStatement statement, int first) throws SQLException {
      int index = first;
      for (Object parameter : parameters) {
        if (parameter instanceof Long value) {
          statement.setLong(index++, value);
        } else {
          statement.setString(index++, (String) parameter);
        }
      }
      return index;
    }
  }

  private static int bindAll(PreparedStatement statement, QueryRecord record, int first)
      throws SQLException {
    int index = first;
    statement.setString(index++, record.statementId());
    statement.setString(index++, record.sessionId());
    statement.setString(index++, record.principal());
    statement.setString(index++, record.client().transport());
    statement.setString(index++, record.client().driverName());
    statement.setString(index++, record.client().driverVersion());
    statement.setString(index++, record.client().application());
    statement.setString(index++, record.warehouseId());
    statement.setString(index++, record.engineId());
    statement.setString(index++, record.statementText());
    statement.setString(index++, record.rewrittenText().orElse(null));
    statement.setString(index++, record.status().name());
    statement.setLong(index++, record.startTimeMillis());
    setOptionalLong(statement, index++, record.executionEndTimeMillis());
    setOptionalLong(statement, index++, record.endTimeMillis());
    statement.setLong(index++, record.phases().queuedMillis());
    statement.setLong(index++, record.phases().planningMillis());
    statement.setLong(index++, record.phases().executingMillis());
    statement.setLong(index++, record.phases().fetchingMillis());
    statement.setLong(index++, record.rowsProduced());
    statement.setLong(index++, record.bytesProduced());
    statement.setString(index++, record.errorMessage().orElse(null));
    statement.setString(index++, record.sqlState().orElse(null));
    statement.setBoolean(index++, record.fromCache());
    return index;
  }

  private static void setOptionalLong(PreparedStatement statement, int index, OptionalLong value)
      throws SQLException {
    if (value.isPresent()) {
      statement.setLong(index, value.getAsLong());
    } else {
      statement.setNull(index, Types.BIGINT);
    }
  }

  private static QueryRecord read(ResultSet result) throws SQLException {
    return new QueryRecord(
        result.getString("statement_id"),
        Optional.ofNullable(result.getString("session_id")).orElse(""),
        result.getString("principal"),
        new ClientInfo(
            Optional.ofNullable(result.getString("transport")).orElse(""),
            result.getString("client_name"),
            result.getString("client_version"),
            result.getString("client_application")),
        result.getString("warehouse_id"),
        Optional.ofNullable(result.getString("engine_id")).orElse(""),
        result.getString("statement_text"),
        Optional.ofNullable(result.getString("rewritten_text")),
        StatementStatus.valueOf(result.getString("status")),
        result.getLong("start_time_ms"),
        optionalLong(result, "execution_end_time_ms"),
        optionalLong(result, "end_time_ms"),
        new PhaseDurations(
            result.getLong("queued_ms"),
            result.getLong("planning_ms"),
            result.getLong("executing_ms"),
            result.getLong("fetching_ms")),
        result.getLong("rows_produced"),
        result.getLong("bytes_produced"),
        Optional.ofNullable(result.getString("error_message")),
        Optional.ofNullable(result.getString("sql_state")),
        result.getBoolean("from_cache"));
  }

  private static OptionalLong optionalLong(ResultSet result, String column) throws SQLException {
    long value = result.getLong(column);
    return result.wasNull() ? OptionalLong.empty() : OptionalLong.of(value);
  }

  private static IllegalStateException failure(String action, SQLException e) {
    return new IllegalStateException("Cannot " + action + " query history: " + e.getMessage(), e);
  }
}
