package io.sluice.protocol.transport;

import static java.util.Objects.requireNonNull;

import io.netty.buffer.ByteBuf;
import org.apache.thrift.TConfiguration;
import org.apache.thrift.transport.TEndpointTransport;
import org.apache.thrift.transport.TTransportException;

/**
 * A Thrift transport over Netty buffers, so that a {@code TBinaryProtocol} decodes a request
 * straight from the {@link ByteBuf} a decoder emitted and encodes the reply straight into the
 * {@link ByteBuf} that is written back.
 *
 * <p>The input holds exactly one message: its readable bytes are the known message size, which must
 * not exceed the configuration's maximum message size, and {@link #checkReadBytesAvailable} refuses
 * any declared size (of a string, list, map...) larger than what remains, so a lying size cannot
 * make the protocol allocate more than the message holds. Reads advance the input's reader index;
 * writes append to the output. The transport never releases either buffer: its caller owns them.
 * Use {@code Unpooled.EMPTY_BUFFER} for a side that is not used.
 */
public final class ByteBufTransport extends TEndpointTransport {
  private final ByteBuf input;
  private final ByteBuf output;
  private boolean open = true;

  /**
   * @throws TTransportException if the input is larger than the configuration's maximum message
   *     size
   */
  public ByteBufTransport(ByteBuf input, ByteBuf output, TConfiguration configuration)
      throws TTransportException {
    super(requireNonNull(configuration, "configuration is null"));
    this.input = requireNonNull(input, "input is null");
    this.output = requireNonNull(output, "output is null");
    updateKnownMessageSize(input.readableBytes());
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  @Override
  public boolean peek() {
    return open && input.isReadable();
  }

  @Override
  public void open() throws TTransportException {
    if (!open) {
      throw new TTransportException(TTransportException.NOT_OPEN, "Transport was closed");
    }
  }

  /** Marks the transport closed; the buffers are left to their owner. */
  @Override
  public void close() {
    open = false;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws TTransportException {
    checkOpen();
    if (length == 0) {
      return 0;
    }
    int count = Math.min(length, input.readableBytes());
    if (count == 0) {
      throw new TTransportException(
          TTransportException.END_OF_FILE, "No more bytes in the Thrift message");
    }
    countConsumedMessageBytes(count);
    input.readBytes(buffer, offset, count);
    return count;
  }

  @Override
  public void write(byte[] buffer, int offset, int length) throws TTransportException {
    checkOpen();
    if (length > output.maxWritableBytes()) {
      throw new TTransportException(
          "Output buffer cannot take " + length + " more bytes: " + output.maxWritableBytes());
    }
    output.writeBytes(buffer, offset, length);
  }

  @Override
  public void checkReadBytesAvailable(long numberOfBytes) throws TTransportException {
    if (numberOfBytes > input.readableBytes()) {
      throw new TTransportException(
          TTransportException.END_OF_FILE,
          "Thrift message declares "
              + numberOfBytes
              + " more bytes but only "
              + input.readableBytes()
              + " remain");
    }
    super.checkReadBytesAvailable(numberOfBytes);
  }

  private void checkOpen() throws TTransportException {
    if (!open) {
      throw new TTransportException(TTransportException.NOT_OPEN, "Transport was closed");
    }
  }
}
