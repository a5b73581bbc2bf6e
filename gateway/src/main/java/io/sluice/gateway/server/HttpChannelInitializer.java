package io.sluice.gateway.server;

import static java.util.Objects.requireNonNull;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The HTTP port's pipeline: optional TLS, limits on idle and stalled connections, HTTP/1.1 with
 * bodies up to the configured maximum (larger ones get 413), then routing.
 */
final class HttpChannelInitializer extends ChannelInitializer<SocketChannel> {
  private static final int MAX_INITIAL_LINE_BYTES = 8192;
  private static final int MAX_HEADER_BYTES = 65536;

  private final Optional<SslContext> tls;
  private final int maxBodyBytes;
  private final Duration firstRequestTimeout;
  private final Duration partialRequestTimeout;
  private final Duration idleTimeout;
  private final Supplier<HttpGatewayHandler> handlers;

  HttpChannelInitializer(
      Optional<SslContext> tls,
      int maxBodyBytes,
      Duration firstRequestTimeout,
      Duration partialRequestTimeout,
      Duration idleTimeout,
      Supplier<HttpGatewayHandler> handlers) {
    this.tls = requireNonNull(tls, "tls is null");
    this.maxBodyBytes = maxBodyBytes;
    this.firstRequestTimeout = requireNonNull(firstRequestTimeout, "firstRequestTimeout is null");
    this.partialRequestTimeout =
        requireNonNull(partialRequestTimeout, "partialRequestTimeout is null");
    this.idleTimeout = requireNonNull(idleTimeout, "idleTimeout is null");
    this.handlers = requireNonNull(handlers, "handlers is null");
  }

  @Override
  protected void initChannel(SocketChannel channel) {
    ChannelPipeline pipeline = channel.pipeline();
    tls.ifPresent(context -> pipeline.addLast("tls", context.newHandler(channel.alloc())));
    pipeline.addLast(
        "idle", new IdleStateHandler(0, 0, idleTimeout.toMillis(), TimeUnit.MILLISECONDS));
    pipeline.addLast("idle-closer", new IdleConnectionCloser());
    pipeline.addLast("http", new HttpServerCodec(MAX_INITIAL_LINE_BYTES, MAX_HEADER_BYTES, 65536));
    pipeline.addLast("stall-guard", new HttpStallGuard(firstRequestTimeout, partialRequestTimeout));
    pipeline.addLast("aggregator", new HttpObjectAggregator(maxBodyBytes));
    pipeline.addLast("router", handlers.get());
  }
}
