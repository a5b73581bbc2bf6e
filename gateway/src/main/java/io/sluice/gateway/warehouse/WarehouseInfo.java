package io.sluice.gateway.warehouse;

/**
 * A warehouse as the Warehouses API returns it: Databricks' field names and shapes, plus the live
 * counts of statements running on its engines and waiting in its queue.
 */
public record WarehouseInfo(
    String id,
    String name,
    String clusterSize,
    int minNumClusters,
    int maxNumClusters,
    int autoStopMins,
    String creatorName,
    boolean enableServerlessCompute,
    String warehouseType,
    boolean enginePerUser,
    String state,
    int numClusters,
    int numActiveSessions,
    int numRunningQueries,
    int numQueuedQueries,
    String jdbcUrl,
    OdbcParams odbcParams,
    Health health,
    java.util.List<EndpointStatus> endpoints) {

  /** A classic warehouse's cluster and its state: HEALTHY or UNHEALTHY, and whether it drains. */
  public record EndpointStatus(String host, int port, String health, boolean draining) {}

  /** How ODBC and JDBC clients reach the warehouse. */
  public record OdbcParams(String hostname, String path, String protocol, int port) {}

  /** Databricks' health block; a serverless warehouse is healthy while the gateway serves it. */
  public record Health(String status) {}
}
