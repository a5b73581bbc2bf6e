package io.sluice.pool;

import io.sluice.protocol.thrift.TCLIService;
import io.sluice.protocol.thrift.TCloseSessionResp;
import io.sluice.protocol.thrift.THandleIdentifier;
import io.sluice.protocol.thrift.TOpenSessionResp;
import io.sluice.protocol.thrift.TProtocolVersion;
import io.sluice.protocol.thrift.TSessionHandle;
import io.sluice.protocol.thrift.TStatus;
import io.sluice.protocol.thrift.TStatusCode;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.server.ServerContext;
import org.apache.thrift.server.TServerEventHandler;
import org.apache.thrift.server.TThreadPoolServer;
import org.apache.thrift.transport.TServerSocket;
import org.apache.thrift.transport.TTransport;

/**
 * A minimal in-process HiveServer2 endpoint for pool tests: binary Thrift without SASL, answers
 * OpenSession and CloseSession with success, and counts the connections clients open. The real
 * Spark Thrift Server is tested in the gateway module; this keeps connection-pool tests to
 * milliseconds.
 */
final class TestingHiveServer2 implements AutoCloseable {
  private final TServerSocket socket;
  private final TThreadPoolServer server;
  private final Thread thread;
  private final AtomicInteger connections = new AtomicInteger();

  TestingHiveServer2() throws Exception {
    socket = new TServerSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    TCLIService.Iface service =
        (TCLIService.Iface)
            Proxy.newProxyInstance(
                TCLIService.Iface.class.getClassLoader(),
                new Class<?>[] {TCLIService.Iface.class},
                (proxy, method, arguments) ->
                    switch (method.getName()) {
                      case "OpenSession" ->
                          new TOpenSessionResp(
                                  new TStatus(TStatusCode.SUCCESS_STATUS),
                                  TProtocolVersion.HIVE_CLI_SERVICE_PROTOCOL_V10)
                              .setSessionHandle(
                                  new TSessionHandle(
                                      new THandleIdentifier(
                                          ByteBuffer.allocate(16), ByteBuffer.allocate(16))));
                      case "CloseSession" ->
                          new TCloseSessionResp(new TStatus(TStatusCode.SUCCESS_STATUS));
                      default -> throw new UnsupportedOperationException(method.getName());
                    });
    server =
        new TThreadPoolServer(
            new TThreadPoolServer.Args(socket)
                .processor(new TCLIService.Processor<>(service))
                .minWorkerThreads(1)
                .maxWorkerThreads(8));
    server.setServerEventHandler(
        new TServerEventHandler() {
          @Override
          public void preServe() {}

          @Override
          public ServerContext createContext(TProtocol input, TProtocol output) {
            connections.incrementAndGet();
            return null;
          }

          @Override
          public void deleteContext(ServerContext context, TProtocol input, TProtocol output) {}

          @Override
          public void processContext(ServerContext context, TTransport input, TTransport output) {}
        });
    thread = new Thread(server::serve, "testing-hiveserver2");
    thread.setDaemon(true);
    thread.start();
    while (!server.isServing()) {
      Thread.onSpinWait();
    }
  }

  int port() {
    return socket.getServerSocket().getLocalPort();
  }

  /** Connections accepted so far. */
  int connections() {
    return connections.get();
  }

  @Override
  public void close() {
    server.stop();
    socket.close();
  }
}
