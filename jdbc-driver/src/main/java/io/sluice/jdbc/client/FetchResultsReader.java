package io.sluice.jdbc.client;

import io.sluice.protocol.thrift.TRow;
import io.sluice.protocol.thrift.TStatus;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.thrift.TApplicationException;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TField;
import org.apache.thrift.protocol.TList;
import org.apache.thrift.protocol.TMessage;
import org.apache.thrift.protocol.TMessageType;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.protocol.TProtocolUtil;
import org.apache.thrift.protocol.TType;

/**
 * Reads a FetchResults reply straight into primitive column arrays. The generated classes would box
 * every BIGINT and DOUBLE value into a list first; on large results that boxing is most of the
 * client's work. Numbers and strings are decoded straight from the transport's read buffer (see
 * {@link ReadBufferingTransport}); binary values are copied out of it. Fields this reader does not
 * use are skipped, so newer servers' extension fields do no harm; row-based pages (protocol below
 * V6) are read with the generated classes. The record batches of an Arrow result (the Databricks
 * extension field {@code arrowBatches}) are kept as they came, each in an array of its own, for
 * {@link ArrowPageDecoder} to decode outside the session's lock.
 */
final class FetchResultsReader {
  private static final short RESULT_SUCCESS = 0;
  private static final short RESPONSE_STATUS = 1;
  private static final short RESPONSE_RESULTS = 3;
  private static final short ROW_SET_ROWS = 2;
  private static final short ROW_SET_COLUMNS = 3;
  private static final short COLUMN_VALUES = 1;
  private static final short COLUMN_NULLS = 2;
  private static final short ROW_SET_ARROW_BATCHES = 0x501;
  private static final short ARROW_BATCH_BYTES = 1;

  private FetchResultsReader() {}

  /**
   * What one FetchResults call returned: a page of columns or rows, or the encapsulated Arrow
   * record-batch messages of a page.
   */
  record FetchReply(TStatus status, ResultPage page, List<ByteBuffer> arrowBatches) {}

  /** A row set read from the wire. */
  private record RowSet(ResultPage page, List<ByteBuffer> arrowBatches) {}

  static FetchReply receive(TProtocol in, int columnCount) throws TException {
    if (!(in.getTransport() instanceof ReadBufferingTransport buffering)) {
      return receiveMessage(in, columnCount);
    }
    buffering.exposeBuffer(true);
    try {
      return receiveMessage(in, columnCount);
    } finally {
      buffering.exposeBuffer(false);
    }
  }

  private static FetchReply receiveMessage(TProtocol in, int columnCount) throws TException {
    TMessage message = in.readMessageBegin();
    if (message.type == TMessageType.EXCEPTION) {
      TApplicationException failure = TApplicationException.readFrom(in);
      in.readMessageEnd();
      throw failure;
    }
    FetchReply reply = null;
    in.readStructBegin();
    while (true) {
      TField field = in.readFieldBegin();
      if (field.type == TType.STOP) {
        break;
      }
      if (field.id == RESULT_SUCCESS && field.type == TType.STRUCT) {
        reply = response(in, columnCount);
      } else {
        TProtocolUtil.skip(in, field.type);
      }
      in.readFieldEnd();
    }
    in.readStructEnd();
    in.readMessageEnd();
    if (reply == null) {
      throw new TApplicationException(
          TApplicationException.MISSING_RESULT, "FetchResults failed: unknown result");
    }
    return reply;
  }

  private static FetchReply response(TProtocol in, int columnCount) throws TException {
    TStatus status = null;
    RowSet rowSet = new RowSet(new ResultPage(List.of(), 0), List.of());
    in.readStructBegin();
    while (true) {
      TField field = in.readFieldBegin();
      if (field.type == TType.STOP) {
        break;
      }
      if (field.id == RESPONSE_STATUS && field.type == TType.STRUCT) {
        status = new TStatus();
        status.read(in);
      } else if (field.id == RESPONSE_RESULTS && field.type == TType.STRUCT) {
        rowSet = rowSet(in, columnCount);
      } else {
        TProtocolUtil.skip(in, field.type);
      }
      in.readFieldEnd();
    }
    in.readStructEnd();
    return new FetchReply(status, rowSet.page(), rowSet.arrowBatches());
  }

  private static RowSet rowSet(TProtocol in, int columnCount) throws TException {
    List<ColumnValues> columns = new ArrayList<>();
    List<TRow> rows = new ArrayList<>();
    List<ByteBuffer> arrowBatches = new ArrayList<>();
    in.readStructBegin();
    while (true) {
      TField field = in.readFieldBegin();
      if (field.type == TType.STOP) {
        break;
      }
      if (field.id == ROW_SET_COLUMNS && field.type == TType.LIST) {
        TList list = in.readListBegin();
        for (int index = 0; index < list.size; index++) {
          columns.add(column(in));
        }
        in.readListEnd();
      } else if (field.id == ROW_SET_ROWS && field.type == TType.LIST) {
        TList list = in.readListBegin();
        for (int index = 0; index < list.size; index++) {
          TRow row = new TRow();
          row.read(in);
          rows.add(row);
        }
        in.readListEnd();
      } else if (field.id == ROW_SET_ARROW_BATCHES && field.type == TType.LIST) {
        TList list = in.readListBegin();
        for (int index = 0; index < list.size; index++) {
          arrowBatches.add(arrowBatch(in));
        }
        in.readListEnd();
      } else {
        TProtocolUtil.skip(in, field.type);
      }
      in.readFieldEnd();
    }
    in.readStructEnd();
    if (!columns.isEmpty()) {
      int rowCount = Integer.MAX_VALUE;
      for (ColumnValues column : columns) {
        rowCount = Math.min(rowCount, column.size());
      }
      return new RowSet(new ResultPage(columns, rowCount), arrowBatches);
    }
    return new RowSet(ResultPage.fromRows(rows, columnCount), arrowBatches);
  }

