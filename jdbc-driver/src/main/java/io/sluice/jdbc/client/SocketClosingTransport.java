package io.sluice.jdbc.client;

import io.sluice.protocol.DelegatingTransport;
import java.io.IOException;
import java.net.Socket;
import org.apache.thrift.transport.TTransport;

/** A stream transport over a socket that closes the socket with it. */
final class SocketClosingTransport extends DelegatingTransport {
  private final Socket socket;

  SocketClosingTransport(TTransport delegate, Socket socket) {
    super(delegate);
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
}
