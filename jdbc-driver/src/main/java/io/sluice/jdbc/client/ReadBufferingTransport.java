package io.sluice.jdbc.client;

import io.sluice.protocol.DelegatingTransport;
import org.apache.thrift.transport.TTransport;
import org.apache.thrift.transport.TTransportException;

/**
 * Reads the transport below in large chunks into one reused array. While {@link #exposeBuffer} is
 * on, the array is offered to TBinaryProtocol through {@code getBuffer()}, which then decodes
 * numbers and strings straight out of it instead of copying every value into a scratch array first:
 * on a result page that is most of the decoding work.
 *
 * <p>It is off by default because TBinaryProtocol returns binary values as views into the array,
 * which the next chunk overwrites. Only a reader that copies the binary values it keeps turns it on
 * ({@link FetchResultsReader}); every other reply is read through plain copies.
 */
final class ReadBufferingTransport extends DelegatingTransport {
  private static final int CHUNK_BYTES = 128 * 1024;

  private final byte[] buffer = new byte[CHUNK_BYTES];
  private int position;
  private int limit;
  private boolean exposed;

  ReadBufferingTransport(TTransport delegate) {
    super(delegate);
  }

  /** Whether TBinaryProtocol may read values directly from the chunk array. */
  void exposeBuffer(boolean exposed) {
    this.exposed = exposed;
  }

  @Override
  public int read(byte[] target, int offset, int length) throws TTransportException {
    if (position == limit && length >= buffer.length) {
      // A large value (an Arrow batch) goes straight into its own array, not through the chunk.
      return delegate.read(target, offset, length);
    }
    if (position == limit) {
      position = 0;
      limit = 0;
      limit = delegate.read(buffer, 0, buffer.length);
    }
    int count = Math.min(length, limit - position);
    System.arraycopy(buffer, position, target, offset, count);
    position += count;
    return count;
  }

  @Override
  public byte[] getBuffer() {
    return exposed ? buffer : null;
  }

  @Override
  public int getBufferPosition() {
    return exposed ? position : 0;
  }

  @Override
  public int getBytesRemainingInBuffer() {
    return exposed ? limit - position : -1;
  }

  @Override
  public void consumeBuffer(int length) {
    position += length;
  }
}
