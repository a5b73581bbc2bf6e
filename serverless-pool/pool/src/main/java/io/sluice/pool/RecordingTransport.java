package io.sluice.pool;

import io.sluice.protocol.DelegatingTransport;
import java.io.ByteArrayOutputStream;
import org.apache.thrift.transport.TTransport;
import org.apache.thrift.transport.TTransportException;

/**
 * A buffered transport over an engine connection that can keep a copy of the bytes read through it,
 * so that a reply can be relayed as the engine encoded it instead of being decoded into objects and
 * encoded again.
 *
 * <p>It reads the socket in large chunks into one reused array, and a recording copies consumed
 * bytes a chunk at a time rather than value by value. The array is deliberately not exposed through
 * {@code getBuffer()}: TBinaryProtocol would then return binary values as views into it, which the
 * next read overwrites.
 */
final class RecordingTransport extends DelegatingTransport {
  private static final int CHUNK_BYTES = 256 * 1024;

  private final byte[] buffer = new byte[CHUNK_BYTES];
  private int position;
  private int limit;
  private ByteArrayOutputStream recording;
  private int recordedUpTo;

  RecordingTransport(TTransport delegate) {
    super(delegate);
  }

  void startRecording() {
    recording = new ByteArrayOutputStream(CHUNK_BYTES);
    recordedUpTo = position;
  }

  byte[] stopRecording() {
    keepConsumedBytes();
    byte[] bytes = recording.toByteArray();
    recording = null;
    return bytes;
  }

  private void keepConsumedBytes() {
    if (recording != null) {
      recording.write(buffer, recordedUpTo, position - recordedUpTo);
      recordedUpTo = position;
    }
  }

  private void refill() throws TTransportException {
    keepConsumedBytes();
    position = 0;
    recordedUpTo = 0;
    limit = delegate.read(buffer, 0, buffer.length);
  }

  /**
   * Passes over {@code length} bytes without copying them anywhere but into the recording: how a
   * relayed reply's strings and number lists are stepped over.
   */
  void skip(long length) throws TTransportException {
    long remaining = length;
    while (remaining > 0) {
      if (position == limit) {
        refill();
      }
      int count = (int) Math.min(remaining, limit - position);
      position += count;
      remaining -= count;
    }
  }

  @Override
  public int read(byte[] target, int offset, int length) throws TTransportException {
    if (position == limit) {
      refill();
    }
    int count = Math.min(length, limit - position);
    System.arraycopy(buffer, position, target, offset, count);
    position += count;
    return count;
  }
}
