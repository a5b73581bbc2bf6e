package io.sluice.governance.warehouse;

/** A warehouse with the same id or name already exists. */
public final class WarehouseConflictException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public WarehouseConflictException(String message) {
    super(message);
  }
}
