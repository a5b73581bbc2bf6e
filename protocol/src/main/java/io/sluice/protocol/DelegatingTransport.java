package io.sluice.protocol;

import static java.util.Objects.requireNonNull;

import org.apache.thrift.TConfiguration;
import org.apache.thrift.transport.TTransport;
import org.apache.thrift.transport.TTransportException;

/**
 * A transport that passes everything to the transport below it; subclasses override only what they
 * change (buffering reads or writes, recording, closing a socket with it). It lives outside the
 * server-side {@code transport} package because the JDBC driver's shaded jar needs it too.
 */
public abstract class DelegatingTransport extends TTransport {
  protected final TTransport delegate;

  protected DelegatingTransport(TTransport delegate) {
    this.delegate = requireNonNull(delegate, "delegate is null");
  }

  @Override
  public int read(byte[] target, int offset, int length) throws TTransportException {
    return delegate.read(target, offset, length);
  }

  @Override
  public void write(byte[] source, int offset, int length) throws TTransportException {
    delegate.write(source, offset, length);
  }

  @Override
  public void flush() throws TTransportException {
    delegate.flush();
  }

  @Override
  public boolean isOpen() {
    return delegate.isOpen();
  }

  @Override
  public void open() throws TTransportException {
    delegate.open();
  }

  @Override
  public void close() {
    delegate.close();
  }

  @Override
  public TConfiguration getConfiguration() {
    return delegate.getConfiguration();
  }

  @Override
  public void updateKnownMessageSize(long size) throws TTransportException {
    delegate.updateKnownMessageSize(size);
  }

  @Override
  public void checkReadBytesAvailable(long numBytes) throws TTransportException {
    delegate.checkReadBytesAvailable(numBytes);
  }
}
