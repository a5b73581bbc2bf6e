package io.sluice.protocol.rowset;

import java.nio.ByteBuffer;
import java.util.Arrays;

/** A growable null bitmap: bit {@code i} (least significant bit first) marks row {@code i}. */
public final class NullBitmap {
  private static final byte[] EMPTY = new byte[0];

  private byte[] bytes = EMPTY;
  private int highestSetRow = -1;

  /** Marks {@code row} as NULL. */
  public void set(int row) {
    int byteIndex = row >>> 3;
    if (byteIndex >= bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(byteIndex + 1, bytes.length * 2));
    }
    bytes[byteIndex] |= (byte) (1 << (row & 7));
    if (row > highestSetRow) {
      highestSetRow = row;
    }
  }

  /** Whether {@code row} was marked as NULL. */
  public boolean isSet(int row) {
    int byteIndex = row >>> 3;
    return byteIndex < bytes.length && (bytes[byteIndex] & (1 << (row & 7))) != 0;
  }

  /** The bitmap trimmed after its last set bit; empty when no row is NULL. */
  public ByteBuffer toByteBuffer() {
    int length = highestSetRow < 0 ? 0 : (highestSetRow >>> 3) + 1;
    return ByteBuffer.wrap(Arrays.copyOf(bytes, length));
  }
}
