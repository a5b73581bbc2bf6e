package io.sluice.gateway.testing;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.util.Objects.requireNonNull;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A self-signed TLS identity for {@code localhost} / {@code 127.0.0.1}, made once per test run.
 *
 * <p>The certificate and key are made by the {@code openssl} command, the way an operator would
 * make them, and written as PEM: an X.509 certificate ({@code CN=localhost}, subjectAltName {@code
 * IP:127.0.0.1} and {@code DNS:localhost}) and an unencrypted PKCS#8 RSA private key ({@code BEGIN
 * PRIVATE KEY}). The gateway serves TLS from these two files. Clients trust the certificate itself:
 * Node through {@code customCaCert} (the PEM), Java clients through a JKS trust store holding it.
 *
 * <p>The files live in a temporary directory removed when the JVM exits.
 */
public final class TestingCertificates {
  public static final String TRUST_STORE_PASSWORD = "changeit";
  public static final String TRUST_STORE_TYPE = "JKS";

  private static final Duration OPENSSL_TIMEOUT = Duration.ofSeconds(60);

  private final Path directory;
  private final String opensslCommand;
  private final Path certificatePem;
  private final Path privateKeyPem;
  private final Path trustStore;

  private TestingCertificates(Path directory, String opensslCommand) {
    this.directory = requireNonNull(directory, "directory is null");
    this.opensslCommand = requireNonNull(opensslCommand, "opensslCommand is null");
    this.certificatePem = directory.resolve("localhost-certificate.pem");
    this.privateKeyPem = directory.resolve("localhost-private-key.pem");
    this.trustStore = directory.resolve("truststore.jks");
  }

  /** The identity shared by the whole test run, created on first use. */
  public static TestingCertificates shared() {
    return SharedHolder.INSTANCE;
  }

  /** Creates a fresh identity in {@code directory} (which must exist). */
  public static TestingCertificates createIn(Path directory) {
    return createIn(directory, "openssl");
  }

  static TestingCertificates createIn(Path directory, String opensslCommand) {
    TestingCertificates certificates = new TestingCertificates(directory, opensslCommand);
    certificates.generate();
    return certificates;
  }

  public Path directory() {
    return directory;
  }

  /** PEM X.509 certificate, self-signed; also the CA clients must trust. */
  public Path certificatePem() {
    return certificatePem;
  }

  /** PEM unencrypted PKCS#8 private key ({@code -----BEGIN PRIVATE KEY-----}). */
  public Path privateKeyPem() {
    return privateKeyPem;
  }

  /** A {@value #TRUST_STORE_TYPE} trust store holding the certificate under alias "localhost". */
  public Path trustStore() {
    return trustStore;
  }

  public String trustStorePassword() {
    return TRUST_STORE_PASSWORD;
  }

  public String trustStoreType() {
    return TRUST_STORE_TYPE;
  }

  public X509Certificate certificate() {
    return readCertificate(certificatePem);
  }

  public PrivateKey privateKey() {
    try {
      String pem = Files.readString(privateKeyPem, US_ASCII);
      byte[] der = pemBody(pem, "PRIVATE KEY");
      return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot read private key " + privateKeyPem, e);
    }
  }

  /**
   * A key store holding the private key and certificate, for servers written against the JDK's
   * {@code KeyManagerFactory} (test doubles; the gateway itself reads the PEM files).
   */
  public KeyStore keyStore(char[] password) {
    try {
      KeyStore keyStore = KeyStore.getInstance("PKCS12");
      keyStore.load(null, null);
      keyStore.setKeyEntry("localhost", privateKey(), password, new Certificate[] {certificate()});
      return keyStore;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot build a key store", e);
    }
  }

  private void generate() {
    Path privateKeyInProgress = directory.resolve("private-key.tmp");
    runOpenssl(
        List.of(
            "genpkey",
            "-algorithm",
            "RSA",
            "-pkeyopt",
            "rsa_keygen_bits:2048",
            "-out",
            privateKeyInProgress.toString()));
    runOpenssl(
        List.of(
            "req",
            "-new",
            "-x509",
            "-key",
            privateKeyInProgress.toString(),
            "-out",
            certificatePem.toString(),
            "-days",
            "30",
            "-subj",
            "/CN=localhost",
            "-addext",
            "subjectAltName=IP:127.0.0.1,DNS:localhost",
            "-addext",
            "extendedKeyUsage=serverAuth"));
    // genpkey already writes PKCS#8; this pins the format whatever the openssl version.
    runOpenssl(
        List.of(
            "pkcs8",
            "-topk8",
            "-nocrypt",
            "-in",
            privateKeyInProgress.toString(),
            "-out",
            privateKeyPem.toString()));
    try {
      Files.delete(privateKeyInProgress);
      writeTrustStore();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void writeTrustStore() throws IOException {
    try {
      KeyStore keyStore = KeyStore.getInstance(TRUST_STORE_TYPE);
      keyStore.load(null, null);
      keyStore.setCertificateEntry("localhost", certificate());
      try (OutputStream output = Files.newOutputStream(trustStore)) {
        keyStore.store(output, TRUST_STORE_PASSWORD.toCharArray());
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot write trust store " + trustStore, e);
    }
  }

  private void runOpenssl(List<String> arguments) {
    List<String> command = new ArrayList<>();
    command.add(opensslCommand);
    command.addAll(arguments);
    Process process;
    try {
      process =
          new ProcessBuilder(command)
              .directory(directory.toFile())
              .redirectErrorStream(true)
              .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
              .start();
    } catch (IOException e) {
      throw new IllegalStateException(
          "Cannot run '"
              + opensslCommand
              + "': openssl is needed to make the test TLS certificate. Install it (Debian:"
              + " apt-get install openssl) and make sure it is on the PATH.",
          e);
    }
    try {
      byte[] output;
      try (InputStream input = process.getInputStream()) {
        output = input.readAllBytes();
      }
      if (!process.waitFor(OPENSSL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("openssl did not finish: " + String.join(" ", command));
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            "openssl failed with exit code "
                + process.exitValue()
                + ": "
                + String.join(" ", command)
                + "\n"
                + new String(output, US_ASCII));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while running openssl", e);
    }
  }

  private static File nullDevice() {
    return new File(System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null");
  }

  private static X509Certificate readCertificate(Path pem) {
    try {
      byte[] bytes = Files.readAllBytes(pem);
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(new ByteArrayInputStream(bytes));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot read certificate " + pem, e);
    }
  }

  private static byte[] pemBody(String pem, String label) {
    String begin = "-----BEGIN " + label + "-----";
    String end = "-----END " + label + "-----";
    int start = pem.indexOf(begin);
    int stop = pem.indexOf(end);
    if (start < 0 || stop < start) {
      throw new IllegalStateException("Not a PEM " + label + " block");
    }
    return Base64.getMimeDecoder().decode(pem.substring(start + begin.length(), stop));
  }

  private static void deleteRecursively(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException ignored) {
      // Best effort at JVM exit.
    }
  }

  private static final class SharedHolder {
    private static final TestingCertificates INSTANCE = createShared();

    private static TestingCertificates createShared() {
      try {
        Path directory = Files.createTempDirectory("sluice-test-certificates-");
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(() -> deleteRecursively(directory), "delete-test-certificates"));
        return createIn(directory);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
