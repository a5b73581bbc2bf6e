package io.sluice.protocol.transport;

import static java.util.Objects.requireNonNull;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server side of Thrift's SASL negotiation, for the PLAIN mechanism only, as Hive JDBC and
 * Kyuubi JDBC speak it on the binary port:
 *
 * <pre>
 * client: 01 00000005 "PLAIN"                        START with the mechanism name
 * client: 05 0000000f 00 "token" 00 "dapiTEST"       COMPLETE (or OK) with [authzid] NUL user NUL password
 * server: 05 00000000                                COMPLETE, or BAD/ERROR with a reason, then close
 * </pre>
 *
 * <p>The credentials go to the {@link PlainAuthenticator}; the event loop does not wait for it, and
 * the handshake continues on the event loop when its result arrives. A non-empty authorization
 * identity is accepted only when it equals the user name. On success the principal is stored in
 * {@link TransportAttributes#PRINCIPAL}, the handshake deadline is cancelled, and this handler
 * replaces itself with a {@link SaslFrameDecoder} followed by a {@link SaslFrameEncoder}; bytes the
 * client sent early are passed on to the decoder.
 */
public final class SaslPlainServerHandler extends ByteToMessageDecoder {
  /** Room for the mechanism name and for long passwords such as access tokens. */
  static final int MAX_NEGOTIATION_PAYLOAD_BYTES = 64 * 1024;

  static final String FRAME_DECODER_NAME = "saslFrameDecoder";
  static final String FRAME_ENCODER_NAME = "saslFrameEncoder";

  private static final Logger log = LoggerFactory.getLogger(SaslPlainServerHandler.class);
  private static final String MECHANISM = "PLAIN";
  private static final int MAX_ECHOED_MECHANISM_LENGTH = 64;

  private enum State {
    AWAITING_MECHANISM,
    AWAITING_RESPONSE,
    AUTHENTICATING,
    COMPLETE,
    FAILED
  }

  private final ThriftTransportLimits limits;
  private final PlainAuthenticator authenticator;
  private final ConnectionDeadline handshakeDeadline;
  private State state = State.AWAITING_MECHANISM;

  /**
   * @param handshakeDeadline the connection's handshake timer, cancelled when the handshake
   *     succeeds
   */
  public SaslPlainServerHandler(
      ThriftTransportLimits limits,
      PlainAuthenticator authenticator,
      ConnectionDeadline handshakeDeadline) {
    this.limits = requireNonNull(limits, "limits is null");
    this.authenticator = requireNonNull(authenticator, "authenticator is null");
    this.handshakeDeadline = requireNonNull(handshakeDeadline, "handshakeDeadline is null");
  }

  @Override
  protected void decode(ChannelHandlerContext context, ByteBuf in, List<Object> out) {
    try {
      switch (state) {
        case AWAITING_MECHANISM -> {
          Optional<SaslNegotiationMessage> message = readMessage(in);
          if (message.isPresent()) {
            acceptMechanism(message.get());
          }
        }
        case AWAITING_RESPONSE -> {
          Optional<SaslNegotiationMessage> message = readMessage(in);
          if (message.isPresent()) {
            startAuthentication(context, message.get());
          }
        }
        case AUTHENTICATING, COMPLETE -> {
          // Kept until the handshake completes, then passed on to the frame decoder.
          if (in.readableBytes() > Integer.BYTES + limits.maxMessageBytes()) {
            throw new SaslNegotiationException("Too many bytes sent during the SASL handshake");
          }
        }
        case FAILED -> in.skipBytes(in.readableBytes());
      }
    } catch (SaslNegotiationException e) {
      in.skipBytes(in.readableBytes());
      reject(context, e.replyStatus(), e.getMessage());
    }
  }

  private static Optional<SaslNegotiationMessage> readMessage(ByteBuf in)
      throws SaslNegotiationException {
    return SaslNegotiationMessage.read(in, MAX_NEGOTIATION_PAYLOAD_BYTES);
  }

  private void acceptMechanism(SaslNegotiationMessage message) throws SaslNegotiationException {
    if (message.status() != SaslStatus.START) {
      throw new SaslNegotiationException("Expected a SASL START message, got " + message.status());
    }
    String mechanism = message.payloadText();
    if (!mechanism.equals(MECHANISM)) {
      throw new SaslNegotiationException(
          "Unsupported SASL mechanism "
              + mechanism.substring(0, Math.min(mechanism.length(), MAX_ECHOED_MECHANISM_LENGTH)));
    }
    state = State.AWAITING_RESPONSE;
  }

  private void startAuthentication(ChannelHandlerContext context, SaslNegotiationMessage message)
      throws SaslNegotiationException {
    SaslStatus status = message.status();
    if (status == SaslStatus.BAD || status == SaslStatus.ERROR) {
      log.debug(
          "Client {} aborted the SASL handshake: {}",
          context.channel().remoteAddress(),
          message.payloadText());
      state = State.FAILED;
      context.close();
      return;
    }
    if (status != SaslStatus.OK && status != SaslStatus.COMPLETE) {
      throw new SaslNegotiationException("Expected a SASL OK or COMPLETE message, got " + status);
    }
    PlainCredentials credentials = PlainCredentials.parse(message.payload());
    String authorizationIdentity = credentials.authorizationIdentity();
    if (!authorizationIdentity.isEmpty() && !authorizationIdentity.equals(credentials.username())) {
      throw new SaslNegotiationException(
          "The PLAIN authorization identity must be empty or equal to the user name");
    }
    state = State.AUTHENTICATING;
    CompletionStage<Optional<String>> result;
    try {
      result =
          requireNonNull(
              authenticator.authenticate(credentials.username(), credentials.password()),
              "authenticator returned null");
    } catch (RuntimeException e) {
      finishAuthentication(context, credentials, null, e);
      return;
    }
    result.whenComplete(
        (principal, failure) ->
            context
                .executor()
                .execute(() -> finishAuthentication(context, credentials, principal, failure)));
  }

  /** Runs on the event loop. */
  private void finishAuthentication(
      ChannelHandlerContext context,
      PlainCredentials credentials,
      Optional<String> principal,
      Throwable failure) {
    String username = credentials.username();
    if (state != State.AUTHENTICATING || context.isRemoved() || !context.channel().isActive()) {
      return;
    }
    if (failure != null || principal == null || principal.filter(String::isEmpty).isPresent()) {
      log.warn(
          "Authenticating {} from {} failed{}",
          username,
          context.channel().remoteAddress(),
          failure == null ? ": the authenticator returned no principal" : "",
          failure);
      reject(context, SaslStatus.ERROR, "Internal error during authentication");
      return;
    }
    if (principal.isEmpty()) {
      log.debug("Rejected credentials of {} from {}", username, context.channel().remoteAddress());
      reject(context, SaslStatus.BAD, "Invalid username or password");
      return;
    }
    state = State.COMPLETE;
    handshakeDeadline.cancel();
    context.channel().attr(TransportAttributes.PRINCIPAL).set(principal.get());
    context.channel().attr(TransportAttributes.CREDENTIAL).set(credentials.password());
    context.writeAndFlush(
        new SaslNegotiationMessage(SaslStatus.COMPLETE, new byte[0]).encode(context.alloc()));
    ChannelPipeline pipeline = context.pipeline();
    pipeline.addAfter(context.name(), FRAME_ENCODER_NAME, new SaslFrameEncoder());
    pipeline.replace(this, FRAME_DECODER_NAME, new SaslFrameDecoder(limits));
  }

  private void reject(ChannelHandlerContext context, SaslStatus status, String reason) {
    state = State.FAILED;
    log.debug(
        "SASL handshake with {} failed: {} {}", context.channel().remoteAddress(), status, reason);
    context
        .writeAndFlush(SaslNegotiationMessage.of(status, reason).encode(context.alloc()))
        .addListener(ChannelFutureListener.CLOSE);
  }
}
