package io.sluice.pool;

import org.apache.thrift.TException;

/**
 * A call to an engine failed because the engine is gone or unreachable, as opposed to the engine
 * answering with an error status. Whatever the statement was doing on that engine is lost.
 */
public final class EngineUnavailableException extends TException {
  private static final long serialVersionUID = 1L;

  public EngineUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
