package io.sluice.engine.server;

import org.apache.thrift.transport.TEndpointTransport;
import org.apache.thrift.transport.TTransport;
import org.apache.thrift.transport.TTransportException;
import org.apache.thrift.transport.TTransportFactory;

/**
 * Applies the engine's maximum message size to every accepted connection, and buffers its replies
 * (see {@link WriteBufferingTransport}).
 */
final class MessageSizeLimitingTransportFactory extends TTransportFactory {
  private final int maxMessageBytes;

  MessageSizeLimitingTransportFactory(int maxMessageBytes) {
    this.maxMessageBytes = maxMessageBytes;
  }

  @Override
  public TTransport getTransport(TTransport transport) throws TTransportException {
    if (transport instanceof TEndpointTransport endpoint
        && endpoint.getConfiguration().getMaxMessageSize() != maxMessageBytes) {
      endpoint.getConfiguration().setMaxMessageSize(maxMessageBytes);
      endpoint.updateKnownMessageSize(-1);
    }
    return new WriteBufferingTransport(transport);
  }
}
