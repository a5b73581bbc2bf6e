package io.sluice.gateway.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.apache.thrift.TConfiguration;
import org.apache.thrift.transport.TMemoryInputTransport;
import org.apache.thrift.transport.TTransport;
import org.apache.thrift.transport.TTransportException;

/**
 * Thrift over HTTP POST with the JDK's HTTP client, for tests that must control exactly which
 * fields an OpenSession carries (as the Databricks drivers' generated clients do). Each flush is
 * one POST; a non-200 answer fails with its status and body.
 */
public final class TestingThriftHttpTransport extends TTransport {
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final URI uri;
  private final String authorization;
  private final ByteArrayOutputStream request = new ByteArrayOutputStream();
  private TMemoryInputTransport response;

  public TestingThriftHttpTransport(URI uri, String authorization) {
    this.uri = uri;
    this.authorization = authorization;
  }

  @Override
  public boolean isOpen() {
    return true;
  }

  @Override
  public void open() {}

  @Override
  public void close() {}

  @Override
  public int read(byte[] buffer, int offset, int length) throws TTransportException {
    if (response == null) {
      throw new TTransportException("Nothing to read: no request was sent");
    }
    return response.read(buffer, offset, length);
  }

  @Override
  public void write(byte[] buffer, int offset, int length) {
    request.write(buffer, offset, length);
  }

  @Override
  public void flush() throws TTransportException {
    HttpRequest post =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofMinutes(2))
            .header("Content-Type", "application/x-thrift")
            .header("Authorization", authorization)
            .POST(HttpRequest.BodyPublishers.ofByteArray(request.toByteArray()))
            .build();
    request.reset();
    try {
      HttpResponse<byte[]> answer = client.send(post, HttpResponse.BodyHandlers.ofByteArray());
      if (answer.statusCode() != 200) {
        throw new TTransportException(
            "HTTP "
                + answer.statusCode()
                + ": "
                + new String(answer.body(), java.nio.charset.StandardCharsets.UTF_8));
      }
      response = new TMemoryInputTransport(answer.body());
    } catch (IOException e) {
      throw new TTransportException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TTransportException(e);
    }
  }

  @Override
  public TConfiguration getConfiguration() {
    return TConfiguration.DEFAULT;
  }

  @Override
  public void updateKnownMessageSize(long size) {}

  @Override
  public void checkReadBytesAvailable(long numBytes) {}
}
