package io.sluice.gateway.thrift;

import io.sluice.protocol.thrift.TColumn;
import io.sluice.protocol.thrift.TFetchResultsResp;
import io.sluice.protocol.thrift.TRowSet;
import io.sluice.protocol.thrift.TSparkArrowBatch;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TField;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.protocol.TProtocolUtil;
import org.apache.thrift.protocol.TType;
import org.apache.thrift.transport.TMemoryInputTransport;

/**
 * How many rows a FetchResults page holds, read from the page as the engine encoded it without
 * decoding it: only the reply's header is read (the status, {@code hasMoreRows}, and the length of
 * the first column's value list, which every column-based page starts with), whatever the size of
 * the page. Row-based pages give the length of their row list; Arrow pages the sum of their
 * batches' row counts, stepping over the batches' bytes.
 */
public record ResultPageSize(long rows, boolean hasMoreRows) {
  public static final ResultPageSize EMPTY = new ResultPageSize(0, false);

  private static final short SUCCESS = 0;
  private static final short HAS_MORE_ROWS = 2;
  private static final short RESULTS = 3;
  private static final short ROWS = 2;
  private static final short COLUMNS = 3;
  private static final short ARROW_BATCHES = 0x501;
  private static final short BATCH_ROW_COUNT = 2;

  /** The size of an encoded {@code FetchResults_result}; {@link #EMPTY} if it is not one. */
  public static ResultPageSize ofEncoded(byte[] encodedResult) {
    try {
      TProtocol protocol = new TBinaryProtocol(new TMemoryInputTransport(encodedResult));
      protocol.readStructBegin();
      TField field = protocol.readFieldBegin();
      if (field.id != SUCCESS || field.type != TType.STRUCT) {
        return EMPTY;
      }
      return ofResponse(protocol);
    } catch (TException | RuntimeException e) {
      return EMPTY;
    }
  }

  /** The size of a decoded page. */
  public static ResultPageSize of(TFetchResultsResp response) {
    if (response == null || !response.isSetResults()) {
      return EMPTY;
    }
    TRowSet results = response.getResults();
    long rows = results.isSetRows() ? results.getRowsSize() : 0;
    if (results.isSetColumns() && !results.getColumns().isEmpty()) {
      rows = Math.max(rows, columnLength(results.getColumns().get(0)));
    }
    if (results.isSetArrowBatches()) {
      for (TSparkArrowBatch batch : results.getArrowBatches()) {
        rows += batch.getRowCount();
      }
    }
    return new ResultPageSize(rows, response.isHasMoreRows());
  }

  private static long columnLength(TColumn column) {
    if (column.getSetField() == null) {
      return 0;
    }
    return switch (column.getSetField()) {
      case BOOL_VAL -> column.getBoolVal().getValuesSize();
      case BYTE_VAL -> column.getByteVal().getValuesSize();
      case I16_VAL -> column.getI16Val().getValuesSize();
      case I32_VAL -> column.getI32Val().getValuesSize();
      case I64_VAL -> column.getI64Val().getValuesSize();
      case DOUBLE_VAL -> column.getDoubleVal().getValuesSize();
      case STRING_VAL -> column.getStringVal().getValuesSize();
      case BINARY_VAL -> column.getBinaryVal().getValuesSize();
    };
  }

  private static ResultPageSize ofResponse(TProtocol protocol) throws TException {
    boolean hasMoreRows = false;
    protocol.readStructBegin();
    while (true) {
      TField field = protocol.readFieldBegin();
      if (field.type == TType.STOP) {
        return new ResultPageSize(0, hasMoreRows);
      }
      if (field.id == HAS_MORE_ROWS && field.type == TType.BOOL) {
        hasMoreRows = protocol.readBool();
      } else if (field.id == RESULTS && field.type == TType.STRUCT) {
        return new ResultPageSize(rowsOf(protocol), hasMoreRows);
      } else {
        TProtocolUtil.skip(protocol, field.type);
      }
      protocol.readFieldEnd();
    }
  }

  /** Reads a TRowSet up to its first column's value count. */
  private static long rowsOf(TProtocol protocol) throws TException {
    long rows = 0;
    protocol.readStructBegin();
    while (true) {
      TField field = protocol.readFieldBegin();
      if (field.type == TType.STOP) {
        return rows;
      }
      if (field.id == ROWS && field.type == TType.LIST) {
        int size = protocol.readListBegin().size;
        if (size > 0) {
          return size;
        }
        protocol.readListEnd();
      } else if (field.id == COLUMNS && field.type == TType.LIST) {
        int columns = protocol.readListBegin().size;
        if (columns > 0) {
          return firstColumnLength(protocol);
        }
        protocol.readListEnd();
      } else if (field.id == ARROW_BATCHES && field.type == TType.LIST) {
        return arrowRows(protocol);
      } else {
        TProtocolUtil.skip(protocol, field.type);
      }
      protocol.readFieldEnd();
    }
  }

  /** The sum of the {@code rowCount}s of a list of TSparkArrowBatch, stepping over the bytes. */
  private static long arrowRows(TProtocol protocol) throws TException {
    int batches = protocol.readListBegin().size;
    long rows = 0;
    for (int batch = 0; batch < batches; batch++) {
      protocol.readStructBegin();
      while (true) {
        TField field = protocol.readFieldBegin();
        if (field.type == TType.STOP) {
          break;
        }
        if (field.id == BATCH_ROW_COUNT && field.type == TType.I64) {
          rows += protocol.readI64();
        } else if (field.type == TType.STRING) {
          // Binary protocol: a length, then the bytes, passed over in the memory buffer.
          protocol.getTransport().consumeBuffer(protocol.readI32());
        } else {
          TProtocolUtil.skip(protocol, field.type);
        }
        protocol.readFieldEnd();
      }
      protocol.readStructEnd();
    }
    return rows;
  }

  /** A TColumn is a union of one typed column struct whose field 1 is the value list. */
  private static long firstColumnLength(TProtocol protocol) throws TException {
    protocol.readStructBegin();
    TField typed = protocol.readFieldBegin();
    if (typed.type != TType.STRUCT) {
      return 0;
    }
    protocol.readStructBegin();
    while (true) {
      TField field = protocol.readFieldBegin();
      if (field.type == TType.STOP) {
        return 0;
      }
      if (field.id == 1 && field.type == TType.LIST) {
        return protocol.readListBegin().size;
      }
      TProtocolUtil.skip(protocol, field.type);
      protocol.readFieldEnd();
    }
  }
}
