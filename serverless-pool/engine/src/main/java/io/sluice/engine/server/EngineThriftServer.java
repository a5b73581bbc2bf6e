package io.sluice.engine.server;

import io.sluice.protocol.thrift.TCLIService;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.server.TServer;
import org.apache.thrift.server.TThreadPoolServer;
import org.apache.thrift.transport.TServerSocket;
import org.apache.thrift.transport.TTransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's listener: unframed binary Thrift without SASL (what Hive JDBC calls {@code
 * auth=noSasl}), one worker thread per connection.
 */
public final class EngineThriftServer implements AutoCloseable {
  /** Largest request the engine reads; requests are statements and handles, never data. */
  public static final int MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

  private static final int MIN_WORKER_THREADS = 4;
  private static final int MAX_WORKER_THREADS = 256;
  private static final int BACKLOG = 128;
  private static final Logger LOG = LoggerFactory.getLogger(EngineThriftServer.class);

  private final TServerSocket serverSocket;
  private final TServer server;
  private final Thread serveThread;

  private EngineThriftServer(TServerSocket serverSocket, TServer server) {
    this.serverSocket = serverSocket;
    this.server = server;
    this.serveThread = new Thread(server::serve, "sluice-engine-thrift-server");
  }

  /** Binds {@code host:port} (0 = ephemeral) and starts serving {@code service}. */
  public static EngineThriftServer start(String host, int port, TCLIService.Iface service)
      throws TTransportException {
    TServerSocket serverSocket =
        new TServerSocket(
            new TServerSocket.ServerSocketTransportArgs()
                .bindAddr(new InetSocketAddress(host, port))
                .backlog(BACKLOG));
    TThreadPoolServer.Args arguments =
        new TThreadPoolServer.Args(serverSocket)
            .processor(new TCLIService.Processor<>(service))
            .transportFactory(new MessageSizeLimitingTransportFactory(MAX_MESSAGE_BYTES))
            .protocolFactory(new TBinaryProtocol.Factory(false, true, MAX_MESSAGE_BYTES, -1))
            .minWorkerThreads(MIN_WORKER_THREADS)
            .maxWorkerThreads(MAX_WORKER_THREADS)
            .stopTimeoutVal(5)
            .stopTimeoutUnit(TimeUnit.SECONDS);
    EngineThriftServer engineServer =
        new EngineThriftServer(serverSocket, new TThreadPoolServer(arguments));
    engineServer.serveThread.start();
    return engineServer;
  }

  /** The port actually bound. */
  public int port() {
    return serverSocket.getServerSocket().getLocalPort();
  }

  @Override
  public void close() {
    LOG.info("Stopping the Thrift server");
    server.stop();
  }
}
