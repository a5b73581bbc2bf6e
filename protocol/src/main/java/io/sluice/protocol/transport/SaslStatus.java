package io.sluice.protocol.transport;

import java.util.Optional;

/** The status byte that starts every message of Thrift's SASL negotiation. */
enum SaslStatus {
  START(1),
  OK(2),
  BAD(3),
  ERROR(4),
  COMPLETE(5);

  private final byte code;

  SaslStatus(int code) {
    this.code = (byte) code;
  }

  byte code() {
    return code;
  }

  static Optional<SaslStatus> fromCode(byte code) {
    for (SaslStatus status : values()) {
      if (status.code == code) {
        return Optional.of(status);
      }
    }
    return Optional.empty();
  }
}
