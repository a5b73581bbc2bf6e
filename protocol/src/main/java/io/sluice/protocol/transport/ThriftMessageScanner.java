package io.sluice.protocol.transport;

import io.netty.buffer.ByteBuf;
import org.apache.thrift.protocol.TType;

/**
 * Finds where the first strict binary Thrift message in a stream of bytes ends, without building
 * any objects.
 *
 * <p>A strict {@code TBinaryProtocol} message is a header ({@code 0x80 0x01 0x00 type}, the method
 * name as a length-prefixed string, the sequence id) followed by one struct. The scanner walks that
 * structure token by token: a struct is a run of fields ({@code type byte, i16 id, value}) ended by
 * a STOP byte; a list or set is {@code element type, i32 size, elements}; a map is {@code key type,
 * value type, i32 size, entries}; strings and binaries are {@code i32 length, bytes}. Fixed-size
 * values, and whole lists or maps of them, are skipped by arithmetic without being touched.
 *
 * <p>The scan is resumable: when the bytes run out, the scanner remembers where it stopped (an
 * offset from the start of the message and a stack of open structs and containers) and the next
 * call continues from there. Each byte of a message is therefore examined at most once however
 * finely the message is split, so scanning is linear in the message size. A token is only consumed
 * once all of its bytes are present, so a stopped scan never has half a token behind it.
 *
 * <p>Usage: call {@link #scan} with a buffer whose reader index is at the start of a message; call
 * it again with the same bytes plus any that arrived since (the reader index must still be at the
 * start of the message, though the buffer itself may have been replaced by a copy). It returns
 * {@link #INCOMPLETE} until the message is whole, then its length, after which the scanner starts
 * afresh and the next call expects the start of the next message. It never moves the buffer's
 * indexes. Not thread-safe: one scanner per connection.
 */
public final class ThriftMessageScanner {
  /** Returned by {@link #scan} while the message is not yet complete. */
  public static final int INCOMPLETE = -1;

  /** The nesting depth that libthrift itself allows by default. */
  public static final int DEFAULT_MAX_NESTING_DEPTH = 64;

  private static final int STRICT_VERSION = 0x8001_0000;
  private static final int VERSION_AND_UNUSED_MASK = 0xffff_ff00;
  private static final byte[] STRICT_VERSION_PREFIX = {(byte) 0x80, 0x01, 0x00};
  private static final int MESSAGE_HEADER_BYTES = 8;
  private static final int SEQUENCE_ID_BYTES = 4;
  private static final int FIELD_HEADER_BYTES = 3;

  private enum Phase {
    MESSAGE_HEADER,
    SEQUENCE_ID,
    BODY
  }

  private final int maxMessageBytes;
  private final int maxNestingDepth;

  // The stack of open structs and containers, as parallel arrays so that scanning allocates
  // nothing. A container of fixed-size values is skipped in one step and never pushed.
  private final byte[] openKind;
  private final byte[] openKeyOrElementType;
  private final byte[] openValueType;
  private final long[] openRemainingValues;

  private Phase phase = Phase.MESSAGE_HEADER;
  private long position;
  private int depth;

  public ThriftMessageScanner(int maxMessageBytes) {
    this(maxMessageBytes, DEFAULT_MAX_NESTING_DEPTH);
  }

  public ThriftMessageScanner(int maxMessageBytes, int maxNestingDepth) {
    if (maxMessageBytes <= 0) {
      throw new IllegalArgumentException("maxMessageBytes must be positive: " + maxMessageBytes);
    }
    if (maxNestingDepth <= 0) {
      throw new IllegalArgumentException("maxNestingDepth must be positive: " + maxNestingDepth);
    }
    this.maxMessageBytes = maxMessageBytes;
    this.maxNestingDepth = maxNestingDepth;
    this.openKind = new byte[maxNestingDepth];
    this.openKeyOrElementType = new byte[maxNestingDepth];
    this.openValueType = new byte[maxNestingDepth];
    this.openRemainingValues = new long[maxNestingDepth];
  }

