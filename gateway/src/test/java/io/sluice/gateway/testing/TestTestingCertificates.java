package io.sluice.gateway.testing;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 2, unit = TimeUnit.MINUTES)
class TestTestingCertificates {
  @Test
  void certificateIsForLocalhostAndLoopback() throws Exception {
    TestingCertificates certificates = TestingCertificates.shared();
    assertThat(TestingCertificates.shared()).isSameAs(certificates);

    X509Certificate certificate = certificates.certificate();
    assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=localhost");
    assertThat(certificate.getIssuerX500Principal())
        .isEqualTo(certificate.getSubjectX500Principal());
    certificate.checkValidity();
    assertThat(certificate.getSubjectAlternativeNames())
        .contains(List.of(7, "127.0.0.1"), List.of(2, "localhost"));

    assertThat(Files.readString(certificates.certificatePem(), US_ASCII))
        .startsWith("-----BEGIN CERTIFICATE-----");
    assertThat(Files.readString(certificates.privateKeyPem(), US_ASCII))
        .startsWith("-----BEGIN PRIVATE KEY-----");
  }

  @Test
  void privateKeyMatchesCertificate() throws Exception {
    TestingCertificates certificates = TestingCertificates.shared();
    byte[] message = "sluice".getBytes(US_ASCII);
    Signature signer = Signature.getInstance("SHA256withRSA");
    signer.initSign(certificates.privateKey());
    signer.update(message);
    byte[] signature = signer.sign();

    Signature verifier = Signature.getInstance("SHA256withRSA");
    verifier.initVerify(certificates.certificate().getPublicKey());
    verifier.update(message);
    assertThat(verifier.verify(signature)).isTrue();
  }

  @Test
  void javaClientTrustsServerThroughTrustStoreWithHostnameVerification() throws Exception {
    TestingCertificates certificates = TestingCertificates.shared();
    KeyStore trustStore = KeyStore.getInstance(certificates.trustStoreType());
    try (InputStream input = Files.newInputStream(certificates.trustStore())) {
      trustStore.load(input, certificates.trustStorePassword().toCharArray());
    }
    assertThat(trustStore.getCertificate("localhost")).isEqualTo(certificates.certificate());

    char[] keyPassword = "key".toCharArray();
    KeyManagerFactory keyManagers =
        KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keyManagers.init(certificates.keyStore(keyPassword), keyPassword);
    SSLContext serverContext = SSLContext.getInstance("TLS");
    serverContext.init(keyManagers.getKeyManagers(), null, null);

    TrustManagerFactory trustManagers =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trustManagers.init(trustStore);
    SSLContext clientContext = SSLContext.getInstance("TLS");
    clientContext.init(null, trustManagers.getTrustManagers(), null);

    try (SSLServerSocket server =
        (SSLServerSocket)
            serverContext
                .getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread echo =
          new Thread(
              () -> {
                try (SSLSocket socket = (SSLSocket) server.accept();
                    OutputStream output = socket.getOutputStream()) {
                  output.write(socket.getInputStream().read());
                } catch (Exception ignored) {
                  // The client side reports the failure.
                }
              },
              "tls-echo");
      echo.start();
      for (String host : List.of("127.0.0.1")) {
        try (SSLSocket client =
            (SSLSocket)
                clientContext.getSocketFactory().createSocket(host, server.getLocalPort())) {
          SSLParameters parameters = client.getSSLParameters();
          parameters.setEndpointIdentificationAlgorithm("HTTPS");
          client.setSSLParameters(parameters);
          client.getOutputStream().write(42);
          assertThat(client.getInputStream().read()).isEqualTo(42);
        }
      }
      echo.join(TimeUnit.SECONDS.toMillis(30));
    }
  }

  @Test
  void missingOpensslIsReportedClearly(@TempDir Path directory) {
    assertThatThrownBy(() -> TestingCertificates.createIn(directory, "openssl-that-does-not-exist"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("openssl is needed to make the test TLS certificate");
  }
}
