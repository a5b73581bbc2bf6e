package io.sluice.gateway.warehouse;

/**
 * The body of a Warehouses API create or edit request, with Databricks' field names. Every field is
 * optional here: create fills defaults, edit keeps the current value of a missing field. {@code
 * engine_per_user} is Sluice's own: each user gets engines of their own.
 */
public record WarehouseRequest(
    String name,
    String clusterSize,
    Integer minNumClusters,
    Integer maxNumClusters,
    Integer autoStopMins,
    Boolean enableServerlessCompute,
    String warehouseType,
    Boolean enginePerUser,
    java.util.List<Endpoint> endpoints) {

  /** A classic warehouse's cluster: a HiveServer2 host and port. */
  public record Endpoint(String host, Integer port) {}
}
