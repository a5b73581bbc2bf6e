package io.sluice.protocol.transport;

import static io.sluice.protocol.transport.TestingThriftMessages.concat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** NOSASL connections, set up as on the gateway's port: through the transport detector. */
class TestUnframedThriftMessageDecoder {
  private static final ThriftTransportLimits LIMITS =
      new ThriftTransportLimits(64 * 1024, Duration.ofSeconds(10), Duration.ofSeconds(5));

  private final TestingChannel client =
      new TestingChannel(
          new BinaryTransportDetector(
              LIMITS, new TestingPlainAuthenticator(Map.of("token", "dapiTEST"))));

  @AfterEach
  void checkForLeaks() {
    client.closeAndCheckForLeaks();
  }

  @Test
  void deliversAMessageSentOneByteAtATime() throws Exception {
    byte[] message = TestingThriftMessages.openSessionCall(1);

    client.receiveByteByByte(message);

    assertThat(client.takeMessages()).containsExactly(message);
    assertThat(TestingThriftMessages.readOpenSessionArgs(message).getReq().getPassword())
        .isEqualTo("dapiTEST");
    assertThat(client.channel().pipeline().get(UnframedThriftMessageDecoder.class)).isNotNull();
    assertThat(client.channel().pipeline().get(BinaryTransportDetector.class)).isNull();
    assertThat(client.channel().attr(TransportAttributes.PRINCIPAL).get()).isNull();
  }

  @Test
  void deliversTwoMessagesThatArriveInOneRead() {
    byte[] first = TestingThriftMessages.openSessionCall(1);
    byte[] second = TestingThriftMessages.everyTypeCall();

    client.receive(concat(first, second));

    assertThat(client.takeMessages()).containsExactly(first, second);
  }

  @Test
  void deliversMessagesSplitAnywhereAcrossReads() {
    byte[] first = TestingThriftMessages.openSessionCall(1);
    byte[] second = TestingThriftMessages.fetchResultsReply(20);
    byte[] both = concat(first, second);
    int split = first.length + 10;

    client.receive(Arrays.copyOf(both, split));
    assertThat(client.takeMessages()).containsExactly(first);
    client.receive(Arrays.copyOfRange(both, split, both.length));

    assertThat(client.takeMessages()).containsExactly(second);
    assertThat(client.isOpen()).isTrue();
  }

  @Test
  void repliesAreWrittenUnframed() {
    client.receive(TestingThriftMessages.openSessionCall(1));
    client.takeMessages();
    byte[] reply = TestingThriftMessages.fetchResultsReply(2);

    client.reply(reply);

    assertThat(client.takeSentBytes()).isEqualTo(reply);
  }

  @Test
  void closesTheConnectionWhenAMessageStallsHalfway() {
    byte[] message = TestingThriftMessages.openSessionCall(1);
    client.receive(Arrays.copyOf(message, message.length - 1));

    client.advanceTime(LIMITS.partialMessageTimeout().minusMillis(1));
    assertThat(client.isOpen()).isTrue();
    client.advanceTime(Duration.ofMillis(1));

    assertThat(client.isOpen()).isFalse();
    assertThat(client.takeMessages()).isEmpty();
  }

  @Test
  void aTricklingClientDoesNotPostponeThePartialMessageTimeout() {
    byte[] message = TestingThriftMessages.openSessionCall(1);
    client.receive(Arrays.copyOf(message, 10));

    for (int index = 10; index < 14; index++) {
      client.advanceTime(Duration.ofSeconds(1));
      client.receive(new byte[] {message[index]});
    }
    client.advanceTime(Duration.ofSeconds(1));

    assertThat(client.isOpen()).isFalse();
  }

  @Test
  void completingAMessageCancelsThePartialMessageTimeout() {
    byte[] message = TestingThriftMessages.openSessionCall(1);
    client.receive(Arrays.copyOf(message, 10));
    client.advanceTime(Duration.ofSeconds(4));
    client.receive(Arrays.copyOfRange(message, 10, message.length));

    client.advanceTime(Duration.ofMinutes(5));

    assertThat(client.isOpen()).isTrue();
    assertThat(client.takeMessages()).containsExactly(message);
  }

  @Test
  void thePartialMessageTimeoutRestartsForTheNextMessage() {
    byte[] first = TestingThriftMessages.openSessionCall(1);
    byte[] second = TestingThriftMessages.openSessionCall(2);
    client.receive(Arrays.copyOf(first, 10));
    client.advanceTime(Duration.ofSeconds(4));
    client.receive(concat(Arrays.copyOfRange(first, 10, first.length), Arrays.copyOf(second, 5)));

    client.advanceTime(Duration.ofSeconds(4));
    assertThat(client.isOpen()).isTrue();
    client.advanceTime(Duration.ofSeconds(1));

    assertThat(client.isOpen()).isFalse();
    assertThat(client.takeMessages()).containsExactly(first);
  }

  @Test
  void closesTheConnectionAtOnceWhenAStringIsDeclaredLargerThanTheLimit() {
    client.receive(TestingThriftMessages.stringFieldHeader(LIMITS.maxMessageBytes()));

    assertThat(client.isOpen()).isFalse();
    assertThat(client.takeMessages()).isEmpty();
  }

  @Test
  void closesTheConnectionOnANestingBomb() {
    client.receive(TestingThriftMessages.nestedStructsCall(10_000));

    assertThat(client.isOpen()).isFalse();
    assertThat(client.takeMessages()).isEmpty();
  }

  @Test
  void closesTheConnectionOnGarbageAfterAValidMessage() {
    byte[] message = TestingThriftMessages.openSessionCall(1);

    client.receive(concat(message, new byte[] {(byte) 0x80, 0x01, 0x00, 0x09}));

    assertThat(client.takeMessages()).containsExactly(message);
    assertThat(client.isOpen()).isFalse();
  }

  @Test
  void closesAConnectionWhoseFirstMessageDoesNotArriveWithinTheHandshakeTimeout() {
    ThriftTransportLimits limits =
        new ThriftTransportLimits(64 * 1024, Duration.ofSeconds(2), Duration.ofSeconds(60));
    TestingChannel slowClient =
        new TestingChannel(
            new BinaryTransportDetector(limits, new TestingPlainAuthenticator(Map.of())));
    byte[] message = TestingThriftMessages.openSessionCall(1);
    slowClient.receive(Arrays.copyOf(message, 2));
    slowClient.advanceTime(Duration.ofSeconds(1));
    slowClient.receive(Arrays.copyOfRange(message, 2, 20));

    slowClient.advanceTime(Duration.ofMillis(999));
    assertThat(slowClient.isOpen()).isTrue();
    slowClient.advanceTime(Duration.ofMillis(1));

    assertThat(slowClient.isOpen()).isFalse();
    slowClient.closeAndCheckForLeaks();
  }
}
