package io.sluice.jdbc.arrow;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One table of a FlatBuffers buffer, read in place. A table begins with a signed 32-bit distance
 * back to its vtable; the vtable holds its own size, then one 16-bit position per field relative to
 * the table (0: the field is absent and the schema's default applies). References to tables,
 * strings and vectors are unsigned 32-bit distances from where they are stored. All little-endian.
 *
 * <p>Reading past the buffer throws {@link IndexOutOfBoundsException}; callers report that as
 * malformed metadata.
 */
final class FlatbufferTable {
  private final ByteBuffer buffer;
  private final int position;
  private final int vtable;
  private final int vtableSize;

  private FlatbufferTable(ByteBuffer buffer, int position) {
    this.buffer = buffer;
    this.position = position;
    this.vtable = position - buffer.getInt(position);
    this.vtableSize = Short.toUnsignedInt(buffer.getShort(vtable));
  }

  /** The root table of {@code buffer}, whose positions count from its index 0. */
  static FlatbufferTable root(ByteBuffer buffer) {
    ByteBuffer littleEndian = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    return new FlatbufferTable(littleEndian, littleEndian.getInt(0));
  }

  boolean has(int field) {
    return fieldPosition(field) != 0;
  }

  byte int8(int field, byte defaultValue) {
    int at = fieldPosition(field);
    return at == 0 ? defaultValue : buffer.get(at);
  }

  short int16(int field, short defaultValue) {
    int at = fieldPosition(field);
    return at == 0 ? defaultValue : buffer.getShort(at);
  }

  int int32(int field, int defaultValue) {
    int at = fieldPosition(field);
    return at == 0 ? defaultValue : buffer.getInt(at);
  }

  long int64(int field, long defaultValue) {
    int at = fieldPosition(field);
    return at == 0 ? defaultValue : buffer.getLong(at);
  }

  boolean bool(int field, boolean defaultValue) {
    int at = fieldPosition(field);
    return at == 0 ? defaultValue : buffer.get(at) != 0;
  }

  /** The table in {@code field}, or null. */
  FlatbufferTable table(int field) {
    int at = fieldPosition(field);
    return at == 0 ? null : new FlatbufferTable(buffer, target(at));
  }

  /** The string in {@code field}, or null. */
  String string(int field) {
    int at = fieldPosition(field);
    if (at == 0) {
      return null;
    }
    int start = target(at);
    byte[] bytes = new byte[buffer.getInt(start)];
    buffer.get(start + 4, bytes);
    return new String(bytes, UTF_8);
  }

  /** The number of elements of the vector in {@code field}; 0 when absent. */
  int vectorLength(int field) {
    int at = fieldPosition(field);
    return at == 0 ? 0 : buffer.getInt(target(at));
  }

  /** Element {@code index} of a vector of tables. */
  FlatbufferTable tableElement(int field, int index) {
    int element = elementPosition(field, index, 4);
    return new FlatbufferTable(buffer, target(element));
  }

  /** A 64-bit member at {@code memberOffset} of element {@code index} of a vector of structs. */
  long structLong(int field, int index, int structSize, int memberOffset) {
    return buffer.getLong(elementPosition(field, index, structSize) + memberOffset);
  }

  private int elementPosition(int field, int index, int elementSize) {
    int length = vectorLength(field);
    if (index < 0 || index >= length) {
      throw new IndexOutOfBoundsException("Vector element " + index + " of " + length);
    }
    return target(fieldPosition(field)) + 4 + index * elementSize;
  }

  private int fieldPosition(int field) {
    int entry = 4 + 2 * field;
    if (entry + 2 > vtableSize) {
      return 0;
    }
    int offset = Short.toUnsignedInt(buffer.getShort(vtable + entry));
    return offset == 0 ? 0 : position + offset;
  }

  private int target(int at) {
    int distance = buffer.getInt(at);
    if (distance < 0) {
      throw new IndexOutOfBoundsException("Offset " + Integer.toUnsignedString(distance));
    }
    return at + distance;
  }
}
