package io.sluice.jdbc.arrow;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;

/**
 * One encapsulated Arrow IPC message: a 32-bit continuation marker (0xFFFFFFFF, absent in the
 * format before Arrow 0.15), the 32-bit length of the metadata, the metadata (a flatbuffer {@code
 * Message}, padded to 8 bytes) and the message body, in which buffer offsets count from its start.
 */
final class ArrowMessage {
  static final int SCHEMA = 1;
  static final int DICTIONARY_BATCH = 2;
  static final int RECORD_BATCH = 3;

  private static final int CONTINUATION = 0xFFFFFFFF;

  /** MetadataVersion V4 (Arrow 0.8 and later); V5 only drops the union's validity buffer. */
  private static final short OLDEST_VERSION = 3;

  private static final String[] HEADER_NAMES = {
    "NONE", "Schema", "DictionaryBatch", "RecordBatch", "Tensor", "SparseTensor"
  };

  private final FlatbufferTable header;
  private final ByteBuffer body;

  private ArrowMessage(FlatbufferTable header, ByteBuffer body) {
    this.header = header;
    this.body = body;
  }

  /**
   * Reads the message in {@code bytes} (from its position to its limit), which must carry a header
   * of {@code expectedType}.
   */
  static ArrowMessage read(ByteBuffer bytes, int expectedType, String what) throws SQLException {
    ByteBuffer message = bytes.slice().order(ByteOrder.LITTLE_ENDIAN);
    FlatbufferTable root;
    int bodyStart;
    try {
      int metadataStart = 4;
      int metadataLength = message.getInt(0);
      if (metadataLength == CONTINUATION) {
        metadataStart = 8;
        metadataLength = message.getInt(4);
      }
      if (metadataLength <= 0 || metadataLength > message.limit() - metadataStart) {
        throw malformed(what, "metadata length " + metadataLength + " does not fit the message");
      }
      root = FlatbufferTable.root(message.slice(metadataStart, metadataLength));
      bodyStart = metadataStart + metadataLength;
    } catch (IndexOutOfBoundsException e) {
      throw malformed(what, "the message is truncated", e);
    }
    try {
      short version = root.int16(0, (short) 0);
      if (version < OLDEST_VERSION) {
        throw new SQLFeatureNotSupportedException(
            what
                + " uses Arrow metadata version V"
                + (version + 1)
                + "; the driver reads V4 and V5",
            "0A000");
      }
      int headerType = Byte.toUnsignedInt(root.int8(1, (byte) 0));
      if (headerType != expectedType) {
        String description =
            what
                + " is an Arrow "
                + headerName(headerType)
                + " message, not "
                + headerName(expectedType);
        if (headerType == DICTIONARY_BATCH) {
          throw new SQLFeatureNotSupportedException(
              description + ": dictionary-encoded results are not supported", "0A000");
        }
        throw malformed(what, description);
      }
      FlatbufferTable header = root.table(2);
      if (header == null) {
        throw malformed(what, "the message has no header");
      }
      long bodyLength = root.int64(3, 0);
      if (bodyLength < 0 || bodyLength > message.limit() - bodyStart) {
        throw malformed(
            what,
            "body length "
                + bodyLength
                + " exceeds the "
                + (message.limit() - bodyStart)
                + " bytes after the metadata");
      }
      ByteBuffer body = message.slice(bodyStart, (int) bodyLength).order(ByteOrder.LITTLE_ENDIAN);
      return new ArrowMessage(header, body);
    } catch (IndexOutOfBoundsException e) {
      throw malformed(what, "its metadata points outside itself", e);
    }
  }

  /** The {@code Schema} or {@code RecordBatch} table. */
  FlatbufferTable header() {
    return header;
  }

  /** The body, little-endian, positioned at 0. */
  ByteBuffer body() {
    return body;
  }

  static SQLException malformed(String what, String problem) {
    return new SQLException("Malformed " + what + ": " + problem, "HY000");
  }

  static SQLException malformed(String what, String problem, Throwable cause) {
    return new SQLException("Malformed " + what + ": " + problem, "HY000", cause);
  }

  private static String headerName(int type) {
    return type < HEADER_NAMES.length ? HEADER_NAMES[type] : "header type " + type;
  }
}
