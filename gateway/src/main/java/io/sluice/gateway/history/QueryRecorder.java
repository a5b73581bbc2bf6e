package io.sluice.gateway.history;

import static java.util.Objects.requireNonNull;

import io.sluice.gateway.session.GatewayOperation;
import io.sluice.gateway.session.GatewaySession;
import io.sluice.gateway.session.Handles;
import io.sluice.planner.StatementAnalysis;
import io.sluice.protocol.thrift.TOperationHandle;
import io.sluice.protocol.thrift.TSessionHandle;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records every statement's life in the query history as it moves: a row is written when the
 * statement arrives (QUEUED), when an engine accepts it (RUNNING), when it ends (FINISHED, FAILED,
 * CANCELED), and when its last result page is served or it is closed. Statements still running are
 * kept here too, so they can be found by id (to cancel them) and by operation handle (for the calls
 * that move them on).
 *
 * <p>A history write that fails is logged and otherwise ignored: the history never fails a
 * statement.
 */
public final class QueryRecorder {
  private static final Logger log = LoggerFactory.getLogger(QueryRecorder.class);
  public static final String DEFAULT_WAREHOUSE = "default";

  private final QueryHistoryStore store;
  private final Clock clock;
  private final List<StatementListener> listeners;
  private final Map<String, ClientInfo> clientsBySession = new ConcurrentHashMap<>();
  private final Map<String, LiveStatement> byStatementId = new ConcurrentHashMap<>();
  private final Map<String, LiveStatement> byOperation = new ConcurrentHashMap<>();

  public QueryRecorder(QueryHistoryStore store, Clock clock, List<StatementListener> listeners) {
    this.store = requireNonNull(store, "store is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.listeners = List.copyOf(listeners);
  }

  public QueryHistoryStore store() {
    return store;
  }

  public long now() {
    return clock.millis();
  }

  public void sessionOpened(GatewaySession session, ClientInfo client) {
    clientsBySession.put(sessionKey(session.handle()), client);
  }

  public void sessionClosed(GatewaySession session) {
    clientsBySession.remove(sessionKey(session.handle()));
  }

  /**
   * A statement arrived on {@code session}; it waits for an engine. {@code engineText} is what the
   * engine will run; {@code origin} says where an API statement came from.
   */
  public LiveStatement received(
      GatewaySession session, String engineText, Optional<StatementOrigin> origin) {
    String sessionKey = sessionKey(session.handle());
    String statementText = origin.map(StatementOrigin::clientText).orElse(engineText);
    QueryRecord record =
        new QueryRecord(
            origin.map(StatementOrigin::statementId).orElseGet(() -> UUID.randomUUID().toString()),
            sessionKey,
            session.principal(),
            clientsBySession.getOrDefault(sessionKey, new ClientInfo("unknown", "", "", "")),
            DEFAULT_WAREHOUSE,
            "",
            statementText,
            Optional.of(engineText).filter(text -> !text.equals(statementText)),
            StatementStatus.QUEUED,
            clock.millis(),
            OptionalLong.empty(),
            OptionalLong.empty(),
            PhaseDurations.NONE,
            0,
            0,
            Optional.empty(),
            Optional.empty(),
            false);
    LiveStatement statement = new LiveStatement(this, record);
    byStatementId.put(record.statementId(), statement);
    try {
      store.insert(record);
    } catch (RuntimeException e) {
      log.warn("Cannot record statement {} in the query history", record.statementId(), e);
    }
    return statement;
  }

  /** The live statement an operation runs, if the operation is a recorded statement. */
  public Optional<LiveStatement> statement(TOperationHandle clientHandle) {
    if (clientHandle == null || !clientHandle.isSetOperationId()) {
      return Optional.empty();
    }
    return Optional.ofNullable(byOperation.get(Handles.key(clientHandle.getOperationId())));
  }

  /** A statement that has not completed, by id. */
  public Optional<LiveStatement> live(String statementId) {
    return Optional.ofNullable(byStatementId.get(statementId));
  }

  /** A statement's current row: the live one while it runs, else the stored one. */
  public Optional<QueryRecord> find(String statementId) {
    LiveStatement live = byStatementId.get(statementId);
    return live != null ? Optional.of(live.record()) : store.find(statementId);
  }

  /** How many statements are live with {@code status}. */
  public long count(StatementStatus status) {
    return byStatementId.values().stream().filter(s -> s.record().status() == status).count();
  }

  void track(LiveStatement statement, GatewayOperation operation) {
    byOperation.put(Handles.key(operation.clientHandle().getOperationId()), statement);
  }

  void write(QueryRecord record) {
    try {
      store.update(record);
    } catch (RuntimeException e) {
      log.warn("Cannot update statement {} in the query history", record.statementId(), e);
    }
  }

  void planned(LiveStatement statement, StatementAnalysis analysis) {
    for (StatementListener listener : listeners) {
      try {
        listener.statementPlanned(statement.statementId(), analysis);
      } catch (RuntimeException e) {
        log.warn("Statement listener failed", e);
      }
    }
  }

  void completed(LiveStatement statement) {
    byStatementId.remove(statement.statementId());
    statement
        .operation()
        .ifPresent(
            operation ->
                byOperation.remove(Handles.key(operation.clientHandle().getOperationId())));
    QueryRecord record = statement.record();
    for (StatementListener listener : listeners) {
      try {
        listener.statementCompleted(record);
      } catch (RuntimeException e) {
        log.warn("Statement listener failed", e);
      }
    }
  }

  private static String sessionKey(TSessionHandle handle) {
    return Handles.key(handle.getSessionId());
  }
}
