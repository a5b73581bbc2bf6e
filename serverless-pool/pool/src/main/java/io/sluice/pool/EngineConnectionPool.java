package io.sluice.pool;

import static java.util.Objects.requireNonNull;

import io.sluice.protocol.thrift.TCLIService;
import io.sluice.protocol.thrift.TFetchResultsReq;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Supplier;
import org.apache.thrift.TApplicationException;
import org.apache.thrift.TConfiguration;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TMessage;
import org.apache.thrift.protocol.TMessageType;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.protocol.TType;
import org.apache.thrift.transport.TSocket;
import org.apache.thrift.transport.TTransportException;

/**
 * Thrift connections to one engine, shared by every gateway thread.
 *
 * <p>A generated {@code TCLIService.Client} is not thread-safe, but HiveServer2 handles are not
 * tied to a connection, so each call borrows an idle connection (or opens one), makes the call and
 * puts the connection back. {@link #client()} hides this behind the plain {@code Iface}. A
 * connection whose call failed in transport is discarded, and the failure surfaces as {@link
 * EngineUnavailableException} with {@code exitDescription}'s account of the engine's state. A
 * connection older than {@code maxLifetime} (when not zero) is closed instead of reused, so that
 * long-lived connections to external servers are recycled (load balancers, server-side limits).
 */
public final class EngineConnectionPool implements AutoCloseable {
  private static final int MAX_IDLE_CONNECTIONS = 16;
  private static final int MAX_MESSAGE_BYTES = 1 << 30;

  private final String host;
  private final int port;
  private final Duration socketTimeout;
  private final Supplier<String> exitDescription;
  private final Duration maxLifetime;
  private final Clock clock;
  private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
  private final TCLIService.Iface client;
  private volatile boolean closed;

  public EngineConnectionPool(
      String host,
      int port,
      Duration socketTimeout,
      Duration maxLifetime,
      Clock clock,
      Supplier<String> exitDescription) {
    this.maxLifetime = requireNonNull(maxLifetime, "maxLifetime is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.host = requireNonNull(host, "host is null");
    this.port = port;
    this.socketTimeout = requireNonNull(socketTimeout, "socketTimeout is null");
    this.exitDescription = requireNonNull(exitDescription, "exitDescription is null");
    this.client =
        (TCLIService.Iface)
            Proxy.newProxyInstance(
                TCLIService.Iface.class.getClassLoader(),
                new Class<?>[] {TCLIService.Iface.class},
                new BorrowingInvocationHandler());
  }

  /** A thread-safe client: every call runs on a pooled connection. */
  public TCLIService.Iface client() {
    return client;
  }

  /** A pooled connection and when it was opened. */
  private record Connection(TCLIService.Client client, Instant openedAt) {
    void close() {
      client.getInputProtocol().getTransport().close();
    }
  }

  private Connection borrow() throws TTransportException {
    Connection connection;
    while ((connection = idle.pollFirst()) != null) {
      if (!expired(connection)) {
        return connection;
      }
      connection.close();
    }
    TConfiguration configuration =
        TConfiguration.custom().setMaxMessageSize(MAX_MESSAGE_BYTES).build();
    TSocket socket = new TSocket(configuration, host, port, (int) socketTimeout.toMillis());
    socket.open();
    return new Connection(
        new TCLIService.Client(new TBinaryProtocol(new RecordingTransport(socket))),
        clock.instant());
  }

  private boolean expired(Connection connection) {
    return !maxLifetime.isZero()
        && !clock.instant().isBefore(connection.openedAt().plus(maxLifetime));
  }

  /** Connections kept for reuse now (for tests of recycling). */
  int idleConnections() {
    return idle.size();
  }

  /**
   * FetchResults with the reply kept encoded: returns the {@code FetchResults_result} struct's
   * bytes exactly as the engine wrote them, ready to be relayed to a client in a reply message of
   * its own. Result pages are the bulk of what flows through the gateway; relaying them saves a
   * decode and an encode of every value.
   */
  public byte[] fetchResultsEncoded(TFetchResultsReq request) throws TException {
    Connection connection;
    try {
      connection = borrow();
    } catch (TTransportException e) {
      throw unavailable(e);
    }
    try {
      connection.client().send_FetchResults(request);
      TProtocol input = connection.client().getInputProtocol();
      TMessage message = input.readMessageBegin();
      if (message.type == TMessageType.EXCEPTION) {
        TApplicationException failure = TApplicationException.readFrom(input);
        input.readMessageEnd();
        throw failure;
      }
      RecordingTransport transport = (RecordingTransport) input.getTransport();
      transport.startRecording();
      byte[] result;
      try {
        new EncodedReplySkipper(input, transport).skip(TType.STRUCT);
      } finally {
        result = transport.stopRecording();
      }
      input.readMessageEnd();
      release(connection);
      return result;
    } catch (TTransportException e) {
      connection.close();
      throw unavailable(e);
    } catch (TException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  private EngineUnavailableException unavailable(TTransportException cause) {
    return new EngineUnavailableException(
        "Lost the connection to the Spark engine: " + exitDescription.get(), cause);
  }

  private void release(Connection connection) {
    if (closed || idle.size() >= MAX_IDLE_CONNECTIONS || expired(connection)) {
      connection.close();
    } else {
      idle.addFirst(connection);
    }
  }

  @Override
  public void close() {
    closed = true;
    Connection connection;
    while ((connection = idle.pollFirst()) != null) {
      connection.close();
    }
  }

  private final class BorrowingInvocationHandler implements InvocationHandler {
    @Override
    public Object invoke(Object proxy, Method method, Object[] arguments) throws Throwable {
      if (method.getDeclaringClass() == Object.class) {
        return method.invoke(EngineConnectionPool.this, arguments);
      }
      Connection connection;
      try {
        connection = borrow();
      } catch (TTransportException e) {
        throw unavailable(e);
      }
      try {
        Object result = method.invoke(connection.client(), arguments);
        release(connection);
        return result;
      } catch (InvocationTargetException e) {
        connection.close();
        Throwable cause = e.getCause();
        if (cause instanceof TTransportException transportFailure) {
          throw unavailable(transportFailure);
        }
        // An application-level Thrift error (e.g. TApplicationException): the connection's state
        // is unknown, so it was closed above, but the engine itself is fine.
        throw cause;
      }
    }
  }
}
