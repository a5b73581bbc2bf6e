package io.sluice.protocol.transport;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.Optional;

/**
 * One message of Thrift's SASL negotiation: {@code [status byte][4-byte big-endian
 * length][payload]}.
 */
record SaslNegotiationMessage(SaslStatus status, byte[] payload) {
  static final int HEADER_BYTES = 5;

  SaslNegotiationMessage {
    requireNonNull(status, "status is null");
    requireNonNull(payload, "payload is null");
  }

  static SaslNegotiationMessage of(SaslStatus status, String text) {
    return new SaslNegotiationMessage(status, text.getBytes(UTF_8));
  }

  /**
   * Reads a message from {@code in} if it has arrived whole, consuming its bytes; returns empty and
   * consumes nothing otherwise.
   *
   * @throws SaslNegotiationException if the status byte is unknown or the payload length is
   *     negative or larger than {@code maxPayloadBytes}; detected from the header alone
   */
  static Optional<SaslNegotiationMessage> read(ByteBuf in, int maxPayloadBytes)
      throws SaslNegotiationException {
    if (in.readableBytes() < HEADER_BYTES) {
      return Optional.empty();
    }
    byte code = in.getByte(in.readerIndex());
    SaslStatus status =
        SaslStatus.fromCode(code)
            .orElseThrow(
                () ->
                    new SaslNegotiationException(
                        String.format("Invalid SASL status byte 0x%02x", code)));
    int length = in.getInt(in.readerIndex() + 1);
    if (length < 0 || length > maxPayloadBytes) {
      throw new SaslNegotiationException(
          "SASL message of " + length + " bytes is outside 0.." + maxPayloadBytes + " bytes");
    }
    if (in.readableBytes() < HEADER_BYTES + length) {
      return Optional.empty();
    }
    in.skipBytes(HEADER_BYTES);
    byte[] payload = new byte[length];
    in.readBytes(payload);
    return Optional.of(new SaslNegotiationMessage(status, payload));
  }

  ByteBuf encode(ByteBufAllocator allocator) {
    return allocator
        .buffer(HEADER_BYTES + payload.length)
        .writeByte(status.code())
        .writeInt(payload.length)
        .writeBytes(payload);
  }

  String payloadText() {
    return new String(payload, UTF_8);
  }
}
