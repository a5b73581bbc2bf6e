package io.sluice.protocol.transport;

import static io.sluice.protocol.transport.TestingThriftMessages.concat;
import static io.sluice.protocol.transport.TestingThriftMessages.frame;
import static io.sluice.protocol.transport.TestingThriftMessages.negotiation;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBufUtil;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The SASL PLAIN handshake, set up as on the gateway's port: through the transport detector. */
class TestSaslPlainServerHandler {
  private static final ThriftTransportLimits LIMITS =
      new ThriftTransportLimits(64 * 1024, Duration.ofSeconds(10), Duration.ofSeconds(5));

  /** What Hive JDBC 3.1.3 sends for user {@code token} and password {@code dapiTEST}. */
  private static final byte[] HIVE_JDBC_START = ByteBufUtil.decodeHexDump("0100000005504c41494e");

  private static final byte[] HIVE_JDBC_RESPONSE =
      ByteBufUtil.decodeHexDump("050000000f00746f6b656e006461706954455354");

  private static final byte[] COMPLETE = ByteBufUtil.decodeHexDump("0500000000");

  private TestingChannel client =
      new TestingChannel(
          new BinaryTransportDetector(
              LIMITS, new TestingPlainAuthenticator(Map.of("token", "dapiTEST"))));

  @AfterEach
  void checkForLeaks() {
    client.closeAndCheckForLeaks();
  }

  @Test
  void completesTheHiveJdbcHandshakeThenDeliversFramedMessages() throws Exception {
    client.receive(HIVE_JDBC_START);
    client.receive(HIVE_JDBC_RESPONSE);
    client.runPendingTasks();

    assertThat(client.takeSentBytes()).isEqualTo(COMPLETE);
    assertThat(client.channel().attr(TransportAttributes.PRINCIPAL).get()).isEqualTo("TOKEN");
    assertThat(client.channel().pipeline().get(SaslFrameDecoder.class)).isNotNull();
    assertThat(client.channel().pipeline().get(SaslFrameEncoder.class)).isNotNull();
    assertThat(client.channel().pipeline().get(SaslPlainServerHandler.class)).isNull();

    byte[] openSession = TestingThriftMessages.openSessionCall(1);
    client.receive(frame(openSession));
    byte[] delivered = client.takeMessages().get(0);
    assertThat(delivered).isEqualTo(openSession);
    assertThat(TestingThriftMessages.readOpenSessionArgs(delivered).getReq().getConfiguration())
        .containsEntry("use:database", "default");

    byte[] reply = TestingThriftMessages.fetchResultsReply(3);
    client.reply(reply);
    assertThat(client.takeSentBytes()).isEqualTo(frame(reply));
  }

  @Test
  void completesTheHandshakeSentOneByteAtATime() {
    client.receiveByteByByte(concat(HIVE_JDBC_START, HIVE_JDBC_RESPONSE));
    client.runPendingTasks();
    assertThat(client.takeSentBytes()).isEqualTo(COMPLETE);

    byte[] openSession = TestingThriftMessages.openSessionCall(1);
    client.receiveByteByByte(frame(openSession));

    assertThat(client.takeMessages()).containsExactly(openSession);
  }

  @Test
  void acceptsTheInitialResponseInAnOkMessageAndAMatchingAuthorizationIdentity() {
    client.receive(HIVE_JDBC_START);
    client.receive(negotiation(2, "token\0token\0dapiTEST".getBytes(UTF_8)));
    client.runPendingTasks();

    assertThat(client.takeSentBytes()).isEqualTo(COMPLETE);
    assertThat(client.channel().attr(TransportAttributes.PRINCIPAL).get()).isEqualTo("TOKEN");
  }

  @Test
  void passesOnFramesSentBeforeTheHandshakeCompleted() {
    byte[] openSession = TestingThriftMessages.openSessionCall(1);

    client.receive(concat(HIVE_JDBC_START, HIVE_JDBC_RESPONSE, frame(openSession)));
    client.runPendingTasks();

    assertThat(client.takeSentBytes()).isEqualTo(COMPLETE);
    assertThat(client.takeMessages()).containsExactly(openSession);
  }

  @Test
  void rejectsAWrongPasswordWithBadAndCloses() {
    client.receive(HIVE_JDBC_START);
    client.receive(negotiation(5, "\0token\0wrong".getBytes(UTF_8)));
    client.runPendingTasks();

    assertThat(client.takeSentBytes())
        .isEqualTo(negotiation(3, "Invalid username or password".getBytes(UTF_8)));
    assertThat(client.isOpen()).isFalse();
    assertThat(client.channel().attr(TransportAttributes.PRINCIPAL).get()).isNull();
  }

