package io.sluice.protocol.transport;

import static java.util.Objects.requireNonNull;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes the Thrift messages of a connection after its SASL handshake. Each frame is a 4-byte
 * big-endian length and that many bytes; the frames' payloads together form a stream of strict
 * binary Thrift messages. Clients send one message per frame, but a message may span frames and a
 * frame may hold several messages, so the payloads are scanned with a {@link ThriftMessageScanner}.
 *
 * <p>Emits one {@link ByteBuf} per complete message, which the next handler must release. When a
 * frame holds whole messages they are retained slices of the received bytes; only a message split
 * across frames is copied. Closes the connection when a frame or message is larger than {@link
 * ThriftTransportLimits#maxMessageBytes()} (as soon as its declared size is seen), when the payload
 * is not valid Thrift, and when a frame or message stays incomplete for longer than {@link
 * ThriftTransportLimits#partialMessageTimeout()}.
 */
public final class SaslFrameDecoder extends ByteToMessageDecoder {
  private static final Logger log = LoggerFactory.getLogger(SaslFrameDecoder.class);
  private static final int LENGTH_BYTES = Integer.BYTES;

  private final int maxFrameBytes;
  private final ThriftMessageScanner scanner;
  private final PartialMessageDeadline partialMessageDeadline;
  // The received part of a message that started in an earlier frame; null when there is none.
  private ByteBuf partialMessage;
  private boolean failed;

  public SaslFrameDecoder(ThriftTransportLimits limits) {
    requireNonNull(limits, "limits is null");
    this.maxFrameBytes = limits.maxMessageBytes();
    this.scanner = new ThriftMessageScanner(limits.maxMessageBytes());
    this.partialMessageDeadline = new PartialMessageDeadline(limits.partialMessageTimeout());
  }

  @Override
  protected void decode(ChannelHandlerContext context, ByteBuf in, List<Object> out) {
    if (failed) {
      in.skipBytes(in.readableBytes());
      return;
    }
    if (in.readableBytes() < LENGTH_BYTES) {
      return;
    }
    int frameLength = in.getInt(in.readerIndex());
    if (frameLength < 0 || frameLength > maxFrameBytes) {
      fail(
          context,
          in,
          "SASL frame of " + frameLength + " bytes is outside 0.." + maxFrameBytes + " bytes");
      return;
    }
    if (in.readableBytes() < LENGTH_BYTES + frameLength) {
      return;
    }
    in.skipBytes(LENGTH_BYTES);
    ByteBuf payload = in.readSlice(frameLength);
    try {
      if (partialMessage == null) {
        emitMessages(payload, out);
        if (payload.isReadable()) {
          partialMessage = copy(context, payload);
        }
      } else {
        partialMessage.writeBytes(payload);
        if (emitMessages(partialMessage, out)) {
          // The emitted messages share this buffer; continue with only the unfinished rest so the
          // buffer does not grow for as long as every frame ends inside a message.
          ByteBuf rest = partialMessage.isReadable() ? copy(context, partialMessage) : null;
          partialMessage.release();
          partialMessage = rest;
        }
      }
    } catch (MalformedThriftException e) {
      fail(context, in, e.getMessage());
    }
  }

  /** Emits every complete message in {@code payload}; returns whether there was one. */
  private boolean emitMessages(ByteBuf payload, List<Object> out) throws MalformedThriftException {
    boolean emitted = false;
    while (payload.isReadable()) {
      int length = scanner.scan(payload);
      if (length == ThriftMessageScanner.INCOMPLETE) {
        break;
      }
      out.add(payload.readRetainedSlice(length));
      partialMessageDeadline.messageCompleted();
      emitted = true;
    }
    return emitted;
  }

  private static ByteBuf copy(ChannelHandlerContext context, ByteBuf bytes) {
    return context.alloc().buffer(bytes.readableBytes()).writeBytes(bytes);
  }

  private void fail(ChannelHandlerContext context, ByteBuf in, String reason) {
    failed = true;
    in.skipBytes(in.readableBytes());
    releasePartialMessage();
    log.debug("Closing connection {}: {}", context.channel().remoteAddress(), reason);
    context.close();
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext context) throws Exception {
    boolean incompleteBytesBuffered =
        !failed && (partialMessage != null || internalBuffer().isReadable());
    partialMessageDeadline.readComplete(context.channel(), incompleteBytesBuffered);
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
    releasePartialMessage();
  }

  private void releasePartialMessage() {
    if (partialMessage != null) {
      partialMessage.release();
      partialMessage = null;
    }
  }
}
