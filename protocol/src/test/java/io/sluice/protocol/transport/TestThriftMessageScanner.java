package io.sluice.protocol.transport;

import static io.sluice.protocol.transport.TestingThriftMessages.concat;
import static io.sluice.protocol.transport.ThriftMessageScanner.INCOMPLETE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TestThriftMessageScanner {
  private static final int MAX_MESSAGE_BYTES = 1024 * 1024;

  @Test
  void findsTheEndOfAnOpenSessionCall() throws Exception {
    byte[] message = TestingThriftMessages.openSessionCall(1);

    assertThat(scanWhole(message)).isEqualTo(message.length);
  }

  @Test
  void findsTheEndOfAMessageUsingEveryType() throws Exception {
    byte[] message = TestingThriftMessages.everyTypeCall();

    assertThat(scanWhole(message)).isEqualTo(message.length);
  }

  @Test
  void findsTheEndOfAFetchResultsReply() throws Exception {
    byte[] message = TestingThriftMessages.fetchResultsReply(1000);

    assertThat(scanWhole(message)).isEqualTo(message.length);
  }

  @Test
  void stopsAtTheEndOfTheFirstMessage() throws Exception {
    byte[] first = TestingThriftMessages.openSessionCall(1);
    byte[] second = TestingThriftMessages.everyTypeCall();

    assertThat(scanWhole(concat(first, second))).isEqualTo(first.length);
  }

  @Test
  void everyPrefixIsIncompleteWhenBytesArriveOneAtATime() throws Exception {
    for (byte[] message :
        new byte[][] {
          TestingThriftMessages.openSessionCall(1),
          TestingThriftMessages.everyTypeCall(),
          TestingThriftMessages.fetchResultsReply(3)
        }) {
      ThriftMessageScanner scanner = new ThriftMessageScanner(MAX_MESSAGE_BYTES);
      ByteBuf buffer = Unpooled.buffer();
      for (int length = 1; length < message.length; length++) {
        buffer.writeByte(message[length - 1]);
        assertThat(scanner.scan(buffer)).as("prefix of %d bytes", length).isEqualTo(INCOMPLETE);
      }
      buffer.writeByte(message[message.length - 1]);
      assertThat(scanner.scan(buffer)).isEqualTo(message.length);
      assertThat(buffer.readerIndex()).isZero();
    }
  }

  @Test
  void resumesOnACopyOfTheBufferAndStartsAfreshAfterAMessage() throws Exception {
    byte[] message = TestingThriftMessages.everyTypeCall();
    ThriftMessageScanner scanner = new ThriftMessageScanner(MAX_MESSAGE_BYTES);
    int half = message.length / 2;

    assertThat(scanner.scan(Unpooled.wrappedBuffer(message, 0, half))).isEqualTo(INCOMPLETE);
    ByteBuf copy = Unpooled.buffer().writeZero(10).writeBytes(message).skipBytes(10);
    assertThat(scanner.scan(copy)).isEqualTo(message.length);
    assertThat(scanner.scan(Unpooled.wrappedBuffer(message))).isEqualTo(message.length);
  }

  @Test
  void skipsLargeFixedSizeListsWithoutReadingThem() throws Exception {
    // A list of a million i64 values is skipped in one step; only its size is checked.
    byte[] header = TestingThriftMessages.stringFieldHeader(0);
    byte[] list =
        ByteBuffer.allocate(1 + 2 + 1 + 4)
            .put((byte) 15)
            .putShort((short) 2)
            .put((byte) 10)
            .putInt(1_000_000)
            .array();
    byte[] start = concat(header, list);
    ThriftMessageScanner scanner = new ThriftMessageScanner(16 * 1024 * 1024);
    ByteBuf buffer = Unpooled.buffer().writeBytes(start);

    assertThat(scanner.scan(buffer)).isEqualTo(INCOMPLETE);
    buffer.writeZero(8_000_000);
    assertThat(scanner.scan(buffer)).isEqualTo(INCOMPLETE);
    buffer.writeBytes(new byte[] {0, 0});
    assertThat(scanner.scan(buffer)).isEqualTo(start.length + 8_000_000 + 1);
  }

  @Test
  void rejectsBytesThatAreNotAStrictMessageAsSoonAsTheyArrive() {
    assertMalformed(new byte[] {0x16}, "Not a strict binary Thrift message");
    assertMalformed(new byte[] {(byte) 0x80, 0x02}, "Not a strict binary Thrift message");
    assertMalformed(
        new byte[] {(byte) 0x80, 0x01, 0x01, 0x01, 0, 0, 0, 0},
        "Not a strict binary Thrift message");
  }

  @Test
  void rejectsUnknownMessageTypes() {
    assertMalformed(header(0, 0), "Unknown Thrift message type 0");
    assertMalformed(header(5, 0), "Unknown Thrift message type 5");
  }

  @Test
  void rejectsNegativeSizes() {
    assertMalformed(header(1, -1), "Negative Thrift method name length -1");
    assertMalformed(TestingThriftMessages.stringFieldHeader(-3), "Negative Thrift string length");
    assertMalformed(
        concat(TestingThriftMessages.stringFieldHeader(0), listField((byte) 11, -1)),
        "Negative Thrift container size -1");
  }

  @Test
  void rejectsUnknownTypes() {
    byte[] message = TestingThriftMessages.openSessionCall(1);
    int firstFieldType = 4 + 4 + "OpenSession".length() + 4;
    assertThat(message[firstFieldType]).isEqualTo((byte) 12);

    byte[] withVoidField = message.clone();
    withVoidField[firstFieldType] = 1;
    assertMalformed(withVoidField, "Unknown Thrift field type 1");
    byte[] withUnknownField = message.clone();
    withUnknownField[firstFieldType] = 20;
    assertMalformed(withUnknownField, "Unknown Thrift field type 20");
    assertMalformed(
        concat(TestingThriftMessages.stringFieldHeader(0), listField((byte) 9, 1)),
        "Unknown Thrift element type 9");
  }

  @Test
  void rejectsSizesBeyondTheMaximumMessageSizeBeforeTheBytesArrive() {
    assertMalformed(
        TestingThriftMessages.stringFieldHeader(MAX_MESSAGE_BYTES),
        "exceeds the maximum size of 1048576 bytes");
    assertMalformed(
        concat(TestingThriftMessages.stringFieldHeader(0), listField((byte) 12, 2_000_000)),
        "Thrift container of 2000000 entries exceeds the maximum message size");
    assertMalformed(
        concat(TestingThriftMessages.stringFieldHeader(0), listField((byte) 10, 200_000)),
        "Thrift container of 200000 entries exceeds the maximum message size");
    assertMalformed(header(1, Integer.MAX_VALUE), "exceeds the maximum size");
  }

  @Test
  void rejectsMessagesNestedDeeperThanTheLimit() throws Exception {
    byte[] deepest = TestingThriftMessages.nestedStructsCall(64);
    assertThat(scanWhole(deepest)).isEqualTo(deepest.length);

    assertMalformed(TestingThriftMessages.nestedStructsCall(65), "nests deeper than 64 levels");
    assertThatThrownBy(
            () ->
                new ThriftMessageScanner(MAX_MESSAGE_BYTES, 3)
                    .scan(Unpooled.wrappedBuffer(TestingThriftMessages.nestedStructsCall(4))))
        .isInstanceOf(MalformedThriftException.class)
        .hasMessageContaining("nests deeper than 3 levels");
  }

  @Test
  void aMessageOfExactlyTheMaximumSizeIsAccepted() throws Exception {
    byte[] message = TestingThriftMessages.openSessionCall(1);

    assertThat(new ThriftMessageScanner(message.length).scan(Unpooled.wrappedBuffer(message)))
        .isEqualTo(message.length);
    assertThatThrownBy(
            () ->
                new ThriftMessageScanner(message.length - 1).scan(Unpooled.wrappedBuffer(message)))
        .isInstanceOf(MalformedThriftException.class);
  }

  @Test
  void isResetAfterAMalformedMessage() throws Exception {
    ThriftMessageScanner scanner = new ThriftMessageScanner(MAX_MESSAGE_BYTES);
    byte[] message = TestingThriftMessages.openSessionCall(1);
    byte[] header = Arrays.copyOf(message, 4 + 4 + "OpenSession".length() + 4);
    assertThat(scanner.scan(Unpooled.wrappedBuffer(header))).isEqualTo(INCOMPLETE);

    assertThatThrownBy(() -> scanner.scan(Unpooled.wrappedBuffer(concat(header, new byte[] {20}))))
        .isInstanceOf(MalformedThriftException.class)
        .hasMessageContaining("Unknown Thrift field type 20");
    assertThat(scanner.scan(Unpooled.wrappedBuffer(message))).isEqualTo(message.length);
  }

  private static int scanWhole(byte[] bytes) throws MalformedThriftException {
    return new ThriftMessageScanner(MAX_MESSAGE_BYTES).scan(Unpooled.wrappedBuffer(bytes));
  }

  private static void assertMalformed(byte[] bytes, String message) {
    assertThatThrownBy(() -> scanWhole(bytes))
        .isInstanceOf(MalformedThriftException.class)
        .hasMessageContaining(message);
  }

  /** A message header with the given message type and method name length, and no name. */
  private static byte[] header(int messageType, int nameLength) {
    return ByteBuffer.allocate(8).putInt(0x8001_0000 | messageType).putInt(nameLength).array();
  }

  /** A list field (id 2) declaring {@code size} elements of {@code elementType}. */
  private static byte[] listField(byte elementType, int size) {
    return ByteBuffer.allocate(8)
        .put((byte) 15)
        .putShort((short) 2)
        .put(elementType)
        .putInt(size)
        .array();
  }
}
