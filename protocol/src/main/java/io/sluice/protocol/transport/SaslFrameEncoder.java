package io.sluice.protocol.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageEncoder;
import java.util.List;

/**
 * Frames each outbound Thrift message for a SASL connection: a 4-byte big-endian length, then the
 * message. The message's bytes are passed on as they are, not copied. Stateless, so one instance
 * may serve every connection.
 */
@ChannelHandler.Sharable
public final class SaslFrameEncoder extends MessageToMessageEncoder<ByteBuf> {
  public SaslFrameEncoder() {
    super(ByteBuf.class);
  }

  @Override
  protected void encode(ChannelHandlerContext context, ByteBuf message, List<Object> out) {
    out.add(context.alloc().buffer(Integer.BYTES).writeInt(message.readableBytes()));
    out.add(message.retain());
  }
}
