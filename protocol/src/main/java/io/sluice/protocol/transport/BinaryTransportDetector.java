package io.sluice.protocol.transport;

import static java.util.Objects.requireNonNull;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first handler of every connection on the binary port: tells the two framings apart by the
 * first bytes and replaces itself with the handler for the one the client speaks.
 *
 * <ul>
 *   <li>{@code 0x01}, a SASL START message: {@link SaslPlainServerHandler}, which after the
 *       handshake leaves a {@link SaslFrameDecoder} and a {@link SaslFrameEncoder} in its place;
 *   <li>{@code 0x80 0x01}, a strict binary Thrift message sent without SASL: {@link
 *       UnframedThriftMessageDecoder};
 *   <li>anything else: the connection is closed.
 * </ul>
 *
 * <p>The bytes read while detecting are passed on to the new handler. It also starts the handshake
 * deadline: a connection that has not completed the SASL handshake, or without SASL sent its first
 * complete message, within {@link ThriftTransportLimits#handshakeTimeout()} is closed.
 *
 * <p>The handler after it receives one {@link ByteBuf} per Thrift message, which it must release,
 * and writes one {@link ByteBuf} per reply: raw on a NOSASL connection, framed by the {@link
 * SaslFrameEncoder} on a SASL connection. Not sharable: add a new instance to every connection.
 */
public final class BinaryTransportDetector extends ByteToMessageDecoder {
  static final String UNFRAMED_DECODER_NAME = "unframedThriftMessageDecoder";
  static final String SASL_HANDLER_NAME = "saslPlainServerHandler";

  private static final Logger log = LoggerFactory.getLogger(BinaryTransportDetector.class);
  private static final byte SASL_START = 0x01;
  private static final byte STRICT_VERSION_HIGH = (byte) 0x80;
  private static final byte STRICT_VERSION_LOW = 0x01;
  private static final int LOGGED_BYTES = 8;

  private final ThriftTransportLimits limits;
  private final PlainAuthenticator authenticator;
  private final ConnectionDeadline handshakeDeadline;
  private boolean handshakeDeadlineStarted;

  public BinaryTransportDetector(ThriftTransportLimits limits, PlainAuthenticator authenticator) {
    this.limits = requireNonNull(limits, "limits is null");
    this.authenticator = requireNonNull(authenticator, "authenticator is null");
    this.handshakeDeadline =
        new ConnectionDeadline(limits.handshakeTimeout(), "did not complete the handshake");
  }

  @Override
  public void handlerAdded(ChannelHandlerContext context) throws Exception {
    if (context.channel().isActive()) {
      startHandshakeDeadline(context);
    }
    super.handlerAdded(context);
  }

  @Override
  public void channelActive(ChannelHandlerContext context) throws Exception {
    startHandshakeDeadline(context);
    super.channelActive(context);
  }

  private void startHandshakeDeadline(ChannelHandlerContext context) {
    if (!handshakeDeadlineStarted) {
      handshakeDeadlineStarted = true;
      handshakeDeadline.start(context.channel());
      context.channel().closeFuture().addListener(future -> handshakeDeadline.cancel());
    }
  }

  @Override
  protected void decode(ChannelHandlerContext context, ByteBuf in, List<Object> out) {
    byte first = in.getByte(in.readerIndex());
    if (first == SASL_START) {
      context
          .pipeline()
          .replace(
              this,
              SASL_HANDLER_NAME,
              new SaslPlainServerHandler(limits, authenticator, handshakeDeadline));
      return;
    }
    if (first == STRICT_VERSION_HIGH) {
      if (in.readableBytes() < 2) {
        return;
      }
      if (in.getByte(in.readerIndex() + 1) == STRICT_VERSION_LOW) {
        context
            .pipeline()
            .replace(
                this,
                UNFRAMED_DECODER_NAME,
                new UnframedThriftMessageDecoder(limits, handshakeDeadline));
        return;
      }
    }
    if (log.isDebugEnabled()) {
      log.debug(
          "Closing connection {}: first bytes {} are neither SASL nor binary Thrift",
          context.channel().remoteAddress(),
          ByteBufUtil.hexDump(in, in.readerIndex(), Math.min(in.readableBytes(), LOGGED_BYTES)));
    }
    in.skipBytes(in.readableBytes());
    context.close();
  }
}
