package io.sluice.engine.session;

import io.sluice.protocol.thrift.TSessionHandle;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.sql.SparkSession;

/** One client session: its own {@link SparkSession} (from {@code newSession()}) and operations. */
public final class EngineSession {
  private final HandleIdentity handle;
  private final SparkSession spark;
  private final String user;
  private final NegotiatedProtocol protocol;
  private final Set<UUID> operationIds = ConcurrentHashMap.newKeySet();

  public EngineSession(
      HandleIdentity handle, SparkSession spark, String user, NegotiatedProtocol protocol) {
    this.handle = handle;
    this.spark = spark;
    this.user = user;
    this.protocol = protocol;
  }

  public HandleIdentity handle() {
    return handle;
  }

  public TSessionHandle toThrift() {
    return new TSessionHandle(handle.toThrift());
  }

  public SparkSession spark() {
    return spark;
  }

  /** The user for logging: configuration key {@code sluice.user}, else the OpenSession username. */
  public String user() {
    return user;
  }

  public NegotiatedProtocol protocol() {
    return protocol;
  }

  /** The ids of this session's open operations. */
  public Set<UUID> operationIds() {
    return operationIds;
  }

  @Override
  public String toString() {
    return "session " + handle + " of " + user;
  }
}
