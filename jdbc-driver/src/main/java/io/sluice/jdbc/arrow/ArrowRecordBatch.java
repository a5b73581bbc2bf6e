package io.sluice.jdbc.arrow;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;

/**
 * One Arrow record batch, read from an encapsulated IPC {@code RecordBatch} message: its row count,
 * one node (length, null count) per field and the buffers of all fields in order, as views of the
 * message body. Compressed batches are refused: the driver never asks for them.
 */
public final class ArrowRecordBatch {
  private static final String WHAT = "Arrow record batch";

  // RecordBatch table fields.
  private static final int LENGTH = 0;
  private static final int NODES = 1;
  private static final int BUFFERS = 2;
  private static final int COMPRESSION = 3;
  // FieldNode and Buffer are structs of two longs.
  private static final int STRUCT_SIZE = 16;
  private static final String[] CODECS = {"LZ4_FRAME", "ZSTD"};

  private final int length;
  private final long[] nodeLengths;
  private final long[] nullCounts;
  private final ByteBuffer[] buffers;

  private ArrowRecordBatch(
      int length, long[] nodeLengths, long[] nullCounts, ByteBuffer[] buffers) {
    this.length = length;
    this.nodeLengths = nodeLengths;
    this.nullCounts = nullCounts;
    this.buffers = buffers;
  }

  /** The batch in the encapsulated message {@code message}. */
  public static ArrowRecordBatch read(ByteBuffer message) throws SQLException {
    ArrowMessage parsed = ArrowMessage.read(message, ArrowMessage.RECORD_BATCH, WHAT);
    FlatbufferTable batch = parsed.header();
    ByteBuffer body = parsed.body();
    try {
      FlatbufferTable compression = batch.table(COMPRESSION);
      if (compression != null) {
        int codec = compression.int8(0, (byte) 0);
        throw new SQLFeatureNotSupportedException(
            "The Arrow record batch is compressed ("
                + (codec >= 0 && codec < CODECS.length ? CODECS[codec] : "codec " + codec)
                + "); the driver reads uncompressed batches only",
            "0A000");
      }
      long length = batch.int64(LENGTH, 0);
      if (length < 0 || length > Integer.MAX_VALUE) {
        throw ArrowMessage.malformed(WHAT, "it claims " + length + " rows");
      }
      int nodeCount = batch.vectorLength(NODES);
      long[] nodeLengths = new long[nodeCount];
      long[] nullCounts = new long[nodeCount];
      for (int node = 0; node < nodeCount; node++) {
        nodeLengths[node] = batch.structLong(NODES, node, STRUCT_SIZE, 0);
        nullCounts[node] = batch.structLong(NODES, node, STRUCT_SIZE, 8);
      }
      int bufferCount = batch.vectorLength(BUFFERS);
      ByteBuffer[] buffers = new ByteBuffer[bufferCount];
      for (int index = 0; index < bufferCount; index++) {
        long offset = batch.structLong(BUFFERS, index, STRUCT_SIZE, 0);
        long size = batch.structLong(BUFFERS, index, STRUCT_SIZE, 8);
        if (offset < 0 || size < 0 || offset + size > body.limit()) {
          throw ArrowMessage.malformed(
              WHAT,
              "buffer "
                  + index
                  + " ["
                  + offset
                  + ", "
                  + (offset + size)
                  + ") lies outside the body of "
                  + body.limit()
                  + " bytes");
        }
        buffers[index] = body.slice((int) offset, (int) size).order(ByteOrder.LITTLE_ENDIAN);
      }
      return new ArrowRecordBatch((int) length, nodeLengths, nullCounts, buffers);
    } catch (IndexOutOfBoundsException e) {
      throw ArrowMessage.malformed(WHAT, "its metadata points outside itself", e);
    }
  }

  /** The number of rows. */
  public int length() {
    return length;
  }

  public int nodeCount() {
    return nodeLengths.length;
  }

  public long nodeLength(int node) {
    return nodeLengths[node];
  }

  public long nullCount(int node) {
    return nullCounts[node];
  }

  public int bufferCount() {
    return buffers.length;
  }

  /** Buffer {@code index}: a little-endian view positioned at 0 (do not change its position). */
  public ByteBuffer buffer(int index) {
    return buffers[index];
  }

  /** A SQLException saying how a record batch is malformed. */
  public static SQLException malformed(String problem) {
    return ArrowMessage.malformed(WHAT, problem);
  }
}
