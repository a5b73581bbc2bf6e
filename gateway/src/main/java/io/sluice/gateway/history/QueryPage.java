package io.sluice.gateway.history;

import java.util.List;
import java.util.Optional;

/** One page of history, newest first, and where the next page starts if there is one. */
public record QueryPage(List<QueryRecord> records, Optional<PageCursor> next) {
  public QueryPage {
    records = List.copyOf(records);
  }
}