  /** A TSparkArrowBatch: the message bytes (the row count is also in the message). */
  private static ByteBuffer arrowBatch(TProtocol in) throws TException {
    ByteBuffer batch = null;
    in.readStructBegin();
    while (true) {
      TField field = in.readFieldBegin();
      if (field.type == TType.STOP) {
        break;
      }
      if (field.id == ARROW_BATCH_BYTES && field.type == TType.STRING) {
        ByteBuffer bytes = in.readBinary();
        // A batch that fitted in the transport's chunk is a view of it: it must be copied.
        batch =
            bytes.hasArray() && bytes.array() != in.getTransport().getBuffer()
                ? bytes
                : copy(bytes);
      } else {
        TProtocolUtil.skip(in, field.type);
      }
      in.readFieldEnd();
    }
    in.readStructEnd();
    if (batch == null) {
      throw new TApplicationException(
          TApplicationException.PROTOCOL_ERROR, "An Arrow batch carries no bytes");
    }
    return batch;
  }

  /** A TColumn union: exactly one of eight {values, nulls} structs. */
  private static ColumnValues column(TProtocol in) throws TException {
    ColumnValues values = null;
    in.readStructBegin();
    while (true) {
      TField field = in.readFieldBegin();
      if (field.type == TType.STOP) {
        break;
      }
      if (field.type == TType.STRUCT && values == null && field.id >= 1 && field.id <= 8) {
        values = typedColumn(in, field.id);
      } else {
        TProtocolUtil.skip(in, field.type);
      }
      in.readFieldEnd();
    }
    in.readStructEnd();
    if (values == null) {
      throw new TApplicationException(
          TApplicationException.PROTOCOL_ERROR, "A result column carries no values");
    }
    return values;
  }

  private static ColumnValues typedColumn(TProtocol in, short kind) throws TException {
    Object values = null;
    byte[] nulls = null;
    in.readStructBegin();
    while (true) {
      TField field = in.readFieldBegin();
      if (field.type == TType.STOP) {
        break;
      }
      if (field.id == COLUMN_VALUES && field.type == TType.LIST) {
        values = list(in, kind);
      } else if (field.id == COLUMN_NULLS && field.type == TType.STRING) {
        nulls = ColumnValues.nulls(in.readBinary());
      } else {
        TProtocolUtil.skip(in, field.type);
      }
      in.readFieldEnd();
    }
    in.readStructEnd();
    if (values == null) {
      throw new TApplicationException(
          TApplicationException.PROTOCOL_ERROR, "A result column has no value list");
    }
    return switch (kind) {
      case 1 -> ColumnValues.of((boolean[]) values, nulls);
      case 2 -> ColumnValues.of((byte[]) values, nulls);
      case 3 -> ColumnValues.of((short[]) values, nulls);
      case 4 -> ColumnValues.of((int[]) values, nulls);
      case 5 -> ColumnValues.of((long[]) values, nulls);
      case 6 -> ColumnValues.of((double[]) values, nulls);
      default -> ColumnValues.of((Object[]) values, nulls);
    };
  }

  private static Object list(TProtocol in, short kind) throws TException {
    TList list = in.readListBegin();
    int size = list.size;
    Object values =
        switch (kind) {
          case 1 -> {
            boolean[] booleans = new boolean[size];
            for (int index = 0; index < size; index++) {
              booleans[index] = in.readBool();
            }
            yield booleans;
          }
          case 2 -> {
            byte[] bytes = new byte[size];
            for (int index = 0; index < size; index++) {
              bytes[index] = in.readByte();
            }
            yield bytes;
          }
          case 3 -> {
            short[] shorts = new short[size];
            for (int index = 0; index < size; index++) {
              shorts[index] = in.readI16();
            }
            yield shorts;
          }
          case 4 -> {
            int[] ints = new int[size];
            for (int index = 0; index < size; index++) {
              ints[index] = in.readI32();
            }
            yield ints;
          }
          case 5 -> {
            long[] longs = new long[size];
            for (int index = 0; index < size; index++) {
              longs[index] = in.readI64();
            }
            yield longs;
          }
          case 6 -> {
            double[] doubles = new double[size];
            for (int index = 0; index < size; index++) {
              doubles[index] = in.readDouble();
            }
            yield doubles;
          }
          case 7 -> {
            String[] strings = new String[size];
            for (int index = 0; index < size; index++) {
              strings[index] = in.readString();
            }
            yield strings;
          }
          default -> {
            ByteBuffer[] binaries = new ByteBuffer[size];
            for (int index = 0; index < size; index++) {
              binaries[index] = copy(in.readBinary());
            }
            yield binaries;
          }
        };
    in.readListEnd();
    return values;
  }

  /** A binary value of its own: the protocol may hand out a view into the transport's buffer. */
  private static ByteBuffer copy(ByteBuffer view) {
    byte[] bytes = new byte[view.remaining()];
    view.duplicate().get(bytes);
    return ByteBuffer.wrap(bytes);
  }
}