  /**
   * Returns the length of the message that starts at {@code buffer}'s reader index, or {@link
   * #INCOMPLETE} if more bytes are needed.
   *
   * @throws MalformedThriftException if the bytes are not a strict binary Thrift message, declare
   *     sizes beyond the maximum message size or nest deeper than the maximum depth; the scanner is
   *     then reset
   */
  public int scan(ByteBuf buffer) throws MalformedThriftException {
    try {
      return continueScan(buffer, buffer.readerIndex(), buffer.readableBytes());
    } catch (MalformedThriftException e) {
      reset();
      throw e;
    }
  }

  /** Forgets any partly scanned message; the next call to {@link #scan} expects a new message. */
  public void reset() {
    phase = Phase.MESSAGE_HEADER;
    position = 0;
    depth = 0;
  }

  private int continueScan(ByteBuf buffer, int start, int available)
      throws MalformedThriftException {
    if (phase == Phase.MESSAGE_HEADER) {
      if (position + MESSAGE_HEADER_BYTES > available) {
        checkVersionPrefix(buffer, start, available);
        return INCOMPLETE;
      }
      checkMessageHeader(buffer.getInt(start));
      int nameLength = buffer.getInt(start + 4);
      if (nameLength < 0) {
        throw new MalformedThriftException("Negative Thrift method name length " + nameLength);
      }
      advance(MESSAGE_HEADER_BYTES + (long) nameLength);
      phase = Phase.SEQUENCE_ID;
    }
    if (phase == Phase.SEQUENCE_ID) {
      if (position + SEQUENCE_ID_BYTES > available) {
        return INCOMPLETE;
      }
      advance(SEQUENCE_ID_BYTES);
      open(TType.STRUCT, TType.STOP, TType.STOP, 0);
      phase = Phase.BODY;
    }
    while (depth > 0) {
      int top = depth - 1;
      if (openKind[top] == TType.STRUCT) {
        if (position >= available) {
          return INCOMPLETE;
        }
        byte fieldType = buffer.getByte(start + (int) position);
        if (fieldType == TType.STOP) {
          advance(1);
          depth--;
          continue;
        }
        checkValueType(fieldType, "field");
        if (position + FIELD_HEADER_BYTES + valuePrefixBytes(fieldType) > available) {
          return INCOMPLETE;
        }
        advance(FIELD_HEADER_BYTES);
        enterValue(buffer, start, fieldType);
      } else if (openRemainingValues[top] == 0) {
        depth--;
      } else {
        byte valueType = nextContainerValueType(top);
        if (position + valuePrefixBytes(valueType) > available) {
          return INCOMPLETE;
        }
        openRemainingValues[top]--;
        enterValue(buffer, start, valueType);
      }
    }
    int length = (int) position;
    reset();
    return length;
  }

  private byte nextContainerValueType(int top) {
    if (openKind[top] == TType.MAP && openRemainingValues[top] % 2 == 1) {
      return openValueType[top];
    }
    return openKeyOrElementType[top];
  }

  /**
   * Consumes one value of the given type whose prefix (the fixed part before any nested values) is
   * known to be present: skips it, or opens it when it holds values that must be walked.
   */
  private void enterValue(ByteBuf buffer, int start, byte type) throws MalformedThriftException {
    int fixedSize = fixedSize(type);
    if (fixedSize > 0) {
      advance(fixedSize);
      return;
    }
    int at = start + (int) position;
    switch (type) {
      case TType.STRING -> {
        int length = buffer.getInt(at);
        if (length < 0) {
          throw new MalformedThriftException("Negative Thrift string length " + length);
        }
        advance(4 + (long) length);
      }
      case TType.STRUCT -> open(TType.STRUCT, TType.STOP, TType.STOP, 0);
      case TType.LIST, TType.SET -> {
        byte elementType = buffer.getByte(at);
        int size = buffer.getInt(at + 1);
        advance(5);
        enterContainer(TType.LIST, elementType, TType.STOP, size);
      }
      case TType.MAP -> {
        byte keyType = buffer.getByte(at);
        byte valueType = buffer.getByte(at + 1);
        int size = buffer.getInt(at + 2);
        advance(6);
        enterContainer(TType.MAP, keyType, valueType, size);
      }
      default -> throw new IllegalStateException("Unexpected Thrift type " + type);
    }
  }

