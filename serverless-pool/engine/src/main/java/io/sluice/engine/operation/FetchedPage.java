package io.sluice.engine.operation;

import io.sluice.protocol.thrift.TRowSet;

/** One FetchResults answer: the rows and whether more rows follow them. */
public record FetchedPage(TRowSet rowSet, boolean hasMoreRows) {}
