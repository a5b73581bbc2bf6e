package io.sluice.gateway.history;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * One statement's row in the query history, as it stands now: a running statement has no end time
 * yet. Texts longer than the store keeps are cut at {@link #MAXIMUM_TEXT_LENGTH} characters.
 *
 * @param rewrittenText the SQL the engine ran, when it differs from what the client sent (bound
 *     parameters, later row filters and masks); only admins see it
 */
public record QueryRecord(
    String statementId,
    String sessionId,
    String principal,
    ClientInfo client,
    String warehouseId,
    String engineId,
    String statementText,
    Optional<String> rewrittenText,
    StatementStatus status,
    long startTimeMillis,
    OptionalLong executionEndTimeMillis,
    OptionalLong endTimeMillis,
    PhaseDurations phases,
    long rowsProduced,
    long bytesProduced,
    Optional<String> errorMessage,
    Optional<String> sqlState,
    boolean fromCache) {
  public static final int MAXIMUM_TEXT_LENGTH = 1_000_000;
  public static final int MAXIMUM_ERROR_LENGTH = 8192;

  public QueryRecord {
    requireNonNull(statementId, "statementId is null");
    requireNonNull(sessionId, "sessionId is null");
    requireNonNull(principal, "principal is null");
    requireNonNull(client, "client is null");
    requireNonNull(warehouseId, "warehouseId is null");
    requireNonNull(engineId, "engineId is null");
    statementText =
        cut(requireNonNull(statementText, "statementText is null"), MAXIMUM_TEXT_LENGTH);
    rewrittenText =
        requireNonNull(rewrittenText, "rewrittenText is null")
            .map(text -> cut(text, MAXIMUM_TEXT_LENGTH));
    requireNonNull(status, "status is null");
    requireNonNull(executionEndTimeMillis, "executionEndTimeMillis is null");
    requireNonNull(endTimeMillis, "endTimeMillis is null");
    requireNonNull(phases, "phases is null");
    errorMessage =
        requireNonNull(errorMessage, "errorMessage is null")
            .map(text -> cut(text, MAXIMUM_ERROR_LENGTH));
    requireNonNull(sqlState, "sqlState is null");
  }

  /** Wall time from start to end, or to {@code nowMillis} while the statement runs. */
  public long durationMillis(long nowMillis) {
    return Math.max(0, endTimeMillis.orElse(nowMillis) - startTimeMillis);
  }

  private static String cut(String text, int length) {
    return text.length() <= length ? text : text.substring(0, length);
  }
}
