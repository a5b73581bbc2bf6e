package io.sluice.protocol.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.sluice.protocol.thrift.TCLIService;
import io.sluice.protocol.thrift.TOpenSessionResp;
import io.sluice.protocol.thrift.TProtocolVersion;
import io.sluice.protocol.thrift.TStatus;
import io.sluice.protocol.thrift.TStatusCode;
import java.util.HashMap;
import java.util.Map;
import org.apache.thrift.TConfiguration;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TMessage;
import org.apache.thrift.protocol.TMessageType;

/**
 * Stands in for the gateway's handler: answers every OpenSession call, reporting in the response's
 * configuration who the transport authenticated and which user name the request carried.
 */
final class TestingOpenSessionHandler extends SimpleChannelInboundHandler<ByteBuf> {
  private static final TConfiguration CONFIGURATION = new TConfiguration();

  @Override
  protected void channelRead0(ChannelHandlerContext context, ByteBuf message) throws TException {
    TBinaryProtocol reader =
        new TBinaryProtocol(new ByteBufTransport(message, Unpooled.EMPTY_BUFFER, CONFIGURATION));
    TMessage call = reader.readMessageBegin();
    TCLIService.OpenSession_args args = new TCLIService.OpenSession_args();
    args.read(reader);
    reader.readMessageEnd();

    Map<String, String> configuration = new HashMap<>();
    String principal = context.channel().attr(TransportAttributes.PRINCIPAL).get();
    if (principal != null) {
      configuration.put("principal", principal);
    }
    if (args.getReq().isSetUsername()) {
      configuration.put("username", args.getReq().getUsername());
    }
    TOpenSessionResp response =
        new TOpenSessionResp(
                new TStatus(TStatusCode.SUCCESS_STATUS),
                TProtocolVersion.HIVE_CLI_SERVICE_PROTOCOL_V10)
            .setConfiguration(configuration);

    ByteBuf reply = context.alloc().buffer();
    try {
      TBinaryProtocol writer =
          new TBinaryProtocol(new ByteBufTransport(Unpooled.EMPTY_BUFFER, reply, CONFIGURATION));
      writer.writeMessageBegin(new TMessage(call.name, TMessageType.REPLY, call.seqid));
      new TCLIService.OpenSession_result().setSuccess(response).write(writer);
      writer.writeMessageEnd();
    } catch (TException | RuntimeException e) {
      reply.release();
      throw e;
    }
    context.writeAndFlush(reply);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
    context.close();
  }
}
