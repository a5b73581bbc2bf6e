package io.sluice.jdbc.arrow;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The flat schema of an Arrow result, read from an encapsulated IPC {@code Schema} message. Only
 * little-endian schemas of the types in {@link ArrowType} are read; anything else fails with a
 * {@link SQLFeatureNotSupportedException} naming what it met.
 */
public record ArrowSchema(List<ArrowField> fields) {
  private static final String WHAT = "Arrow schema";

  // Schema table fields.
  private static final int SCHEMA_ENDIANNESS = 0;
  private static final int SCHEMA_FIELDS = 1;
  // Field table fields.
  private static final int FIELD_NAME = 0;
  private static final int FIELD_TYPE_TYPE = 2;
  private static final int FIELD_TYPE = 3;
  private static final int FIELD_DICTIONARY = 4;
  private static final int FIELD_CHILDREN = 5;

  /** Names of the members of the flatbuffer union {@code Type}, by type id. */
  private static final String[] TYPE_NAMES = {
    "NONE",
    "Null",
    "Int",
    "FloatingPoint",
    "Binary",
    "Utf8",
    "Bool",
    "Decimal",
    "Date",
    "Time",
    "Timestamp",
    "Interval",
    "List",
    "Struct",
    "Union",
    "FixedSizeBinary",
    "FixedSizeList",
    "Map",
    "Duration",
    "LargeBinary",
    "LargeUtf8",
    "LargeList",
    "RunEndEncoded",
    "BinaryView",
    "Utf8View",
    "ListView",
    "LargeListView"
  };

  private static final String[] TIME_UNITS = {"SECOND", "MILLISECOND", "MICROSECOND", "NANOSECOND"};
  private static final int MICROSECOND = 2;
  private static final short DAY = 0;
  private static final short DATE_UNIT_DEFAULT_MILLISECOND = 1;
  private static final short SINGLE = 1;
  private static final short DOUBLE = 2;

  /**
   * A table with no fields, for a type whose table was left out (all its parameters default): the
   * root offset (8), a vtable of 4 bytes for a table of 4 bytes, and the table pointing back 4.
   */
  private static final ByteBuffer EMPTY_TABLE =
      ByteBuffer.wrap(new byte[] {8, 0, 0, 0, 4, 0, 4, 0, 4, 0, 0, 0}).asReadOnlyBuffer();

  public ArrowSchema {
    fields = List.copyOf(requireNonNull(fields, "fields is null"));
  }

  /** The schema in the encapsulated message {@code message}. */
  public static ArrowSchema read(ByteBuffer message) throws SQLException {
    FlatbufferTable schema = ArrowMessage.read(message, ArrowMessage.SCHEMA, WHAT).header();
    try {
      if (schema.int16(SCHEMA_ENDIANNESS, (short) 0) != 0) {
        throw new SQLFeatureNotSupportedException(
            "The Arrow schema is big-endian; the driver reads little-endian Arrow only", "0A000");
      }
      List<ArrowField> fields = new ArrayList<>();
      for (int index = 0; index < schema.vectorLength(SCHEMA_FIELDS); index++) {
        fields.add(field(schema.tableElement(SCHEMA_FIELDS, index)));
      }
      return new ArrowSchema(fields);
    } catch (IndexOutOfBoundsException e) {
      throw ArrowMessage.malformed(WHAT, "its metadata points outside itself", e);
    }
  }

