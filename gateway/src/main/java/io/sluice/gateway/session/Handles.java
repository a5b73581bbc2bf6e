package io.sluice.gateway.session;

import io.sluice.protocol.thrift.THandleIdentifier;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Random handle identifiers (16-byte guid, 16-byte secret) and their lookup keys. */
public final class Handles {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Handles() {}

  public static THandleIdentifier newIdentifier() {
    byte[] guid = new byte[16];
    byte[] secret = new byte[16];
    RANDOM.nextBytes(guid);
    RANDOM.nextBytes(secret);
    return new THandleIdentifier(ByteBuffer.wrap(guid), ByteBuffer.wrap(secret));
  }

  /** The map key of a handle: its guid in hex. */
  public static String key(THandleIdentifier identifier) {
    return HexFormat.of().formatHex(bytes(identifier.bufferForGuid()));
  }

  /** Whether a presented handle carries the secret of the stored one (constant time). */
  public static boolean secretMatches(THandleIdentifier stored, THandleIdentifier presented) {
    return presented.isSetSecret()
        && MessageDigest.isEqual(
            bytes(stored.bufferForSecret()), bytes(presented.bufferForSecret()));
  }

  private static byte[] bytes(ByteBuffer buffer) {
    if (buffer == null) {
      return new byte[0];
    }
    ByteBuffer copy = buffer.duplicate();
    byte[] bytes = new byte[copy.remaining()];
    copy.get(bytes);
    return bytes;
  }
}
