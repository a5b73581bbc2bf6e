package io.sluice.protocol.transport;

import io.sluice.protocol.thrift.TCLIService;
import io.sluice.protocol.thrift.TColumn;
import io.sluice.protocol.thrift.TFetchResultsResp;
import io.sluice.protocol.thrift.TI64Column;
import io.sluice.protocol.thrift.TOpenSessionReq;
import io.sluice.protocol.thrift.TProtocolVersion;
import io.sluice.protocol.thrift.TRowSet;
import io.sluice.protocol.thrift.TStatus;
import io.sluice.protocol.thrift.TStatusCode;
import io.sluice.protocol.thrift.TStringColumn;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.thrift.TBase;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TField;
import org.apache.thrift.protocol.TList;
import org.apache.thrift.protocol.TMap;
import org.apache.thrift.protocol.TMessage;
import org.apache.thrift.protocol.TMessageType;
import org.apache.thrift.protocol.TSet;
import org.apache.thrift.protocol.TStruct;
import org.apache.thrift.protocol.TType;
import org.apache.thrift.transport.TMemoryBuffer;

/** Strict binary Thrift messages serialized by libthrift itself. */
final class TestingThriftMessages {
  private TestingThriftMessages() {}

  /** What Hive JDBC sends first: a TCLIService.OpenSession call. */
  static byte[] openSessionCall(int sequenceId) {
    TOpenSessionReq request =
        new TOpenSessionReq()
            .setClient_protocol(TProtocolVersion.HIVE_CLI_SERVICE_PROTOCOL_V10)
            .setUsername("token")
            .setPassword("dapiTEST")
            .setConfiguration(
                Map.of(
                    "use:database",
                    "default",
                    "set:hiveconf:hive.server2.thrift.resultset.default.fetch.size",
                    "1000"));
    return call(
        "OpenSession", TMessageType.CALL, sequenceId, new TCLIService.OpenSession_args(request));
  }

  static TCLIService.OpenSession_args readOpenSessionArgs(byte[] message) throws TException {
    TBinaryProtocol protocol = new TBinaryProtocol(memoryBufferWith(message));
    protocol.readMessageBegin();
    TCLIService.OpenSession_args args = new TCLIService.OpenSession_args();
    args.read(protocol);
    protocol.readMessageEnd();
    return args;
  }

  /** A FetchResults reply with string and i64 columns: lists of unions of lists. */
  static byte[] fetchResultsReply(int rows) {
    List<String> names = new ArrayList<>();
    List<Long> ids = new ArrayList<>();
    for (int row = 0; row < rows; row++) {
      names.add("name-" + row);
      ids.add((long) row);
    }
    TRowSet rowSet =
        new TRowSet()
            .setStartRowOffset(0)
            .setRows(List.of())
            .setColumns(
                List.of(
                    TColumn.stringVal(new TStringColumn(names, ByteBuffer.wrap(new byte[] {5}))),
                    TColumn.i64Val(new TI64Column(ids, ByteBuffer.wrap(new byte[0])))));
    TFetchResultsResp response =
        new TFetchResultsResp()
            .setStatus(new TStatus(TStatusCode.SUCCESS_STATUS))
            .setHasMoreRows(false)
            .setResults(rowSet);
    return call(
        "FetchResults",
        TMessageType.REPLY,
        7,
        new TCLIService.FetchResults_result().setSuccess(response));
  }

  static byte[] call(String method, byte type, int sequenceId, TBase<?, ?> arguments) {
    return write(
        protocol -> {
          protocol.writeMessageBegin(new TMessage(method, type, sequenceId));
          arguments.write(protocol);
          protocol.writeMessageEnd();
        });
  }

