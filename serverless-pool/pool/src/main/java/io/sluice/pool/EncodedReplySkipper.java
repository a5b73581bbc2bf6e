package io.sluice.pool;

import org.apache.thrift.TException;
import org.apache.thrift.protocol.TField;
import org.apache.thrift.protocol.TList;
import org.apache.thrift.protocol.TMap;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.protocol.TProtocolException;
import org.apache.thrift.protocol.TSet;
import org.apache.thrift.protocol.TType;

/**
 * Steps over one TBinaryProtocol value read through a {@link RecordingTransport}, so that it is
 * recorded, without decoding it: strings and binaries are passed over by their length and lists of
 * numbers in one step, where a generic skip would allocate every string and read every number. A
 * result page is mostly such lists, so relaying one costs little more than copying its bytes.
 */
final class EncodedReplySkipper {
  private static final int MAX_DEPTH = 64;

  private final TProtocol protocol;
  private final RecordingTransport transport;

  EncodedReplySkipper(TProtocol protocol, RecordingTransport transport) {
    this.protocol = protocol;
    this.transport = transport;
  }

  void skip(byte type) throws TException {
    skip(type, MAX_DEPTH);
  }

  private void skip(byte type, int depth) throws TException {
    if (depth <= 0) {
      throw new TProtocolException(TProtocolException.DEPTH_LIMIT, "The reply nests too deeply");
    }
    int width = fixedWidth(type);
    if (width > 0) {
      transport.skip(width);
      return;
    }
    switch (type) {
      case TType.STRING -> transport.skip(size(protocol.readI32()));
      case TType.STRUCT -> {
        protocol.readStructBegin();
        while (true) {
          TField field = protocol.readFieldBegin();
          if (field.type == TType.STOP) {
            break;
          }
          skip(field.type, depth - 1);
          protocol.readFieldEnd();
        }
        protocol.readStructEnd();
      }
      case TType.LIST -> {
        TList list = protocol.readListBegin();
        elements(list.elemType, list.size, depth);
        protocol.readListEnd();
      }
      case TType.SET -> {
        TSet set = protocol.readSetBegin();
        elements(set.elemType, set.size, depth);
        protocol.readSetEnd();
      }
      case TType.MAP -> {
        TMap map = protocol.readMapBegin();
        for (int index = 0; index < size(map.size); index++) {
          skip(map.keyType, depth - 1);
          skip(map.valueType, depth - 1);
        }
        protocol.readMapEnd();
      }
      default ->
          throw new TProtocolException(
              TProtocolException.INVALID_DATA, "Unknown Thrift type " + type + " in the reply");
    }
  }

  private void elements(byte type, int count, int depth) throws TException {
    int width = fixedWidth(type);
    if (width > 0) {
      transport.skip((long) size(count) * width);
      return;
    }
    for (int index = 0; index < size(count); index++) {
      skip(type, depth - 1);
    }
  }

  private static int size(int size) throws TProtocolException {
    if (size < 0) {
      throw new TProtocolException(TProtocolException.NEGATIVE_SIZE, "Negative size " + size);
    }
    return size;
  }

  /** Bytes a value of {@code type} takes in TBinaryProtocol, or 0 when it varies. */
  private static int fixedWidth(byte type) {
    return switch (type) {
      case TType.BOOL, TType.BYTE -> 1;
      case TType.I16 -> 2;
      case TType.I32 -> 4;
      case TType.I64, TType.DOUBLE -> 8;
      default -> 0;
    };
  }
}
