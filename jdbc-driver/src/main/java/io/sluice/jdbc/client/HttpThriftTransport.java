package io.sluice.jdbc.client;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.time.Duration;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;
import org.apache.thrift.TConfiguration;
import org.apache.thrift.transport.TEndpointTransport;
import org.apache.thrift.transport.TTransportException;

/**
 * Thrift over HTTP: each message the client flushes is one POST ({@code application/x-thrift}), the
 * reply body is the reply message. Uses the JDK's {@link HttpURLConnection}, which keeps the TCP
 * (or TLS) connection alive between calls.
 */
final class HttpThriftTransport extends TEndpointTransport {
  private final URL url;
  private final String authorization;
  private final SSLSocketFactory sslSocketFactory;
  private final int connectTimeoutMillis;
  private volatile int readTimeoutMillis;
  private final ByteArrayOutputStream request = new ByteArrayOutputStream(1024);
  private byte[] reply = new byte[0];
  private int replyPosition;
  private boolean open;

  HttpThriftTransport(
      TConfiguration configuration,
      URL url,
      String authorization,
      SSLSocketFactory sslSocketFactory,
      Duration connectTimeout,
      Duration readTimeout)
      throws TTransportException {
    super(configuration);
    this.url = requireNonNull(url, "url is null");
    this.authorization = requireNonNull(authorization, "authorization is null");
    this.sslSocketFactory = sslSocketFactory;
    this.connectTimeoutMillis = Math.toIntExact(connectTimeout.toMillis());
    this.readTimeoutMillis = Math.toIntExact(readTimeout.toMillis());
  }

  void setReadTimeout(int milliseconds) {
    readTimeoutMillis = milliseconds;
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  @Override
  public void open() {
    open = true;
  }

  @Override
  public void close() {
    open = false;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws TTransportException {
    int available = reply.length - replyPosition;
    if (available <= 0) {
      throw new TTransportException(
          TTransportException.END_OF_FILE, "The HTTP reply ended before the Thrift message");
    }
    int count = Math.min(available, length);
    System.arraycopy(reply, replyPosition, buffer, offset, count);
    replyPosition += count;
    return count;
  }

  @Override
  public void write(byte[] buffer, int offset, int length) {
    request.write(buffer, offset, length);
  }

  @Override
  public void flush() throws TTransportException {
    byte[] body = request.toByteArray();
    request.reset();
    resetConsumedMessageSize(-1);
    HttpURLConnection connection = null;
    try {
      connection = (HttpURLConnection) url.openConnection();
      if (connection instanceof HttpsURLConnection https && sslSocketFactory != null) {
        https.setSSLSocketFactory(sslSocketFactory);
      }
      connection.setConnectTimeout(connectTimeoutMillis);
      connection.setReadTimeout(readTimeoutMillis);
      connection.setRequestMethod("POST");
      connection.setDoOutput(true);
      connection.setFixedLengthStreamingMode(body.length);
      connection.setRequestProperty("Content-Type", "application/x-thrift");
      connection.setRequestProperty("Accept", "application/x-thrift");
      connection.setRequestProperty("Authorization", authorization);
      connection.setRequestProperty("User-Agent", "SluiceJDBC");
      try (OutputStream output = connection.getOutputStream()) {
        output.write(body);
      }
      int status = connection.getResponseCode();
      if (status == HttpURLConnection.HTTP_UNAUTHORIZED
          || status == HttpURLConnection.HTTP_FORBIDDEN) {
        drain(connection.getErrorStream());
        throw new AuthenticationFailedException(
            "The server refused the credentials (HTTP " + status + ")", null);
      }
      if (status != HttpURLConnection.HTTP_OK) {
        drain(connection.getErrorStream());
        throw new TTransportException("HTTP " + status + " from " + url);
      }
      try (InputStream input = connection.getInputStream()) {
        reply = input.readAllBytes();
        replyPosition = 0;
      }
    } catch (IOException e) {
      if (connection != null) {
        connection.disconnect();
      }
      throw new TTransportException(TTransportException.UNKNOWN, e.getMessage(), e);
    }
  }

  private static void drain(InputStream errorStream) throws IOException {
    if (errorStream != null) {
      try (errorStream) {
        errorStream.readAllBytes();
      }
    }
  }
}
