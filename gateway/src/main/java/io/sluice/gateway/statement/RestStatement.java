package io.sluice.gateway.statement;

import static java.util.Objects.requireNonNull;

import io.sluice.protocol.thrift.TOperationHandle;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One statement submitted through the Statement Execution API: its state in the API's terms, and
 * once it succeeded its whole result, fetched from the engine and kept in chunks until the client
 * closes it or it expires.
 */
final class RestStatement {
  enum State {
    PENDING,
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELED,
    CLOSED;

    boolean isFinal() {
      return this != PENDING && this != RUNNING;
    }
  }

  /** Why a statement failed, in the API's words. */
  record Failure(String errorCode, String message, Optional<String> sqlState) {}

  /** One chunk of result rows. */
  record Chunk(int index, long rowOffset, List<List<String>> rows, long byteCount) {}

  /** The whole result of a statement that succeeded. */
  record Result(
      List<Map<String, Object>> columns, List<Chunk> chunks, long totalRows, boolean truncated) {}

  private final String id;
  private final String principal;
  private final long createdMillis;
  private final String format;
  private final CompletableFuture<Void> done = new CompletableFuture<>();
  private State state = State.PENDING;
  private Optional<Failure> failure = Optional.empty();
  private Optional<Result> result = Optional.empty();
  private Optional<TOperationHandle> operation = Optional.empty();
  private boolean cancelRequested;

  /**
   * @param format how result chunks are written: {@code JSON_ARRAY} or {@code ARROW_STREAM}
   */
  RestStatement(String id, String principal, long createdMillis, String format) {
    this.id = requireNonNull(id, "id is null");
    this.principal = requireNonNull(principal, "principal is null");
    this.createdMillis = createdMillis;
    this.format = requireNonNull(format, "format is null");
  }

  String format() {
    return format;
  }

  String id() {
    return id;
  }

  String principal() {
    return principal;
  }

  long createdMillis() {
    return createdMillis;
  }

  CompletableFuture<Void> done() {
    return done;
  }

  synchronized State state() {
    return state;
  }

  synchronized Optional<Failure> failure() {
    return failure;
  }

  synchronized Optional<Result> result() {
    return result;
  }

  synchronized Optional<TOperationHandle> operation() {
    return operation;
  }

  synchronized boolean cancelRequested() {
    return cancelRequested;
  }

  /** The engine accepted it as {@code handle}; returns whether a cancel is already waiting. */
  synchronized boolean running(TOperationHandle handle) {
    operation = Optional.of(handle);
    if (state == State.PENDING) {
      state = State.RUNNING;
    }
    return cancelRequested;
  }

  /** Asks for a cancel; returns the operation to cancel on the engine, if it runs there yet. */
  synchronized Optional<TOperationHandle> requestCancel() {
    if (state.isFinal()) {
      return Optional.empty();
    }
    cancelRequested = true;
    return operation;
  }

  void succeeded(Result value) {
    synchronized (this) {
      if (state.isFinal()) {
        return;
      }
      state = State.SUCCEEDED;
      result = Optional.of(value);
    }
    done.complete(null);
  }

  void failed(Failure value) {
    synchronized (this) {
      if (state.isFinal()) {
        return;
      }
      state = State.FAILED;
      failure = Optional.of(value);
    }
    done.complete(null);
  }

  void canceled() {
    synchronized (this) {
      if (state.isFinal()) {
        return;
      }
      state = State.CANCELED;
    }
    done.complete(null);
  }

  /** The client is done with it: its result is dropped. */
  synchronized void close() {
    state = State.CLOSED;
    result = Optional.empty();
    done.complete(null);
  }
}
