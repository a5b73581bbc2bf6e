package io.sluice.pool;

/** A statement was refused because the warehouse's queue already holds its limit. */
public final class QueueFullException extends Exception {
  private static final long serialVersionUID = 1L;

  public QueueFullException(String message) {
    super(message);
  }
}
