package io.sluice.tpcds;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What one query did on both sides: median milliseconds over the runs (execute to last row), the
 * error if a side failed, and how the answers differ if they do.
 */
public record QueryOutcome(
    String name,
    OptionalDouble sluiceMillis,
    OptionalDouble directMillis,
    Optional<String> sluiceError,
    Optional<String> directError,
    Optional<String> difference,
    int rows) {
  public QueryOutcome {
    requireNonNull(name, "name is null");
    requireNonNull(sluiceMillis, "sluiceMillis is null");
    requireNonNull(directMillis, "directMillis is null");
    requireNonNull(sluiceError, "sluiceError is null");
    requireNonNull(directError, "directError is null");
    requireNonNull(difference, "difference is null");
  }

  /** Ran on every side it was asked to, and the answers agree. */
  public boolean passed() {
    return sluiceError.isEmpty() && directError.isEmpty() && difference.isEmpty();
  }

  /** A one-line reason for a failed query. */
  public String problem() {
    return sluiceError
        .map(error -> "through Sluice: " + error)
        .or(() -> directError.map(error -> "on Spark directly: " + error))
        .or(() -> difference.map(text -> "answers differ: " + text))
        .orElse("");
  }
}
