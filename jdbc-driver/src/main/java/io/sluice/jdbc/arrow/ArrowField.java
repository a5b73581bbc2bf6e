package io.sluice.jdbc.arrow;

import static java.util.Objects.requireNonNull;

import java.time.ZoneId;
import java.util.Optional;

/**
 * One top-level field of an Arrow schema.
 *
 * @param scale the scale of a DECIMAL128, 0 otherwise
 * @param timeZone the zone whose wall-clock time a timestamp shows: the schema's time zone, or UTC
 *     for a timestamp without one; empty for other types
 */
public record ArrowField(String name, ArrowType type, int scale, Optional<ZoneId> timeZone) {
  public ArrowField {
    requireNonNull(name, "name is null");
    requireNonNull(type, "type is null");
    requireNonNull(timeZone, "timeZone is null");
    if (type == ArrowType.TIMESTAMP_MICROSECOND && timeZone.isEmpty()) {
      throw new IllegalArgumentException("A timestamp needs a time zone");
    }
  }
}
