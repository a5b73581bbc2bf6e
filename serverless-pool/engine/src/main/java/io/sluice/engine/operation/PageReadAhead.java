package io.sluice.engine.operation;

import io.sluice.engine.result.ResultPages;
import io.sluice.protocol.thrift.TRowSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Builds an operation's next page of results on a background thread while the current one is being
 * sent, so that a client reading page after page finds the next one built when it asks. Only one
 * page is built ahead; a request for any other rows (another page size, a fetch from the start)
 * drops it and builds what was asked. Pages are pure functions of the collected result, so building
 * one that is never sent is harmless.
 */
final class PageReadAhead {
  private static final ExecutorService BUILDERS =
      Executors.newCachedThreadPool(
          runnable -> {
            Thread thread = new Thread(runnable, "sluice-engine-page-read-ahead");
            thread.setDaemon(true);
            return thread;
          });

  private int from = -1;
  private int to = -1;
  private CompletableFuture<TRowSet> page;

  /** The page of rows {@code [from, to)}: the one built ahead if it is that one, else built now. */
  TRowSet take(ResultPages pages, int from, int to) {
    CompletableFuture<TRowSet> built = page;
    boolean matches = built != null && this.from == from && this.to == to;
    page = null;
    if (matches) {
      try {
        return built.join();
      } catch (CompletionException e) {
        // Built again below, so that the failure is raised where it always was.
      }
    }
    return pages.page(from, to);
  }

  /** Starts building the page of rows {@code [from, to)}. */
  void prepare(ResultPages pages, int from, int to) {
    this.from = from;
    this.to = to;
    page = CompletableFuture.supplyAsync(() -> pages.page(from, to), BUILDERS);
  }
}
