package io.sluice.pool;

/** A warehouse's state as the Databricks Warehouses API names it. */
public enum WarehouseState {
  STARTING,
  RUNNING,
  STOPPING,
  STOPPED,
  DELETED
}
