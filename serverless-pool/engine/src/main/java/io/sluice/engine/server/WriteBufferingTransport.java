package io.sluice.engine.server;

import io.sluice.protocol.DelegatingTransport;
import org.apache.thrift.transport.TTransport;
import org.apache.thrift.transport.TTransportException;

/**
 * Collects what a reply writes in one unsynchronized array and hands it to the socket in large
 * writes. TBinaryProtocol writes every value separately; below it a socket stream's small
 * synchronized buffer would take a lock per value and a system call per kilobyte, which on result
 * pages cost more than encoding them. Reads go straight to the transport below.
 */
final class WriteBufferingTransport extends DelegatingTransport {
  private static final int CHUNK_BYTES = 64 * 1024;

  private final byte[] pending = new byte[CHUNK_BYTES];
  private int pendingBytes;

  WriteBufferingTransport(TTransport delegate) {
    super(delegate);
  }

  @Override
  public void write(byte[] source, int offset, int length) throws TTransportException {
    if (length > pending.length - pendingBytes) {
      writePending();
      if (length >= pending.length) {
        delegate.write(source, offset, length);
        return;
      }
    }
    System.arraycopy(source, offset, pending, pendingBytes, length);
    pendingBytes += length;
  }

  @Override
  public void flush() throws TTransportException {
    writePending();
    delegate.flush();
  }

  private void writePending() throws TTransportException {
    if (pendingBytes > 0) {
      int count = pendingBytes;
      pendingBytes = 0;
      delegate.write(pending, 0, count);
    }
  }

  @Override
  public int readAll(byte[] target, int offset, int length) throws TTransportException {
    return delegate.readAll(target, offset, length);
  }

  @Override
  public boolean peek() {
    return delegate.peek();
  }
}
