package io.sluice.gateway.server;

import static java.util.Objects.requireNonNull;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import io.sluice.gateway.thrift.ThriftDispatcher;
import io.sluice.protocol.transport.BinaryTransportDetector;
import io.sluice.protocol.transport.PlainAuthenticator;
import io.sluice.protocol.transport.ThriftTransportLimits;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The binary port's pipeline: optional TLS, an idle-connection limit, transport detection (SASL
 * PLAIN or NOSASL, which frames messages), then the Thrift handler.
 */
final class BinaryChannelInitializer extends ChannelInitializer<SocketChannel> {
  private final Optional<SslContext> tls;
  private final ThriftTransportLimits limits;
  private final Duration idleTimeout;
  private final PlainAuthenticator authenticator;
  private final ThriftDispatcher dispatcher;

  BinaryChannelInitializer(
      Optional<SslContext> tls,
      ThriftTransportLimits limits,
      Duration idleTimeout,
      PlainAuthenticator authenticator,
      ThriftDispatcher dispatcher) {
    this.tls = requireNonNull(tls, "tls is null");
    this.limits = requireNonNull(limits, "limits is null");
    this.idleTimeout = requireNonNull(idleTimeout, "idleTimeout is null");
    this.authenticator = requireNonNull(authenticator, "authenticator is null");
    this.dispatcher = requireNonNull(dispatcher, "dispatcher is null");
  }

  @Override
  protected void initChannel(SocketChannel channel) {
    ChannelPipeline pipeline = channel.pipeline();
    tls.ifPresent(context -> pipeline.addLast("tls", context.newHandler(channel.alloc())));
    pipeline.addLast(
        "idle", new IdleStateHandler(0, 0, idleTimeout.toMillis(), TimeUnit.MILLISECONDS));
    pipeline.addLast("idle-closer", new IdleConnectionCloser());
    pipeline.addLast("transport", new BinaryTransportDetector(limits, authenticator));
    pipeline.addLast("thrift", new BinaryThriftHandler(dispatcher));
  }
}
