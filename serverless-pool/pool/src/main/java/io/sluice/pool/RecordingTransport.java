package io.sluice.pool;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import org.apache.thrift.TConfiguration;
import org.apache.thrift.transport.TTransport;
import org.apache.thrift.transport.TTransportException;

/**
 * A transport that can keep a copy of the bytes read through it, so that a reply can be relayed as
 * the engine encoded it instead of being decoded into objects and encoded again.
 */
final class RecordingTransport extends TTransport {
  private final TTransport delegate;
  private ByteArrayOutputStream recording;

  RecordingTransport(TTransport delegate) {
    this.delegate = requireNonNull(delegate, "delegate is null");
  }

  void startRecording() {
    recording = new ByteArrayOutputStream(64 * 1024);
  }

  byte[] stopRecording() {
    byte[] bytes = recording.toByteArray();
    recording = null;
    return bytes;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws TTransportException {
    int read = delegate.read(buffer, offset, length);
    if (recording != null && read > 0) {
      recording.write(buffer, offset, read);
    }
    return read;
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