  @Test
  void rejectsAnUnsupportedMechanism() {
    client.receive(negotiation(1, "GSSAPI".getBytes(UTF_8)));

    assertThat(client.takeSentBytes())
        .isEqualTo(negotiation(3, "Unsupported SASL mechanism GSSAPI".getBytes(UTF_8)));
    assertThat(client.isOpen()).isFalse();
  }

  @Test
  void rejectsAnAuthorizationIdentityOtherThanTheUser() {
    client.receive(HIVE_JDBC_START);
    client.receive(negotiation(5, "admin\0token\0dapiTEST".getBytes(UTF_8)));
    client.runPendingTasks();

    assertThat(new String(client.takeSentBytes(), UTF_8))
        .startsWith("\3")
        .contains("authorization identity must be empty or equal to the user name");
    assertThat(client.isOpen()).isFalse();
  }

  @Test
  void rejectsAMalformedPlainResponse() {
    client.receive(HIVE_JDBC_START);
    client.receive(negotiation(5, "token:dapiTEST".getBytes(UTF_8)));

    assertThat(new String(client.takeSentBytes(), UTF_8)).contains("Malformed PLAIN response");
    assertThat(client.isOpen()).isFalse();
  }

  @Test
  void rejectsAnUnknownStatusByte() {
    client.receive(HIVE_JDBC_START);
    client.receive(negotiation(9, new byte[0]));

    assertThat(client.takeSentBytes())
        .isEqualTo(negotiation(3, "Invalid SASL status byte 0x09".getBytes(UTF_8)));
    assertThat(client.isOpen()).isFalse();
  }

  @Test
  void rejectsAnOversizedNegotiationMessageWithoutWaitingForIt() {
    client.receive(concat(new byte[] {1}, new byte[] {0x7f, 0, 0, 0}));

    assertThat(new String(client.takeSentBytes(), UTF_8)).contains("SASL message of 2130706432");
    assertThat(client.isOpen()).isFalse();
  }

  @Test
  void anAuthenticatorFailureIsAnErrorWithAGenericMessage() {
    client =
        replaceClient(
            (username, password) ->
                CompletableFuture.failedFuture(new IllegalStateException("database is down")));

    client.receive(concat(HIVE_JDBC_START, HIVE_JDBC_RESPONSE));
    client.runPendingTasks();

    assertThat(client.takeSentBytes())
        .isEqualTo(negotiation(4, "Internal error during authentication".getBytes(UTF_8)));
    assertThat(client.isOpen()).isFalse();
  }

  @Test
  void anAuthenticatorThatThrowsIsAnErrorWithAGenericMessage() {
    client =
        replaceClient(
            (username, password) -> {
              throw new IllegalStateException("bug");
            });

    client.receive(concat(HIVE_JDBC_START, HIVE_JDBC_RESPONSE));

    assertThat(client.takeSentBytes())
        .isEqualTo(negotiation(4, "Internal error during authentication".getBytes(UTF_8)));
    assertThat(client.isOpen()).isFalse();
  }

  @Test
  void theEventLoopDoesNotWaitForTheAuthenticator() throws Exception {
    CompletableFuture<Optional<String>> result = new CompletableFuture<>();
    AtomicReference<String> password = new AtomicReference<>();
    client =
        replaceClient(
            (username, offered) -> {
              password.set(offered);
              return result;
            });

    client.receive(concat(HIVE_JDBC_START, HIVE_JDBC_RESPONSE));
    client.runPendingTasks();
    assertThat(password.get()).isEqualTo("dapiTEST");
    assertThat(client.takeSentBytes()).isEmpty();

    Thread authenticator = new Thread(() -> result.complete(Optional.of("alice")));
    authenticator.start();
    authenticator.join();
    client.runPendingTasks();

    assertThat(client.takeSentBytes()).isEqualTo(COMPLETE);
    assertThat(client.channel().attr(TransportAttributes.PRINCIPAL).get()).isEqualTo("alice");
  }

  @Test
  void closesAConnectionThatDoesNotFinishTheHandshakeInTime() {
    client.receive(HIVE_JDBC_START);

    client.advanceTime(LIMITS.handshakeTimeout().minusMillis(1));
    assertThat(client.isOpen()).isTrue();
    client.advanceTime(Duration.ofMillis(1));

    assertThat(client.isOpen()).isFalse();
  }

  @Test
  void aCompletedHandshakeEndsTheHandshakeTimeout() {
    client.receive(concat(HIVE_JDBC_START, HIVE_JDBC_RESPONSE));
    client.runPendingTasks();

    client.advanceTime(Duration.ofHours(1));

    assertThat(client.isOpen()).isTrue();
  }

  private TestingChannel replaceClient(PlainAuthenticator authenticator) {
    client.closeAndCheckForLeaks();
    return new TestingChannel(new BinaryTransportDetector(LIMITS, authenticator));
  }
}