  private void enterContainer(byte kind, byte keyOrElementType, byte valueType, int size)
      throws MalformedThriftException {
    if (size < 0) {
      throw new MalformedThriftException("Negative Thrift container size " + size);
    }
    if (size == 0) {
      // Element types of empty containers are not checked: some writers leave them zero.
      return;
    }
    boolean map = kind == TType.MAP;
    checkValueType(keyOrElementType, map ? "map key" : "element");
    if (map) {
      checkValueType(valueType, "map value");
    }
    long minimumEntryBytes = minimumSize(keyOrElementType) + (map ? minimumSize(valueType) : 0);
    if (size * minimumEntryBytes > maxMessageBytes - position) {
      throw new MalformedThriftException(
          "Thrift container of "
              + size
              + " entries exceeds the maximum message size of "
              + maxMessageBytes
              + " bytes");
    }
    int keyOrElementSize = fixedSize(keyOrElementType);
    int valueSize = map ? fixedSize(valueType) : 0;
    if (keyOrElementSize > 0 && (!map || valueSize > 0)) {
      advance(size * (long) (keyOrElementSize + valueSize));
      return;
    }
    open(kind, keyOrElementType, valueType, map ? 2L * size : size);
  }

  private void open(byte kind, byte keyOrElementType, byte valueType, long remainingValues)
      throws MalformedThriftException {
    if (depth == maxNestingDepth) {
      throw new MalformedThriftException(
          "Thrift message nests deeper than " + maxNestingDepth + " levels");
    }
    openKind[depth] = kind;
    openKeyOrElementType[depth] = keyOrElementType;
    openValueType[depth] = valueType;
    openRemainingValues[depth] = remainingValues;
    depth++;
  }

  private void advance(long bytes) throws MalformedThriftException {
    position += bytes;
    if (position > maxMessageBytes) {
      throw new MalformedThriftException(
          "Thrift message exceeds the maximum size of " + maxMessageBytes + " bytes");
    }
  }

  /** Rejects garbage as early as its first bytes, before a whole header has arrived. */
  private static void checkVersionPrefix(ByteBuf buffer, int start, int available)
      throws MalformedThriftException {
    if (available >= 4) {
      checkMessageHeader(buffer.getInt(start));
      return;
    }
    for (int index = 0; index < available; index++) {
      if (buffer.getByte(start + index) != STRICT_VERSION_PREFIX[index]) {
        throw new MalformedThriftException("Not a strict binary Thrift message");
      }
    }
  }

  private static void checkMessageHeader(int versionAndType) throws MalformedThriftException {
    if ((versionAndType & VERSION_AND_UNUSED_MASK) != STRICT_VERSION) {
      throw new MalformedThriftException(
          String.format("Not a strict binary Thrift message: header 0x%08x", versionAndType));
    }
    int messageType = versionAndType & 0xff;
    if (messageType < 1 || messageType > 4) {
      throw new MalformedThriftException("Unknown Thrift message type " + messageType);
    }
  }

  private static void checkValueType(byte type, String role) throws MalformedThriftException {
    switch (type) {
      case TType.BOOL,
          TType.BYTE,
          TType.DOUBLE,
          TType.I16,
          TType.I32,
          TType.I64,
          TType.STRING,
          TType.STRUCT,
          TType.MAP,
          TType.SET,
          TType.LIST -> {}
      default -> throw new MalformedThriftException("Unknown Thrift " + role + " type " + type);
    }
  }

  /** The size of a value of a fixed-size type, or 0 if the type's size depends on its content. */
  private static int fixedSize(byte type) {
    return switch (type) {
      case TType.BOOL, TType.BYTE -> 1;
      case TType.I16 -> 2;
      case TType.I32 -> 4;
      case TType.I64, TType.DOUBLE -> 8;
      default -> 0;
    };
  }

  /** The bytes before any nested value: what must be present to consume the value's start. */
  private static int valuePrefixBytes(byte type) {
    return switch (type) {
      case TType.STRING -> 4;
      case TType.LIST, TType.SET -> 5;
      case TType.MAP -> 6;
      default -> 0;
    };
  }

  /** The fewest bytes a value of the type can take on the wire. */
  private static int minimumSize(byte type) {
    return switch (type) {
      case TType.STRUCT -> 1;
      case TType.STRING -> 4;
      case TType.LIST, TType.SET -> 5;
      case TType.MAP -> 6;
      default -> fixedSize(type);
    };
  }
}
