package io.sluice.protocol.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TestBinaryTransportDetector {
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
  void aSaslStartByteSelectsTheSaslHandshake() {
    client.receive(new byte[] {0x01});

    assertThat(client.channel().pipeline().get(SaslPlainServerHandler.class)).isNotNull();
    assertThat(client.channel().pipeline().get(BinaryTransportDetector.class)).isNull();
    assertThat(client.isOpen()).isTrue();
  }

  @Test
  void aStrictThriftVersionSelectsTheUnframedDecoder() {
    client.receive(new byte[] {(byte) 0x80});
    assertThat(client.channel().pipeline().get(BinaryTransportDetector.class)).isNotNull();

    client.receive(new byte[] {0x01});

    assertThat(client.channel().pipeline().get(UnframedThriftMessageDecoder.class)).isNotNull();
    assertThat(client.channel().pipeline().get(BinaryTransportDetector.class)).isNull();
    assertThat(client.isOpen()).isTrue();
  }

  @Test
  void closesTheConnectionOnAnyOtherFirstByte() {
    client.receive("GET / HTTP/1.1\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

    assertThat(client.isOpen()).isFalse();
    assertThat(client.takeSentBytes()).isEmpty();
  }

  @Test
  void closesTheConnectionOnATlsHello() {
    client.receive(new byte[] {0x16, 0x03, 0x01, 0x02, 0x00});

    assertThat(client.isOpen()).isFalse();
  }

  @Test
  void closesTheConnectionOnANonStrictThriftVersion() {
    client.receive(new byte[] {(byte) 0x80, 0x02});

    assertThat(client.isOpen()).isFalse();
  }

  @Test
  void closesASilentConnectionAfterTheHandshakeTimeout() {
    client.advanceTime(LIMITS.handshakeTimeout().minusMillis(1));
    assertThat(client.isOpen()).isTrue();

    client.advanceTime(Duration.ofMillis(1));

    assertThat(client.isOpen()).isFalse();
  }

  @Test
  void theFirstCompleteMessageEndsTheHandshakeTimeout() {
    client.receive(TestingThriftMessages.openSessionCall(1));
    assertThat(client.takeMessages()).hasSize(1);

    client.advanceTime(Duration.ofHours(1));

    assertThat(client.isOpen()).isTrue();
  }
}
