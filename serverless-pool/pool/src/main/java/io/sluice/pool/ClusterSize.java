package io.sluice.pool;

import java.util.Arrays;
import java.util.Optional;

/**
 * Databricks warehouse sizes, and what each means for one of our engines: the Spark cores it runs
 * tasks on ({@code local[N]}, or {@code spark.cores.max} on a cluster) and its heap. Each size
 * doubles the one before, as Databricks' do.
 */
public enum ClusterSize {
  XXS("2X-Small", 1, 2),
  XS("X-Small", 2, 4),
  S("Small", 4, 8),
  M("Medium", 8, 16),
  L("Large", 16, 32),
  XL("X-Large", 32, 64),
  XXL("2X-Large", 64, 128),
  XXXL("3X-Large", 128, 256),
  XXXXL("4X-Large", 256, 512);

  private final String displayName;
  private final int cores;
  private final int memoryGigabytes;

  ClusterSize(String displayName, int cores, int memoryGigabytes) {
    this.displayName = displayName;
    this.cores = cores;
    this.memoryGigabytes = memoryGigabytes;
  }

  /** The size called {@code name} in the Databricks API ({@code 2X-Small} ... {@code 4X-Large}). */
  public static Optional<ClusterSize> fromName(String name) {
    return Arrays.stream(values()).filter(size -> size.displayName.equals(name)).findFirst();
  }

  public String displayName() {
    return displayName;
  }

  public int cores() {
    return cores;
  }

  public int memoryGigabytes() {
    return memoryGigabytes;
  }
}
