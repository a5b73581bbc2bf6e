package io.sluice.engine.session;

import io.sluice.protocol.thrift.THandleIdentifier;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * A session or operation handle: a random 16-byte id (the guid) and a random 16-byte secret. Maps
 * are keyed by {@link #id()}; a presented handle must also carry the matching secret.
 */
public final class HandleIdentity {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int SECRET_BYTES = 16;

  private final UUID id;
  private final byte[] secret;

  private HandleIdentity(UUID id, byte[] secret) {
    this.id = id;
    this.secret = secret;
  }

  /** A fresh handle with a random guid and secret. */
  public static HandleIdentity random() {
    byte[] guid = new byte[16];
    byte[] secret = new byte[SECRET_BYTES];
    RANDOM.nextBytes(guid);
    RANDOM.nextBytes(secret);
    ByteBuffer buffer = ByteBuffer.wrap(guid);
    return new HandleIdentity(new UUID(buffer.getLong(), buffer.getLong()), secret);
  }

  /** The handle a client presented; fails unless the guid has 16 bytes. */
  public static HandleIdentity fromThrift(THandleIdentifier identifier) {
    if (identifier == null || identifier.getGuid() == null || identifier.getGuid().length != 16) {
      throw new IllegalArgumentException("A handle guid must have 16 bytes");
    }
    ByteBuffer buffer = ByteBuffer.wrap(identifier.getGuid());
    byte[] secret = identifier.getSecret() == null ? new byte[0] : identifier.getSecret();
    return new HandleIdentity(new UUID(buffer.getLong(), buffer.getLong()), secret);
  }

  public UUID id() {
    return id;
  }

  /** Whether {@code presented} carries this handle's secret (constant-time comparison). */
  public boolean secretMatches(HandleIdentity presented) {
    return MessageDigest.isEqual(secret, presented.secret);
  }

  public THandleIdentifier toThrift() {
    ByteBuffer guid = ByteBuffer.allocate(16);
    guid.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
    return new THandleIdentifier(ByteBuffer.wrap(guid.array()), ByteBuffer.wrap(secret.clone()));
  }

  @Override
  public String toString() {
    return id.toString();
  }
}
