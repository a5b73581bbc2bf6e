package io.sluice.gateway.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.gateway.GatewayConfig;
import io.sluice.gateway.testing.TestingClientDrivers;
import io.sluice.gateway.testing.TestingSluice;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Misbehaving clients get an error or a closed connection in bounded time, and a well-behaved
 * client (the real Hive JDBC driver) is served right after each of them. Runs against a listener of
 * the shared gateway with short limits: 1 s to authenticate or send a first request, 1 s to finish
 * a started message, 1 MiB per message.
 */
@Timeout(120)
class TestBadInput {
  private static final int MAX_MESSAGE_BYTES = 1024 * 1024;
  private static final Duration CLOSE_DEADLINE = Duration.ofSeconds(10);
  private static GatewayServer strict;
  private final TestingSluice sluice = TestingSluice.shared();

  @BeforeAll
  static void startStrictListener() throws Exception {
    TestingSluice sluice = TestingSluice.shared();
    GatewayConfig config =
        sluice
            .sluice()
            .config()
            .withPorts(0, 0)
            .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofHours(1))
            .withMaxMessageBytes(MAX_MESSAGE_BYTES);
    strict = sluice.sluice().listen(config);
  }

  @AfterAll
  static void stopStrictListener() {
    strict.close();
  }

  @Test
  void garbageBytesCloseTheConnection() throws Exception {
    try (Socket socket = connect(strict.binaryPort())) {
      socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(UTF_8));
      assertClosedWithin(socket, CLOSE_DEADLINE);
    }
    assertWellBehavedClientIsServed();
  }

  @Test
  void aClientThatStallsMidFrameIsDisconnected() throws Exception {
    try (Socket socket = connect(strict.binaryPort())) {
      OutputStream out = socket.getOutputStream();
      saslPlainHandshake(socket, sluice.token());
      DataOutputStream frame = new DataOutputStream(out);
      frame.writeInt(100);
      frame.write(new byte[] {(byte) 0x80, 0x01, 0x00, 0x01, 0, 0, 0});
      frame.flush();
      assertClosedWithin(socket, CLOSE_DEADLINE);
    }
    assertWellBehavedClientIsServed();
  }

  @Test
  void aTruncatedUnframedMessageIsDisconnected() throws Exception {
    try (Socket socket = connect(strict.binaryPort())) {
      // NOSASL: a strict binary message header announcing a method name that never arrives.
      socket
          .getOutputStream()
          .write(new byte[] {(byte) 0x80, 0x01, 0x00, 0x01, 0, 0, 0, 11, 'O', 'p'});
      assertClosedWithin(socket, CLOSE_DEADLINE);
    }
    assertWellBehavedClientIsServed();
  }

  @Test
  void anOversizedFrameOrMessageIsRefusedWithoutBufferingIt() throws Exception {
    try (Socket socket = connect(strict.binaryPort())) {
      saslPlainHandshake(socket, sluice.token());
      new DataOutputStream(socket.getOutputStream()).writeInt(Integer.MAX_VALUE);
      assertClosedWithin(socket, CLOSE_DEADLINE);
    }
    try (Socket socket = connect(strict.binaryPort())) {
      DataOutputStream out = new DataOutputStream(socket.getOutputStream());
      out.write(new byte[] {(byte) 0x80, 0x01, 0x00, 0x01});
      out.writeInt(1_000_000_000);
      assertClosedWithin(socket, CLOSE_DEADLINE);
    }
    assertWellBehavedClientIsServed();
  }

  @Test
  void aWrongSaslPasswordIsRefusedAndTheConnectionClosed() throws Exception {
    try (Socket socket = connect(strict.binaryPort())) {
      byte status = saslPlainHandshake(socket, "dapi-not-a-token");
      assertThat(status).isIn((byte) 3, (byte) 4);
      assertClosedWithin(socket, CLOSE_DEADLINE);
    }
    assertWellBehavedClientIsServed();
  }

  @Test
  void thousandsOfIdleConnectionsAreClosedAndDoNotStarveOthers() throws Exception {
    List<Socket> idle = new ArrayList<>();
    try {
      for (int i = 0; i < 2000; i++) {
        idle.add(connect(i % 2 == 0 ? strict.binaryPort() : strict.httpPort()));
      }
      assertWellBehavedClientIsServed();
      for (Socket socket : idle) {
        assertClosedWithin(socket, CLOSE_DEADLINE);
      }
    } finally {
      for (Socket socket : idle) {
        socket.close();
      }
    }
    assertWellBehavedClientIsServed();
  }

  @Test
  void anHttpBodyOverTheLimitGets413() throws Exception {
    try (Socket socket = connect(strict.httpPort())) {
      String headers =
          "POST /cliservice HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
              + sluice.token()
              + "\r\nContent-Type: application/x-thrift\r\nContent-Length: "
              + (MAX_MESSAGE_BYTES * 4)
              + "\r\n\r\n";
      socket.getOutputStream().write(headers.getBytes(UTF_8));
      assertThat(readStatusLine(socket)).contains("413");
    }
    assertWellBehavedClientIsServed();
  }

  @Test
  void anHttpClientThatStallsMidBodyIsDisconnected() throws Exception {
    try (Socket socket = connect(strict.httpPort())) {
      String request =
          "POST /cliservice HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
              + sluice.token()
              + "\r\nContent-Length: 100\r\n\r\n0123456789";
      socket.getOutputStream().write(request.getBytes(UTF_8));
      assertClosedWithin(socket, CLOSE_DEADLINE);
    }
    assertWellBehavedClientIsServed();
  }

  private void assertWellBehavedClientIsServed() throws Exception {
    String url = "jdbc:hive2://127.0.0.1:" + strict.binaryPort() + "/default";
    try (Connection connection =
            TestingClientDrivers.hiveJdbc().connect(url, "token", sluice.token());
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT 41 + 1")) {
      assertThat(result.next()).isTrue();
      assertThat(result.getInt(1)).isEqualTo(42);
    }
  }

  private static Socket connect(int port) throws IOException {
    Socket socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout((int) CLOSE_DEADLINE.toMillis());
    return socket;
  }

  /** Runs a SASL PLAIN handshake; returns the server's status byte (5 = COMPLETE). */
  private static byte saslPlainHandshake(Socket socket, String password) throws IOException {
    ByteArrayOutputStream handshake = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(handshake);
    out.writeByte(1);
    out.writeInt(5);
    out.write("PLAIN".getBytes(UTF_8));
    byte[] credentials = ("\0token\0" + password).getBytes(UTF_8);
    out.writeByte(5);
    out.writeInt(credentials.length);
    out.write(credentials);
    socket.getOutputStream().write(handshake.toByteArray());
    int status = socket.getInputStream().read();
    assertThat(status).as("SASL status").isNotEqualTo(-1);
    byte[] length = socket.getInputStream().readNBytes(4);
    int payloadLength =
        ((length[0] & 0xff) << 24)
            | ((length[1] & 0xff) << 16)
            | ((length[2] & 0xff) << 8)
            | (length[3] & 0xff);
    socket.getInputStream().readNBytes(payloadLength);
    return (byte) status;
  }

  private static String readStatusLine(Socket socket) throws IOException {
    StringBuilder line = new StringBuilder();
    InputStream in = socket.getInputStream();
    for (int next = in.read(); next != -1 && next != '\n'; next = in.read()) {
      line.append((char) next);
    }
    return line.toString();
  }

  /** The server closes: reads reach end of stream (or a reset) before the deadline. */
  private static void assertClosedWithin(Socket socket, Duration deadline) throws IOException {
    socket.setSoTimeout((int) deadline.toMillis());
    InputStream in = socket.getInputStream();
    try {
      while (in.read() != -1) {
        // Drain whatever the server said before closing (for example an error message).
      }
    } catch (SocketTimeoutException e) {
      throw new AssertionError("The server kept the connection open for more than " + deadline, e);
    } catch (IOException e) {
      // Connection reset: closed.
    }
  }
}
