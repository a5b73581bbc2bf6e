package io.sluice.gateway.server;

import static java.util.Objects.requireNonNull;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.sluice.gateway.GatewayConfig;
import io.sluice.gateway.auth.TokenAuthenticator;
import io.sluice.gateway.rest.RestRoutes;
import io.sluice.gateway.thrift.ThriftDispatcher;
import io.sluice.protocol.transport.PlainAuthenticator;
import io.sluice.protocol.transport.ThriftTransportLimits;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/** The gateway's two listening ports: Thrift binary and HTTP (Thrift over HTTP, health). */
public final class GatewayServer implements AutoCloseable {
  private final EventLoopGroup acceptors;
  private final EventLoopGroup workers;
  private final Channel binaryChannel;
  private final Channel httpChannel;

  private GatewayServer(
      EventLoopGroup acceptors,
      EventLoopGroup workers,
      Channel binaryChannel,
      Channel httpChannel) {
    this.acceptors = acceptors;
    this.workers = workers;
    this.binaryChannel = binaryChannel;
    this.httpChannel = httpChannel;
  }

  /** Binds both ports; returns once both listen. */
  public static GatewayServer start(
      GatewayConfig config,
      TokenAuthenticator authenticator,
      ThriftDispatcher dispatcher,
      RestRoutes routes,
      ExecutorService executor)
      throws InterruptedException, SSLException {
    requireNonNull(config, "config is null");
    requireNonNull(routes, "routes is null");
    Optional<SslContext> tls = tlsContext(config);
    ThriftTransportLimits limits =
        new ThriftTransportLimits(
            config.maxMessageBytes(), config.handshakeTimeout(), config.partialMessageTimeout());
    PlainAuthenticator saslAuthenticator =
        (user, password) ->
            CompletableFuture.supplyAsync(
                () -> authenticator.authenticatePassword(password), executor);
    EventLoopGroup acceptors = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    EventLoopGroup workers = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
    try {
      Channel binary =
          bootstrap(acceptors, workers)
              .childHandler(
                  new BinaryChannelInitializer(
                      tls, limits, config.connectionIdleTimeout(), saslAuthenticator, dispatcher))
              .bind(config.host(), config.binaryPort())
              .sync()
              .channel();
      Channel http =
          bootstrap(acceptors, workers)
              .childHandler(
                  new HttpChannelInitializer(
                      tls,
                      config.maxMessageBytes(),
                      config.handshakeTimeout(),
                      config.partialMessageTimeout(),
                      config.connectionIdleTimeout(),
                      () -> new HttpGatewayHandler(authenticator, dispatcher, routes, executor)))
              .bind(config.host(), config.httpPort())
              .sync()
              .channel();
      return new GatewayServer(acceptors, workers, binary, http);
    } catch (InterruptedException | RuntimeException e) {
      acceptors.shutdownGracefully(0, 0, TimeUnit.SECONDS);
      workers.shutdownGracefully(0, 0, TimeUnit.SECONDS);
      throw e;
    }
  }

  private static ServerBootstrap bootstrap(EventLoopGroup acceptors, EventLoopGroup workers) {
    return new ServerBootstrap()
        .group(acceptors, workers)
        .channel(NioServerSocketChannel.class)
        .option(ChannelOption.SO_BACKLOG, 1024)
        .option(ChannelOption.SO_REUSEADDR, true)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childOption(ChannelOption.SO_KEEPALIVE, true);
  }

  private static Optional<SslContext> tlsContext(GatewayConfig config) throws SSLException {
    if (!config.tlsEnabled()) {
      return Optional.empty();
    }
    return Optional.of(
        SslContextBuilder.forServer(
                config.tlsCertificate().get().toFile(), config.tlsKey().get().toFile())
            .build());
  }

  public int binaryPort() {
    return ((InetSocketAddress) binaryChannel.localAddress()).getPort();
  }

  public int httpPort() {
    return ((InetSocketAddress) httpChannel.localAddress()).getPort();
  }

  @Override
  public void close() {
    binaryChannel.close().syncUninterruptibly();
    httpChannel.close().syncUninterruptibly();
    acceptors.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
