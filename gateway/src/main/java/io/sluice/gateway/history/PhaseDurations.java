package io.sluice.gateway.history;

/**
 * How long a statement spent in each phase, in milliseconds: waiting for an engine (queued),
 * planning and authorizing until the engine accepted it, executing, and serving result pages
 * (fetching: the time the gateway spent answering FetchResults, not the client's pauses between).
 */
public record PhaseDurations(
    long queuedMillis, long planningMillis, long executingMillis, long fetchingMillis) {
  public static final PhaseDurations NONE = new PhaseDurations(0, 0, 0, 0);

  public PhaseDurations {
    if (queuedMillis < 0 || planningMillis < 0 || executingMillis < 0 || fetchingMillis < 0) {
      throw new IllegalArgumentException("Phase durations cannot be negative");
    }
  }

  public long totalMillis() {
    return queuedMillis + planningMillis + executingMillis + fetchingMillis;
  }
}
