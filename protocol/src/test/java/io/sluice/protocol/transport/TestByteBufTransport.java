package io.sluice.protocol.transport;

import static io.sluice.protocol.transport.TestingThriftMessages.concat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.sluice.protocol.thrift.TCLIService;
import io.sluice.protocol.thrift.TOpenSessionReq;
import java.nio.ByteBuffer;
import org.apache.thrift.TConfiguration;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TMessage;
import org.apache.thrift.protocol.TMessageType;
import org.apache.thrift.transport.TTransportException;
import org.junit.jupiter.api.Test;

class TestByteBufTransport {
  private static final TConfiguration CONFIGURATION = new TConfiguration();

  @Test
  void decodesARequestAndEncodesItAgainWithTheSameBytes() throws Exception {
    byte[] message = TestingThriftMessages.openSessionCall(12);
    ByteBuf input = Unpooled.wrappedBuffer(message);
    ByteBuf output = Unpooled.buffer();

    TBinaryProtocol reader =
        new TBinaryProtocol(new ByteBufTransport(input, Unpooled.EMPTY_BUFFER, CONFIGURATION));
    TMessage header = reader.readMessageBegin();
    TCLIService.OpenSession_args args = new TCLIService.OpenSession_args();
    args.read(reader);
    reader.readMessageEnd();

    TBinaryProtocol writer =
        new TBinaryProtocol(new ByteBufTransport(Unpooled.EMPTY_BUFFER, output, CONFIGURATION));
    writer.writeMessageBegin(header);
    args.write(writer);
    writer.writeMessageEnd();
    writer.getTransport().flush();

    assertThat(header.name).isEqualTo("OpenSession");
    assertThat(header.type).isEqualTo(TMessageType.CALL);
    assertThat(header.seqid).isEqualTo(12);
    TOpenSessionReq request = args.getReq();
    assertThat(request.getUsername()).isEqualTo("token");
    assertThat(request.getPassword()).isEqualTo("dapiTEST");
    assertThat(input.isReadable()).isFalse();
    assertThat(ByteBufUtil.getBytes(output)).isEqualTo(message);
  }

  @Test
  void refusesAnInputLargerThanTheMaximumMessageSize() throws Exception {
    byte[] message = TestingThriftMessages.openSessionCall(1);
    TConfiguration small = TConfiguration.custom().setMaxMessageSize(message.length - 1).build();

    assertThatThrownBy(
            () ->
                new ByteBufTransport(Unpooled.wrappedBuffer(message), Unpooled.EMPTY_BUFFER, small))
        .isInstanceOf(TTransportException.class)
        .hasMessageContaining("MaxMessageSize");
    TConfiguration exact = TConfiguration.custom().setMaxMessageSize(message.length).build();
    ByteBufTransport transport = newReader(Unpooled.wrappedBuffer(message), exact);
    assertThat(transport.getConfiguration()).isSameAs(exact);
  }

  @Test
  void refusesAStringDeclaredLongerThanTheRestOfTheMessageBeforeAllocatingIt() throws Exception {
    byte[] message = concat(TestingThriftMessages.stringFieldHeader(1_000_000), new byte[100]);
    TBinaryProtocol reader =
        new TBinaryProtocol(newReader(Unpooled.wrappedBuffer(message), CONFIGURATION));
    reader.readMessageBegin();

    assertThatThrownBy(() -> new TCLIService.OpenSession_args().read(reader))
        .isInstanceOf(TTransportException.class)
        .hasMessageContaining("declares 1000000 more bytes but only 100 remain");
  }

  @Test
  void refusesAListDeclaredLongerThanTheRestOfTheMessage() throws Exception {
    byte[] list =
        ByteBuffer.allocate(8)
            .put((byte) 15)
            .putShort((short) 1)
            .put((byte) 10)
            .putInt(1_000)
            .array();
    byte[] message = concat(TestingThriftMessages.stringFieldHeader(0), list, new byte[80]);
    TBinaryProtocol reader =
        new TBinaryProtocol(newReader(Unpooled.wrappedBuffer(message), CONFIGURATION));
    reader.readMessageBegin();
    reader.readFieldBegin();
    reader.readString();
    reader.readFieldBegin();

    assertThatThrownBy(reader::readListBegin)
        .isInstanceOf(TTransportException.class)
        .hasMessageContaining("declares 8000 more bytes but only 80 remain");
  }

  @Test
  void tracksTheBytesLeftInTheKnownMessage() throws Exception {
    ByteBufTransport transport =
        newReader(Unpooled.wrappedBuffer(new byte[] {1, 2, 3, 4, 5}), CONFIGURATION);
    byte[] bytes = new byte[3];

    assertThat(transport.read(bytes, 0, 3)).isEqualTo(3);
    transport.checkReadBytesAvailable(2);
    assertThatThrownBy(() -> transport.checkReadBytesAvailable(3))
        .isInstanceOf(TTransportException.class);
    assertThat(transport.read(bytes, 0, 3)).isEqualTo(2);
    assertThat(bytes).startsWith(4, 5);
    assertThatThrownBy(() -> transport.read(bytes, 0, 1))
        .isInstanceOfSatisfying(
            TTransportException.class,
            e -> assertThat(e.getType()).isEqualTo(TTransportException.END_OF_FILE));
  }

  @Test
  void aClosedTransportNeitherReadsNorWrites() throws Exception {
    ByteBufTransport transport =
        new ByteBufTransport(
            Unpooled.wrappedBuffer(new byte[] {1}), Unpooled.buffer(), CONFIGURATION);
    transport.close();

    assertThat(transport.isOpen()).isFalse();
    assertThatThrownBy(() -> transport.read(new byte[1], 0, 1))
        .isInstanceOf(TTransportException.class);
    assertThatThrownBy(() -> transport.write(new byte[1], 0, 1))
        .isInstanceOf(TTransportException.class);
  }

  @Test
  void refusesToWriteBeyondTheOutputCapacity() throws Exception {
    ByteBufTransport transport =
        new ByteBufTransport(Unpooled.EMPTY_BUFFER, Unpooled.buffer(2, 2), CONFIGURATION);

    transport.write(new byte[2], 0, 2);
    assertThatThrownBy(() -> transport.write(new byte[1], 0, 1))
        .isInstanceOf(TTransportException.class);
  }

  private static ByteBufTransport newReader(ByteBuf input, TConfiguration configuration)
      throws TTransportException {
    return new ByteBufTransport(input, Unpooled.EMPTY_BUFFER, configuration);
  }
}