  /** A call whose arguments use every type TBinaryProtocol knows, nested. */
  static byte[] everyTypeCall() {
    return write(
        protocol -> {
          protocol.writeMessageBegin(new TMessage("EveryType", TMessageType.CALL, 1));
          protocol.writeStructBegin(new TStruct("args"));
          protocol.writeFieldBegin(new TField("bool", TType.BOOL, (short) 1));
          protocol.writeBool(true);
          protocol.writeFieldBegin(new TField("byte", TType.BYTE, (short) 2));
          protocol.writeByte((byte) -1);
          protocol.writeFieldBegin(new TField("i16", TType.I16, (short) 3));
          protocol.writeI16((short) 300);
          protocol.writeFieldBegin(new TField("i32", TType.I32, (short) 4));
          protocol.writeI32(-5);
          protocol.writeFieldBegin(new TField("i64", TType.I64, (short) 5));
          protocol.writeI64(Long.MAX_VALUE);
          protocol.writeFieldBegin(new TField("double", TType.DOUBLE, (short) 6));
          protocol.writeDouble(2.5);
          protocol.writeFieldBegin(new TField("string", TType.STRING, (short) 7));
          protocol.writeString("h\u00e9llo");
          protocol.writeFieldBegin(new TField("binary", TType.STRING, (short) 8));
          protocol.writeBinary(ByteBuffer.wrap(new byte[] {0, (byte) 0x80, 0x01, 12}));
          protocol.writeFieldBegin(new TField("struct", TType.STRUCT, (short) 9));
          protocol.writeStructBegin(new TStruct("inner"));
          protocol.writeFieldBegin(new TField("strings", TType.LIST, (short) 1));
          protocol.writeListBegin(new TList(TType.STRING, 2));
          protocol.writeString("a");
          protocol.writeString("");
          protocol.writeFieldBegin(new TField("ints", TType.SET, (short) 2));
          protocol.writeSetBegin(new TSet(TType.I32, 3));
          protocol.writeI32(1);
          protocol.writeI32(2);
          protocol.writeI32(3);
          protocol.writeFieldStop();
          protocol.writeFieldBegin(new TField("map", TType.MAP, (short) 10));
          protocol.writeMapBegin(new TMap(TType.STRING, TType.LIST, 2));
          protocol.writeString("first");
          protocol.writeListBegin(new TList(TType.I64, 2));
          protocol.writeI64(1);
          protocol.writeI64(2);
          protocol.writeString("second");
          protocol.writeListBegin(new TList(TType.I64, 0));
          protocol.writeFieldBegin(new TField("fixedMap", TType.MAP, (short) 11));
          protocol.writeMapBegin(new TMap(TType.I32, TType.DOUBLE, 2));
          protocol.writeI32(1);
          protocol.writeDouble(1.0);
          protocol.writeI32(2);
          protocol.writeDouble(2.0);
          protocol.writeFieldBegin(new TField("emptyMap", TType.MAP, (short) 12));
          protocol.writeMapBegin(new TMap(TType.STOP, TType.STOP, 0));
          protocol.writeFieldBegin(new TField("structs", TType.LIST, (short) 13));
          protocol.writeListBegin(new TList(TType.STRUCT, 2));
          protocol.writeFieldStop();
          protocol.writeFieldBegin(new TField("nested", TType.MAP, (short) 1));
          protocol.writeMapBegin(new TMap(TType.BOOL, TType.SET, 1));
          protocol.writeBool(false);
          protocol.writeSetBegin(new TSet(TType.STRING, 1));
          protocol.writeString("deep");
          protocol.writeFieldStop();
          protocol.writeFieldBegin(new TField("lists", TType.LIST, (short) 14));
          protocol.writeListBegin(new TList(TType.LIST, 2));
          protocol.writeListBegin(new TList(TType.BYTE, 3));
          protocol.writeByte((byte) 1);
          protocol.writeByte((byte) 2);
          protocol.writeByte((byte) 3);
          protocol.writeListBegin(new TList(TType.BOOL, 1));
          protocol.writeBool(true);
          protocol.writeFieldBegin(new TField("i16s", TType.LIST, (short) 15));
          protocol.writeListBegin(new TList(TType.I16, 2));
          protocol.writeI16((short) 1);
          protocol.writeI16((short) 2);
          protocol.writeFieldStop();
          protocol.writeMessageEnd();
        });
  }

  /** A call whose arguments are {@code depth} structs, each the only field of the one before. */
  static byte[] nestedStructsCall(int depth) {
    return write(
        protocol -> {
          protocol.writeMessageBegin(new TMessage("Nested", TMessageType.CALL, 1));
          for (int level = 1; level < depth; level++) {
            protocol.writeFieldBegin(new TField("inner", TType.STRUCT, (short) 1));
          }
          for (int level = 0; level < depth; level++) {
            protocol.writeFieldStop();
          }
          protocol.writeMessageEnd();
        });
  }

  /** A call with one string field whose declared length is {@code declaredLength}. */
  static byte[] stringFieldHeader(int declaredLength) {
    return write(
        protocol -> {
          protocol.writeMessageBegin(new TMessage("Big", TMessageType.CALL, 1));
          protocol.writeFieldBegin(new TField("statement", TType.STRING, (short) 1));
          protocol.writeI32(declaredLength);
        });
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  /** Prefixes the message with its 4-byte big-endian length, as SASL framing does. */
  static byte[] frame(byte[] message) {
    return concat(ByteBuffer.allocate(4).putInt(message.length).array(), message);
  }

  /** A SASL negotiation message: status, 4-byte big-endian length, payload. */
  static byte[] negotiation(int status, byte[] payload) {
    return concat(
        new byte[] {(byte) status}, ByteBuffer.allocate(4).putInt(payload.length).array(), payload);
  }

  private interface ProtocolWriter {
    void writeTo(TBinaryProtocol protocol) throws TException;
  }

  private static byte[] write(ProtocolWriter writer) {
    try {
      TMemoryBuffer buffer = new TMemoryBuffer(256);
      writer.writeTo(new TBinaryProtocol(buffer));
      byte[] bytes = new byte[buffer.length()];
      System.arraycopy(buffer.getArray(), 0, bytes, 0, buffer.length());
      return bytes;
    } catch (TException e) {
      throw new IllegalStateException(e);
    }
  }

  private static TMemoryBuffer memoryBufferWith(byte[] bytes) throws TException {
    TMemoryBuffer buffer = new TMemoryBuffer(bytes.length);
    buffer.write(bytes);
    return buffer;
  }
}
