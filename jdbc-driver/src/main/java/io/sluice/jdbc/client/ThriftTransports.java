package io.sluice.jdbc.client;

import io.sluice.jdbc.config.ConnectionConfig;
import io.sluice.jdbc.config.ConnectionProperties;
import io.sluice.jdbc.config.ConnectionProperties.BinaryAuthentication;
import io.sluice.jdbc.config.ConnectionProperties.Transport;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Map;
import java.util.function.IntConsumer;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.sasl.SaslException;
import org.apache.thrift.TConfiguration;
import org.apache.thrift.transport.TIOStreamTransport;
import org.apache.thrift.transport.TSaslClientTransport;
import org.apache.thrift.transport.TTransport;
import org.apache.thrift.transport.TTransportException;

/**
 * Opens the Thrift transport a connection's properties ask for: binary over TCP (SASL PLAIN, or raw
 * Thrift for NOSASL servers) or HTTP POST, each optionally over TLS.
 */
final class ThriftTransports {
  /** Pages of results can be large; the fetch size, not libthrift, bounds them. */
  static final TConfiguration THRIFT_CONFIGURATION =
      TConfiguration.custom().setMaxMessageSize(Integer.MAX_VALUE).build();

  private static final int BUFFER_SIZE = 64 * 1024;

  private ThriftTransports() {}

  static OpenedTransport open(ConnectionConfig config, Credentials credentials)
      throws IOException, GeneralSecurityException, TTransportException {
    Duration connectTimeout = config.required(ConnectionProperties.CONNECT_TIMEOUT);
    Duration socketTimeout = config.required(ConnectionProperties.SOCKET_TIMEOUT);
    boolean ssl = config.required(ConnectionProperties.SSL);
    SSLSocketFactory sslSocketFactory = ssl ? TlsSockets.socketFactory(config) : null;
    if (config.required(ConnectionProperties.TRANSPORT) == Transport.HTTP) {
      String path = config.required(ConnectionProperties.HTTP_PATH);
      URI uri =
          URI.create(
              (ssl ? "https" : "http")
                  + "://"
                  + hostForUri(config.host())
                  + ":"
                  + config.port()
                  + "/"
                  + (path.startsWith("/") ? path.substring(1) : path));
      HttpThriftTransport transport =
          new HttpThriftTransport(
              THRIFT_CONFIGURATION,
              uri.toURL(),
              credentials.authorizationHeader(),
              sslSocketFactory,
              connectTimeout,
              socketTimeout);
      transport.open();
      return new OpenedTransport(transport, transport::setReadTimeout);
    }
    Socket socket = connect(config, sslSocketFactory, connectTimeout);
    try {
      socket.setSoTimeout(Math.toIntExact(socketTimeout.toMillis()));
      TTransport transport =
          new TIOStreamTransport(
              THRIFT_CONFIGURATION,
              new BufferedInputStream(socket.getInputStream(), BUFFER_SIZE),
              new BufferedOutputStream(socket.getOutputStream(), BUFFER_SIZE));
      if (config.required(ConnectionProperties.AUTH) == BinaryAuthentication.NOSASL) {
        return new OpenedTransport(
            new SocketClosingTransport(transport, socket), readTimeoutSetter(socket));
      }
      TTransport sasl = saslPlain(new SocketClosingTransport(transport, socket), credentials);
      try {
        // The handshake waits at most the connect timeout, whatever the socket timeout is.
        socket.setSoTimeout(Math.toIntExact(connectTimeout.toMillis()));
        sasl.open();
        socket.setSoTimeout(Math.toIntExact(socketTimeout.toMillis()));
      } catch (TTransportException e) {
        if (String.valueOf(e.getMessage()).startsWith("Peer indicated failure")) {
          throw new AuthenticationFailedException(
              "The server refused the credentials: " + e.getMessage(), e);
        }
        throw e;
      }
      return new OpenedTransport(sasl, readTimeoutSetter(socket));
    } catch (IOException | TTransportException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  private static Socket connect(
      ConnectionConfig config, SSLSocketFactory sslSocketFactory, Duration connectTimeout)
      throws IOException {
    Socket socket = new Socket();
    try {
      socket.setTcpNoDelay(true);
      socket.setKeepAlive(true);
      socket.connect(
          new InetSocketAddress(config.host(), config.port()),
          Math.toIntExact(connectTimeout.toMillis()));
      if (sslSocketFactory == null) {
        return socket;
      }
      SSLSocket ssl =
          (SSLSocket) sslSocketFactory.createSocket(socket, config.host(), config.port(), true);
      SSLParameters parameters = ssl.getSSLParameters();
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      ssl.setSSLParameters(parameters);
      ssl.setSoTimeout(Math.toIntExact(connectTimeout.toMillis()));
      ssl.startHandshake();
      return ssl;
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  private static TTransport saslPlain(TTransport transport, Credentials credentials)
      throws TTransportException {
    try {
      return new TSaslClientTransport(
          "PLAIN",
          null,
          null,
          null,
          Map.of(),
          callbacks -> {
            for (Callback callback : callbacks) {
              if (callback instanceof NameCallback name) {
                name.setName(credentials.user());
              } else if (callback instanceof PasswordCallback password) {
                password.setPassword(credentials.password().toCharArray());
              } else {
                throw new UnsupportedCallbackException(callback);
              }
            }
          },
          transport);
    } catch (SaslException e) {
      throw new TTransportException("The JVM has no SASL PLAIN client", e);
    }
  }

  private static IntConsumer readTimeoutSetter(Socket socket) {
    return milliseconds -> {
      try {
        socket.setSoTimeout(milliseconds);
      } catch (SocketException e) {
        // The socket is closed; the next call reports it.
      }
    };
  }

  /** An open transport and how to change how long a read may wait. */
  record OpenedTransport(TTransport transport, IntConsumer readTimeoutMillis) {}

  private static String hostForUri(String host) {
    return host.contains(":") ? "[" + host + "]" : host;
  }
}
