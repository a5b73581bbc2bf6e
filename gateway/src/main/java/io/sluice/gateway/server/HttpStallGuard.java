package io.sluice.gateway.server;

import static java.util.Objects.requireNonNull;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Bounds how long an HTTP client may take: a new connection must send its first request within
 * {@code firstRequestTimeout}, and a request whose headers arrived must be complete within {@code
 * partialRequestTimeout}. A client that stalls is disconnected; the event loop's timers do the
 * waiting.
 */
final class HttpStallGuard extends ChannelInboundHandlerAdapter {
  private final Duration firstRequestTimeout;
  private final Duration partialRequestTimeout;
  private ScheduledFuture<?> deadline;

  HttpStallGuard(Duration firstRequestTimeout, Duration partialRequestTimeout) {
    this.firstRequestTimeout = requireNonNull(firstRequestTimeout, "firstRequestTimeout is null");
    this.partialRequestTimeout =
        requireNonNull(partialRequestTimeout, "partialRequestTimeout is null");
  }

  @Override
  public void channelActive(ChannelHandlerContext context) throws Exception {
    arm(context, firstRequestTimeout);
    super.channelActive(context);
  }

  @Override
  public void channelRead(ChannelHandlerContext context, Object message) throws Exception {
    if (message instanceof HttpRequest) {
      arm(context, partialRequestTimeout);
    }
    if (message instanceof LastHttpContent) {
      disarm();
    }
    super.channelRead(context, message);
  }

  @Override
  public void channelInactive(ChannelHandlerContext context) throws Exception {
    disarm();
    super.channelInactive(context);
  }

  private void arm(ChannelHandlerContext context, Duration timeout) {
    disarm();
    deadline =
        context
            .executor()
            .schedule(() -> context.close(), timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void disarm() {
    if (deadline != null) {
      deadline.cancel(false);
      deadline = null;
    }
  }
}
