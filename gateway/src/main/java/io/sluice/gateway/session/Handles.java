package io.sluice.gateway.session;

import io.sluice.protocol.thrift.THandleIdentifier;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Handle identifiers and their lookup keys. Guid and secret are each a random (version 4) UUID: the
 * Databricks drivers parse both as UUIDs and refuse a session whose handle is not one.
 */
public final class Handles {
  private Handles() {}

  public static THandleIdentifier newIdentifier() {
    return new THandleIdentifier(uuidBytes(UUID.randomUUID()), uuidBytes(UUID.randomUUID()));
  }

  private static ByteBuffer uuidBytes(UUID uuid) {
    ByteBuffer bytes = ByteBuffer.allocate(16);
    bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
    return bytes.flip();
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
