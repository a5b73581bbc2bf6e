package io.sluice.jdbc;

import static java.util.Objects.requireNonNull;

import io.sluice.jdbc.client.Column;
import io.sluice.jdbc.client.ResultPage;
import io.sluice.jdbc.client.ServerOperation;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Rows of a server operation, fetched a page at a time. With a prefetcher, while the application
 * reads one page the next is already being fetched on a background thread, so the server's work,
 * the network, decoding and the application overlap; at most two pages are held, so memory is
 * bounded by the fetch size, not by the result. A failed read-ahead is reported by the {@link
 * #next} that needs its page; closing waits for a read-ahead in flight (one page) and starts no
 * other.
 */
final class ServerRows implements RowSource {
  private final ServerOperation operation;
  private final List<Column> columns;
  private final Optional<Executor> prefetcher;
  private final long maxRows;
  private int fetchSize;
  private ResultPage page;
  private int row = -1;
  private long rowsRead;
  private boolean finished;
  private CompletableFuture<ResultPage> nextPage;

  ServerRows(ServerOperation operation, int fetchSize, long maxRows, Optional<Executor> prefetcher)
      throws SQLException {
    this.operation = requireNonNull(operation, "operation is null");
    this.columns = operation.columns();
    this.fetchSize = fetchSize;
    this.maxRows = maxRows;
    this.prefetcher = requireNonNull(prefetcher, "prefetcher is null");
  }

  /** Whether the server sends these rows as Arrow record batches. */
  boolean isArrow() {
    return operation.isArrowResult();
  }

  void fetchSize(int fetchSize) {
    this.fetchSize = fetchSize;
  }

  @Override
  public List<Column> columns() {
    return columns;
  }

  @Override
  public boolean next() throws SQLException {
    if (finished) {
      return false;
    }
    if (maxRows > 0 && rowsRead >= maxRows) {
      finish();
      return false;
    }
    row++;
    while (page == null || row >= page.rowCount()) {
      page = takePage();
      row = 0;
      if (page.rowCount() == 0) {
        finish();
        return false;
      }
      if (prefetcher.isPresent() && (maxRows == 0 || rowsRead + page.rowCount() < maxRows)) {
        prefetch(prefetcher.get());
      }
    }
    rowsRead++;
    return true;
  }

  @Override
  public Object value(int column) {
    return page.column(column).value(row);
  }

  @Override
  public void close() throws SQLException {
    finished = true;
    awaitPrefetch();
    page = null;
    operation.close();
  }

  private ResultPage takePage() throws SQLException {
    if (nextPage == null) {
      return operation.fetch(fetchSize);
    }
    try {
      return nextPage.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("Interrupted while fetching rows", "HY008", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof PageFetchException failure) {
        throw failure.sqlException;
      }
      throw new SQLException("Fetching rows failed: " + e.getCause(), "HY000", e.getCause());
    } finally {
      nextPage = null;
    }
  }

  private void prefetch(Executor executor) {
    try {
      nextPage = CompletableFuture.supplyAsync(this::fetchQuietly, executor);
    } catch (RejectedExecutionException e) {
      // The connection is closing: the next page is fetched when needed, and that reports it.
      nextPage = null;
    }
  }

  private ResultPage fetchQuietly() {
    try {
      return operation.fetch(fetchSize);
    } catch (SQLException e) {
      throw new PageFetchException(e);
    }
  }

  private void finish() throws SQLException {
    finished = true;
    awaitPrefetch();
  }

  private void awaitPrefetch() {
    if (nextPage != null) {
      try {
        nextPage.join();
      } catch (RuntimeException ignored) {
        // The result is being abandoned; a failed read-ahead does not matter.
      }
      nextPage = null;
    }
  }

  /** Carries a fetch failure out of the background thread. */
  private static final class PageFetchException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient SQLException sqlException;

    PageFetchException(SQLException sqlException) {
      super(sqlException);
      this.sqlException = sqlException;
    }
  }
}
