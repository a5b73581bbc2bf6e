package io.sluice.governance.warehouse;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * A warehouse as stored: what an admin configured, not what is running. The gateway validates sizes
 * and types against what it can run; the store only keeps them.
 *
 * @param clusterSize a Databricks size name such as {@code 2X-Small} or {@code Medium}
 * @param autoStopMinutes minutes without work before the warehouse stops; 0 never stops it
 * @param serverless whether the gateway launches the warehouse's engines itself
 * @param warehouseType {@code PRO} or {@code CLASSIC}, as Databricks names them
 * @param enginePerUser whether each user gets engines of their own instead of shared ones
 * @param endpoints a classic warehouse's HiveServer2 endpoints, in registration order
 */
public record WarehouseDefinition(
    String id,
    String name,
    String clusterSize,
    int minNumClusters,
    int maxNumClusters,
    int autoStopMinutes,
    boolean serverless,
    String warehouseType,
    boolean enginePerUser,
    String creator,
    Instant createdAt,
    List<Endpoint> endpoints) {
  public WarehouseDefinition {
    requireNonNull(id, "id is null");
    requireNonNull(name, "name is null");
    requireNonNull(clusterSize, "clusterSize is null");
    requireNonNull(warehouseType, "warehouseType is null");
    requireNonNull(creator, "creator is null");
    requireNonNull(createdAt, "createdAt is null");
    endpoints = List.copyOf(requireNonNull(endpoints, "endpoints is null"));
    if (id.isBlank() || name.isBlank()) {
      throw new IllegalArgumentException("A warehouse needs an id and a name");
    }
    if (minNumClusters < 1 || maxNumClusters < minNumClusters) {
      throw new IllegalArgumentException(
          "Need 1 <= min_num_clusters <= max_num_clusters, got "
              + minNumClusters
              + " and "
              + maxNumClusters);
    }
    if (autoStopMinutes < 0) {
      throw new IllegalArgumentException("auto_stop_mins must not be negative");
    }
  }

  /** A HiveServer2-compatible server registered as one of a classic warehouse's clusters. */
  public record Endpoint(String host, int port) {
    public Endpoint {
      requireNonNull(host, "host is null");
      if (host.isBlank() || port < 1 || port > 65535) {
        throw new IllegalArgumentException("Invalid endpoint " + host + ":" + port);
      }
    }

    @Override
    public String toString() {
      return host + ":" + port;
    }
  }
}
