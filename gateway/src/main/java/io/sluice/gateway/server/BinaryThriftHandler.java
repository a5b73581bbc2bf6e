package io.sluice.gateway.server;

import static java.util.Objects.requireNonNull;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.sluice.gateway.thrift.CallContext;
import io.sluice.gateway.thrift.ThriftDispatcher;
import io.sluice.protocol.transport.TransportAttributes;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.Queue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last handler on a binary connection: receives one complete Thrift message at a time from the
 * transport decoders, dispatches it off the event loop, and writes the reply. Calls on one
 * connection are answered in order, one at a time, as Thrift clients expect.
 */
final class BinaryThriftHandler extends SimpleChannelInboundHandler<ByteBuf> {
  private static final Logger log = LoggerFactory.getLogger(BinaryThriftHandler.class);

  private final ThriftDispatcher dispatcher;
  private final Queue<ByteBuf> pending = new ArrayDeque<>();
  private boolean busy;

  BinaryThriftHandler(ThriftDispatcher dispatcher) {
    super(false);
    this.dispatcher = requireNonNull(dispatcher, "dispatcher is null");
  }

  @Override
  protected void channelRead0(ChannelHandlerContext context, ByteBuf message) {
    pending.add(message);
    processNext(context);
  }

  private void processNext(ChannelHandlerContext context) {
    if (busy || pending.isEmpty()) {
      return;
    }
    busy = true;
    ByteBuf message = pending.poll();
    String principal = context.channel().attr(TransportAttributes.PRINCIPAL).get();
    CallContext callContext =
        new CallContext(
            Optional.ofNullable(principal),
            Optional.ofNullable(context.channel().attr(TransportAttributes.CREDENTIAL).get()),
            principal == null ? "binary-nosasl" : "binary-sasl",
            String.valueOf(context.channel().remoteAddress()),
            "",
            Optional.empty());
    dispatcher
        .dispatch(message, callContext, context.alloc())
        .whenComplete(
            (reply, failure) ->
                context
                    .executor()
                    .execute(
                        () -> {
                          busy = false;
                          if (failure != null) {
                            log.debug(
                                "Closing {}: {}",
                                context.channel().remoteAddress(),
                                failure.getMessage());
                            context.close();
                            return;
                          }
                          context.writeAndFlush(reply);
                          processNext(context);
                        }));
  }

  @Override
  public void channelInactive(ChannelHandlerContext context) throws Exception {
    ByteBuf message;
    while ((message = pending.poll()) != null) {
      message.release();
    }
    super.channelInactive(context);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
    log.debug(
        "Binary connection {} failed: {}", context.channel().remoteAddress(), cause.toString());
    context.close();
  }
}
