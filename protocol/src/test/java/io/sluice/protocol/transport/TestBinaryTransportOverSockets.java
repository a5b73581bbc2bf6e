package io.sluice.protocol.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.sluice.protocol.thrift.TCLIService;
import io.sluice.protocol.thrift.TOpenSessionReq;
import io.sluice.protocol.thrift.TOpenSessionResp;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.transport.TSaslClientTransport;
import org.apache.thrift.transport.TSocket;
import org.apache.thrift.transport.TTransport;
import org.apache.thrift.transport.TTransportException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The binary port over real sockets against libthrift's own clients: {@code TSaslClientTransport}
 * with the JDK's PLAIN mechanism, as Hive JDBC connects by default, and a bare {@code TSocket}, as
 * it connects with {@code auth=noSasl}.
 */
class TestBinaryTransportOverSockets {
  private static final ThriftTransportLimits LIMITS =
      new ThriftTransportLimits(1024 * 1024, Duration.ofSeconds(5), Duration.ofSeconds(5));
  private static final int CLIENT_TIMEOUT_MILLIS = 5_000;

  private final ExecutorService authenticationExecutor = Executors.newSingleThreadExecutor();
  private final TestingPlainAuthenticator passwords =
      new TestingPlainAuthenticator(Map.of("token", "dapiTEST"));
  private EventLoopGroup eventLoops;
  private Channel server;

  @BeforeEach
  void startServer() throws InterruptedException {
    // Answers from another thread, as a real authenticator would.
    PlainAuthenticator authenticator =
        (username, password) ->
            CompletableFuture.supplyAsync(() -> username, authenticationExecutor)
                .thenCompose(name -> passwords.authenticate(name, password));
    eventLoops = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    server =
        new ServerBootstrap()
            .group(eventLoops)
            .channel(NioServerSocketChannel.class)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel channel) {
                    channel
                        .pipeline()
                        .addLast(new BinaryTransportDetector(LIMITS, authenticator))
                        .addLast(new TestingOpenSessionHandler());
                  }
                })
            .bind(InetAddress.getLoopbackAddress(), 0)
            .sync()
            .channel();
  }

  @AfterEach
  void stopServer() throws InterruptedException {
    server.close().sync();
    eventLoops.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    authenticationExecutor.shutdownNow();
  }

  @Test
  void saslPlainClientAuthenticatesAndCallsOpenSession() throws Exception {
    TTransport transport = saslTransport("token", "dapiTEST");
    try {
      transport.open();
      TCLIService.Client client = new TCLIService.Client(new TBinaryProtocol(transport));

      for (int call = 0; call < 3; call++) {
        TOpenSessionResp response = client.OpenSession(new TOpenSessionReq());
        assertThat(response.getConfiguration())
            .containsExactlyEntriesOf(Map.of("principal", "TOKEN"));
      }
    } finally {
      transport.close();
    }
  }

  @Test
  void saslPlainClientWithAWrongPasswordIsToldWhy() throws Exception {
    TTransport transport = saslTransport("token", "wrong");
    try {
      assertThatThrownBy(transport::open)
          .isInstanceOf(TTransportException.class)
          .hasMessageContaining("Invalid username or password");
    } finally {
      transport.close();
    }
  }

  @Test
  void noSaslClientCallsOpenSessionWithCredentialsInTheRequest() throws Exception {
    TTransport transport = new TSocket("127.0.0.1", port(), CLIENT_TIMEOUT_MILLIS);
    try {
      transport.open();
      TCLIService.Client client = new TCLIService.Client(new TBinaryProtocol(transport));

      for (int call = 0; call < 3; call++) {
        TOpenSessionResp response =
            client.OpenSession(new TOpenSessionReq().setUsername("bob").setPassword("secret"));
        assertThat(response.getConfiguration()).containsExactlyEntriesOf(Map.of("username", "bob"));
      }
    } finally {
      transport.close();
    }
  }

  private TTransport saslTransport(String username, String password) throws Exception {
    CallbackHandler credentials =
        callbacks -> {
          for (Callback callback : callbacks) {
            if (callback instanceof NameCallback name) {
              name.setName(username);
            } else if (callback instanceof PasswordCallback secret) {
              secret.setPassword(password.toCharArray());
            }
          }
        };
    return new TSaslClientTransport(
        "PLAIN",
        null,
        null,
        null,
        Map.of(),
        credentials,
        new TSocket("127.0.0.1", port(), CLIENT_TIMEOUT_MILLIS));
  }

  private int port() {
    return ((InetSocketAddress) server.localAddress()).getPort();
  }
}