  private static ArrowField field(FlatbufferTable field) throws SQLException {
    String name = field.string(FIELD_NAME);
    String column = name == null ? "" : name;
    int typeId = Byte.toUnsignedInt(field.int8(FIELD_TYPE_TYPE, (byte) 0));
    FlatbufferTable type = field.table(FIELD_TYPE);
    if (type == null) {
      type = FlatbufferTable.root(EMPTY_TABLE);
    }
    if (field.has(FIELD_DICTIONARY)) {
      throw unsupported(column, "dictionary-encoded " + typeName(typeId));
    }
    if (field.vectorLength(FIELD_CHILDREN) > 0) {
      throw unsupported(column, typeName(typeId) + " with child fields");
    }
    return switch (typeId) {
      case 1 -> plain(column, ArrowType.NULL);
      case 2 -> integer(column, type);
      case 3 -> floatingPoint(column, type);
      case 4 -> plain(column, ArrowType.BINARY);
      case 5 -> plain(column, ArrowType.UTF8);
      case 6 -> plain(column, ArrowType.BOOL);
      case 7 -> decimal(column, type);
      case 8 -> date(column, type);
      case 10 -> timestamp(column, type);
      case 19 -> plain(column, ArrowType.LARGE_BINARY);
      case 20 -> plain(column, ArrowType.LARGE_UTF8);
      default -> throw unsupported(column, typeName(typeId));
    };
  }

  private static ArrowField plain(String column, ArrowType type) {
    return new ArrowField(column, type, 0, Optional.empty());
  }

  private static ArrowField integer(String column, FlatbufferTable type) throws SQLException {
    int bitWidth = type.int32(0, 0);
    boolean signed = type.bool(1, false);
    if (!signed) {
      throw unsupported(column, "Int(" + bitWidth + ", unsigned)");
    }
    return switch (bitWidth) {
      case 8 -> plain(column, ArrowType.INT8);
      case 16 -> plain(column, ArrowType.INT16);
      case 32 -> plain(column, ArrowType.INT32);
      case 64 -> plain(column, ArrowType.INT64);
      default -> throw unsupported(column, "Int(" + bitWidth + ", signed)");
    };
  }

  private static ArrowField floatingPoint(String column, FlatbufferTable type) throws SQLException {
    short precision = type.int16(0, (short) 0);
    return switch (precision) {
      case SINGLE -> plain(column, ArrowType.FLOAT32);
      case DOUBLE -> plain(column, ArrowType.FLOAT64);
      default -> throw unsupported(column, "FloatingPoint(HALF)");
    };
  }

  private static ArrowField decimal(String column, FlatbufferTable type) throws SQLException {
    int precision = type.int32(0, 0);
    int scale = type.int32(1, 0);
    int bitWidth = type.int32(2, 128);
    if (bitWidth != 128) {
      throw unsupported(column, "Decimal(" + precision + ", " + scale + ", " + bitWidth + "-bit)");
    }
    return new ArrowField(column, ArrowType.DECIMAL128, scale, Optional.empty());
  }

  private static ArrowField date(String column, FlatbufferTable type) throws SQLException {
    if (type.int16(0, DATE_UNIT_DEFAULT_MILLISECOND) != DAY) {
      throw unsupported(column, "Date(MILLISECOND)");
    }
    return plain(column, ArrowType.DATE_DAY);
  }

  private static ArrowField timestamp(String column, FlatbufferTable type) throws SQLException {
    int unit = type.int16(0, (short) 0);
    if (unit != MICROSECOND) {
      throw unsupported(
          column,
          "Timestamp(" + (unit >= 0 && unit < TIME_UNITS.length ? TIME_UNITS[unit] : unit) + ")");
    }
    String zone = type.string(1);
    ZoneId timeZone;
    try {
      timeZone = zone == null || zone.isEmpty() ? ZoneOffset.UTC : ZoneId.of(zone);
    } catch (DateTimeException e) {
      throw new SQLException(
          "Column " + column + " is a timestamp in an unknown time zone '" + zone + "'",
          "HY000",
          e);
    }
    return new ArrowField(column, ArrowType.TIMESTAMP_MICROSECOND, 0, Optional.of(timeZone));
  }

  private static SQLException unsupported(String column, String type) {
    return new SQLFeatureNotSupportedException(
        "Column " + column + " has the Arrow type " + type + ", which the driver does not read",
        "0A000");
  }

  private static String typeName(int typeId) {
    return typeId < TYPE_NAMES.length ? TYPE_NAMES[typeId] : "type " + typeId;
  }
}
