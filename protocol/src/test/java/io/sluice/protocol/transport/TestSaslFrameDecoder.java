package io.sluice.protocol.transport;

import static io.sluice.protocol.transport.TestingThriftMessages.concat;
import static io.sluice.protocol.transport.TestingThriftMessages.frame;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The framed Thrift messages that follow a SASL handshake. */
class TestSaslFrameDecoder {
  private static final ThriftTransportLimits LIMITS =
      new ThriftTransportLimits(64 * 1024, Duration.ofSeconds(10), Duration.ofSeconds(5));

  private final TestingChannel client =
      new TestingChannel(new SaslFrameDecoder(LIMITS), new SaslFrameEncoder());

  @AfterEach
  void checkForLeaks() {
    client.closeAndCheckForLeaks();
  }

  @Test
  void deliversOneMessagePerFrame() {
    byte[] first = TestingThriftMessages.openSessionCall(1);
    byte[] second = TestingThriftMessages.everyTypeCall();

    client.receive(concat(frame(first), frame(second)));

    assertThat(client.takeMessages()).containsExactly(first, second);
  }

  @Test
  void deliversAMessageThatSpansFrames() {
    byte[] message = TestingThriftMessages.fetchResultsReply(50);
    int third = message.length / 3;

    client.receive(frame(Arrays.copyOf(message, third)));
    client.receive(frame(Arrays.copyOfRange(message, third, 2 * third)));
    assertThat(client.takeMessages()).isEmpty();
    client.receive(frame(Arrays.copyOfRange(message, 2 * third, message.length)));

    assertThat(client.takeMessages()).containsExactly(message);
  }

  @Test
  void deliversMessagesWhoseBoundariesFallInsideFrames() {
    byte[] first = TestingThriftMessages.openSessionCall(1);
    byte[] second = TestingThriftMessages.everyTypeCall();
    byte[] third = TestingThriftMessages.openSessionCall(3);
    byte[] stream = concat(first, second, third);
    int firstCut = first.length + 7;
    int secondCut = first.length + second.length + 3;

    client.receive(frame(Arrays.copyOf(stream, firstCut)));
    assertThat(client.takeMessages()).containsExactly(first);
    client.receive(frame(Arrays.copyOfRange(stream, firstCut, secondCut)));
    assertThat(client.takeMessages()).containsExactly(second);
    client.receive(frame(new byte[0]));
    client.receive(frame(Arrays.copyOfRange(stream, secondCut, stream.length)));

    assertThat(client.takeMessages()).containsExactly(third);
  }

  @Test
  void deliversFramesSentOneByteAtATime() {
    byte[] first = TestingThriftMessages.openSessionCall(1);
    byte[] second = TestingThriftMessages.openSessionCall(2);

    client.receiveByteByByte(concat(frame(first), frame(second)));

    assertThat(client.takeMessages()).containsExactly(first, second);
  }

  @Test
  void closesTheConnectionAtOnceOnAFrameOverTheLimit() {
    client.receive(ByteBuffer.allocate(4).putInt(LIMITS.maxMessageBytes() + 1).array());

    assertThat(client.isOpen()).isFalse();
  }

  @Test
  void closesTheConnectionOnANegativeFrameLength() {
    client.receive(new byte[] {(byte) 0xff, 0, 0, 0});

    assertThat(client.isOpen()).isFalse();
  }

  @Test
  void closesTheConnectionOnAFrameThatIsNotThrift() {
    client.receive(frame("SELECT 1".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));

    assertThat(client.isOpen()).isFalse();
    assertThat(client.takeMessages()).isEmpty();
  }

  @Test
  void closesTheConnectionOnAMessageOverTheLimitSpreadOverFrames() {
    byte[] header = Arrays.copyOf(TestingThriftMessages.openSessionCall(1), 23);
    ByteBuffer i32Fields = ByteBuffer.allocate(7 * 4000);
    while (i32Fields.hasRemaining()) {
      i32Fields.put((byte) 8).putShort((short) 1).putInt(42);
    }
    client.receive(frame(header));

    int frames = 0;
    while (client.isOpen() && frames < 10) {
      client.receive(frame(i32Fields.array()));
      frames++;
    }

    assertThat(client.isOpen()).isFalse();
    assertThat(frames).isEqualTo(3);
    assertThat(client.takeMessages()).isEmpty();
  }

  @Test
  void closesTheConnectionOnANestingBomb() {
    client.receive(frame(TestingThriftMessages.nestedStructsCall(1000)));

    assertThat(client.isOpen()).isFalse();
  }

  @Test
  void closesTheConnectionWhenAFrameStallsHalfway() {
    byte[] framed = frame(TestingThriftMessages.openSessionCall(1));
    client.receive(Arrays.copyOf(framed, framed.length - 1));

    client.advanceTime(LIMITS.partialMessageTimeout().minusMillis(1));
    assertThat(client.isOpen()).isTrue();
    client.advanceTime(Duration.ofMillis(1));

    assertThat(client.isOpen()).isFalse();
  }

  @Test
  void closesTheConnectionWhenAMessageStallsBetweenFrames() {
    byte[] message = TestingThriftMessages.openSessionCall(1);
    client.receive(frame(Arrays.copyOf(message, 20)));

    client.advanceTime(LIMITS.partialMessageTimeout());

    assertThat(client.isOpen()).isFalse();
  }

  @Test
  void anIdleConnectionBetweenMessagesStaysOpen() {
    client.receive(frame(TestingThriftMessages.openSessionCall(1)));

    client.advanceTime(Duration.ofHours(1));

    assertThat(client.isOpen()).isTrue();
    assertThat(client.takeMessages()).hasSize(1);
  }

  @Test
  void theEncoderPrefixesEachReplyWithItsLength() {
    byte[] reply = TestingThriftMessages.fetchResultsReply(2);

    client.reply(reply);
    client.reply(new byte[0]);

    assertThat(client.takeSentBytes()).isEqualTo(concat(frame(reply), frame(new byte[0])));
  }
}
