package io.sluice.engine.samples;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TPC-DS scale factor named as a schema of the samples catalog: {@code tpcds_sf1}, {@code
 * tpcds_sf100}, {@code tpcds_sf0_01} (an underscore stands for the decimal point).
 */
public record TpcdsScale(double factor) {
  private static final Pattern SCHEMA_NAME = Pattern.compile("tpcds_sf(\\d+)(?:_(\\d+))?");

  public TpcdsScale {
    if (!(factor > 0) || factor > 100_000) {
      throw new IllegalArgumentException("TPC-DS scale factor must be in (0, 100000]: " + factor);
    }
  }

  /** The scale a schema name stands for, if it is a TPC-DS schema name. */
  public static Optional<TpcdsScale> fromSchemaName(String schemaName) {
    Matcher matcher = SCHEMA_NAME.matcher(schemaName.toLowerCase(java.util.Locale.ROOT));
    if (!matcher.matches()) {
      return Optional.empty();
    }
    String text = matcher.group(1) + (matcher.group(2) == null ? "" : "." + matcher.group(2));
    double factor = Double.parseDouble(text);
    return factor > 0 && factor <= 100_000 ? Optional.of(new TpcdsScale(factor)) : Optional.empty();
  }

  /** The schema name for this scale, the inverse of {@link #fromSchemaName}. */
  public String schemaName() {
    String text = BigDecimal.valueOf(factor).stripTrailingZeros().toPlainString();
    return "tpcds_sf" + text.replace('.', '_');
  }
}
