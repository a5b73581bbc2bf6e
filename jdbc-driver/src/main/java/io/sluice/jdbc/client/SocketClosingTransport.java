package io.sluice.jdbc.client;

import java.io.IOException;
import java.net.Socket;
import org.apache.thrift.TConfiguration;
import org.apache.thrift.transport.TTransport;
import org.apache.thrift.transport.TTransportException;

/** A stream transport over a socket that closes the socket with it. */
final class SocketClosingTransport extends TTransport {
  private final TTransport delegate;
  private final Socket socket;

  SocketClosingTransport(TTransport delegate, Socket socket) {
    this.delegate = delegate;
    this.socket = socket;
  }

  @Override
  public boolean isOpen() {
    return !socket.isClosed() && delegate.isOpen();
  }

  @Override
  public void open() {}

  @Override
  public void close() {
    delegate.close();
    try {
      socket.close();
    } catch (IOException ignored) {
      // Closing: nothing left to do with the socket.
    }
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws TTransportException {
    return delegate.read(buffer, offset, length);
  }

  @Override
  public void write(byte[] buffer, int offset, int length) throws TTransportException {
    delegate.write(buffer, offset, length);
  }

  @Override
  public void flush() throws TTransportException {
    delegate.flush();
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
