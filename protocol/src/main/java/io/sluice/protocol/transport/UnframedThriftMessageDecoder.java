package io.sluice.protocol.transport;

import static java.util.Objects.requireNonNull;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Splits a NOSASL connection ({@code auth=noSasl}) into Thrift messages. The client writes strict
 * binary Thrift messages back to back with no length prefix, so their boundaries are found by
 * walking each message's structure with a {@link ThriftMessageScanner}.
 *
 * <p>Emits one {@link ByteBuf} per complete message (a retained slice of the received bytes, which
 * the next handler must release). Closes the connection when the bytes are not a valid message or
 * declare more than {@link ThriftTransportLimits#maxMessageBytes()}, when a message stays
 * incomplete for longer than {@link ThriftTransportLimits#partialMessageTimeout()}, and when the
 * first message does not complete before the handshake deadline.
 */
public final class UnframedThriftMessageDecoder extends ByteToMessageDecoder {
  private static final Logger log = LoggerFactory.getLogger(UnframedThriftMessageDecoder.class);

  private final ThriftMessageScanner scanner;
  private final ConnectionDeadline handshakeDeadline;
  private final PartialMessageDeadline partialMessageDeadline;
  private boolean failed;

  /**
   * @param handshakeDeadline the connection's handshake timer, cancelled by the first complete
   *     message
   */
  public UnframedThriftMessageDecoder(
      ThriftTransportLimits limits, ConnectionDeadline handshakeDeadline) {
    requireNonNull(limits, "limits is null");
    this.scanner = new ThriftMessageScanner(limits.maxMessageBytes());
    this.handshakeDeadline = requireNonNull(handshakeDeadline, "handshakeDeadline is null");
    this.partialMessageDeadline = new PartialMessageDeadline(limits.partialMessageTimeout());
  }

  @Override
  protected void decode(ChannelHandlerContext context, ByteBuf in, List<Object> out) {
    if (failed) {
      in.skipBytes(in.readableBytes());
      return;
    }
    int length;
    try {
      length = scanner.scan(in);
    } catch (MalformedThriftException e) {
      failed = true;
      in.skipBytes(in.readableBytes());
      log.debug("Closing connection {}: {}", context.channel().remoteAddress(), e.getMessage());
      context.close();
      return;
    }
    if (length != ThriftMessageScanner.INCOMPLETE) {
      handshakeDeadline.cancel();
      partialMessageDeadline.messageCompleted();
      out.add(in.readRetainedSlice(length));
    }
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext context) throws Exception {
    partialMessageDeadline.readComplete(
        context.channel(), !failed && internalBuffer().isReadable());
    super.channelReadComplete(context);
  }

  @Override
  public void channelInactive(ChannelHandlerContext context) throws Exception {
    partialMessageDeadline.cancel();
    super.channelInactive(context);
  }

  @Override
  protected void handlerRemoved0(ChannelHandlerContext context) {
    partialMessageDeadline.cancel();
  }
}
