package io.sluice.jdbc.client;

import io.sluice.jdbc.config.ConnectionConfig;
import io.sluice.jdbc.config.ConnectionProperties;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/** The TLS socket factory a connection uses: the JVM's CAs, a trust store, or a PEM CA file. */
final class TlsSockets {
  private TlsSockets() {}

  static SSLSocketFactory socketFactory(ConnectionConfig config)
      throws IOException, GeneralSecurityException {
    KeyStore trusted = trustedCertificates(config);
    if (trusted == null) {
      return SSLContext.getDefault().getSocketFactory();
    }
    TrustManagerFactory trustManagers =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trustManagers.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trustManagers.getTrustManagers(), null);
    return context.getSocketFactory();
  }

  private static KeyStore trustedCertificates(ConnectionConfig config)
      throws IOException, GeneralSecurityException {
    var pem = config.value(ConnectionProperties.SSL_CA_PEM);
    if (pem.isPresent()) {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      try (InputStream input = Files.newInputStream(Path.of(pem.get()))) {
        Collection<? extends Certificate> certificates =
            CertificateFactory.getInstance("X.509").generateCertificates(input);
        if (certificates.isEmpty()) {
          throw new GeneralSecurityException("No certificate in " + pem.get());
        }
        int index = 0;
        for (Certificate certificate : certificates) {
          store.setCertificateEntry("ca-" + index++, certificate);
        }
      }
      return store;
    }
    var trustStore = config.value(ConnectionProperties.SSL_TRUST_STORE);
    if (trustStore.isPresent()) {
      KeyStore store =
          KeyStore.getInstance(config.required(ConnectionProperties.SSL_TRUST_STORE_TYPE));
      char[] password =
          config
              .value(ConnectionProperties.SSL_TRUST_STORE_PASSWORD)
              .map(String::toCharArray)
              .orElse(null);
      try (InputStream input = Files.newInputStream(Path.of(trustStore.get()))) {
        store.load(input, password);
      }
      return store;
    }
    return null;
  }
}
