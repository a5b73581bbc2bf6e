package io.sluice.gateway.testing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import io.sluice.pool.SparkJvmOptions;
import io.sluice.protocol.thrift.TCLIService;
import io.sluice.protocol.thrift.TCloseSessionReq;
import io.sluice.protocol.thrift.TOpenSessionReq;
import io.sluice.protocol.thrift.TOpenSessionResp;
import io.sluice.protocol.thrift.TProtocolVersion;
import io.sluice.protocol.thrift.TStatus;
import io.sluice.protocol.thrift.TStatusCode;
import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.sasl.SaslException;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.transport.TSaslClientTransport;
import org.apache.thrift.transport.TSocket;
import org.apache.thrift.transport.TTransport;

/**
 * The reference server for compatibility tests and benchmarks: Spark 3.5.4's stock HiveServer2
 * ({@code org.apache.spark.sql.hive.thriftserver.HiveThriftServer2}), run as a separate JVM on
 * loopback, so that Sluice can be compared against it with the same clients.
 *
 * <p>The server's classpath is the one the {@code serverless-pool/reference-thriftserver} module
 * writes to {@code target/thriftserver-classpath.txt} (Spark 3.5.4 on Scala 2.12 is the only stock
 * Spark Thrift server the Maven mirror has). It runs with Spark's Java 17 module flags ({@link
 * SparkJvmOptions#REQUIRED}); without them Spark 3.5.4 fails at start with {@code
 * IllegalAccessError ... sun.nio.ch.DirectBuffer}.
 *
 * <p>Everything the server writes stays inside the work directory: its log ({@code
 * thriftserver.log}: standard output and error), the Derby metastore ({@code metastore/}, plus
 * {@code derby.log}), the warehouse ({@code warehouse/}), Hive's scratch directory ({@code
 * scratch/}) and Spark's temporary files ({@code tmp/}, the server's {@code java.io.tmpdir}). A
 * Derby metastore admits one server at a time, so give each concurrently running server its own
 * work directory; a later server on the same directory sees the tables of the earlier one.
 *
 * <p>Spark configuration is passed as {@code -Dspark.*} system properties: HiveThriftServer2's
 * {@code main} (launched directly, without spark-submit) builds its context from {@code new
 * SparkConf()}, which reads them. Hive configuration is passed as {@code --hiveconf} arguments,
 * which HiveServer2's option processor turns into system properties that HiveConf reads.
 *
 * <p>{@link #start} returns once a Thrift {@code OpenSession} succeeds on the port, so the server
 * is ready for real clients. {@link #close} stops the process (SIGTERM, then SIGKILL if it lingers)
 * and any children; a JVM shutdown hook does the same for servers still starting or left open. Only
 * a test JVM killed with SIGKILL (no hooks run) can leave an orphan server behind.
 *
 * <p>Startup takes a while: 20 to 35 s from launch to the first {@code OpenSession} on the two-core
 * project machine under a load average of 10, most of it SparkContext start-up and creating the
 * Derby metastore schema, and more than 3 minutes under a load average of 35 (hence the 5-minute
 * default timeout). Start one server per test class, not per test.
 */
public final class TestingSparkThriftServer implements AutoCloseable {
  /** How clients reach the server. */
  public enum Transport {
    /**
     * Binary Thrift with no SASL at all ({@code hive.server2.authentication=NOSASL}). Hive JDBC
     * URLs need {@code ;auth=noSasl}; raw Thrift clients use a plain {@link TSocket}.
     */
    BINARY_NOSASL,
    /**
     * Binary Thrift inside SASL PLAIN ({@code hive.server2.authentication=NONE}): any user name and
     * password are accepted. This is HiveServer2's default.
     */
    BINARY_SASL_NONE,
    /**
     * Thrift over HTTP POST to {@code /cliservice} ({@code hive.server2.transport.mode=http},
     * {@code hive.server2.authentication=NONE}): any HTTP Basic user name and password are
     * accepted.
     */
    HTTP
  }

  public static final String HOST = "127.0.0.1";
  public static final String HTTP_PATH = "cliservice";
  public static final String MAIN_CLASS =
      "org.apache.spark.sql.hive.thriftserver.HiveThriftServer2";

  /** Overrides where the server's classpath file is read from. */
  public static final String CLASSPATH_FILE_PROPERTY = "sluice.test.thriftserver.classpath.file";

  public static final String CLASSPATH_FILE_NAME = "thriftserver-classpath.txt";
  public static final String LOG_FILE_NAME = "thriftserver.log";
  public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofMinutes(5);

  private static final String PROBE_USER = "sluice-probe";
  private static final String PROBE_PASSWORD = "unused";
  private static final Duration PROBE_INTERVAL = Duration.ofMillis(250);
  private static final Duration PROBE_SOCKET_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration GRACEFUL_STOP_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration SHUTDOWN_HOOK_STOP_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration FORCED_STOP_TIMEOUT = Duration.ofSeconds(15);
  private static final int LAUNCH_ATTEMPTS = 3;
  private static final int LOG_TAIL_LINES = 80;
  private static final int LOG_TAIL_BYTES = 64 * 1024;

  /** Environment variables that could make the server read configuration from outside. */
  private static final List<String> REMOVED_ENVIRONMENT_VARIABLES =
      List.of(
          "SPARK_HOME",
          "SPARK_CONF_DIR",
          "HADOOP_HOME",
          "HADOOP_CONF_DIR",
          "YARN_CONF_DIR",
          "HIVE_HOME",
          "HIVE_CONF_DIR");

  /** Every launched process not yet stopped, starting or ready: the shutdown hook stops them. */
  private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

  private static final Object SHUTDOWN_HOOK_LOCK = new Object();
  private static boolean shutdownHookRegistered;

  private final Process process;
  private final Transport transport;
  private final int port;
  private final Path workDirectory;
  private final Path logFile;
  private final Duration startupTime;
  private final Object closeLock = new Object();
  private boolean closed;

  private TestingSparkThriftServer(
      Process process,
      Transport transport,
      int port,
      Path workDirectory,
      Path logFile,
      Duration startupTime) {
    this.process = process;
    this.transport = transport;
    this.port = port;
    this.workDirectory = workDirectory;
    this.logFile = logFile;
    this.startupTime = startupTime;
  }

  /** Starts a server with binary NOSASL transport and the default settings. */
  public static TestingSparkThriftServer start(Path workDirectory) {
    return builder(workDirectory).start();
  }

  /** Starts a server with the given transport and otherwise the default settings. */
  public static TestingSparkThriftServer start(Path workDirectory, Transport transport) {
    return builder(workDirectory).transport(transport).start();
  }

  /**
   * A builder for a server in {@code workDirectory} (created if missing), for settings beyond the
   * transport: Spark and Hive configuration, extra JVM options, the startup timeout.
   */
  public static Builder builder(Path workDirectory) {
    return new Builder(workDirectory);
  }

  public Transport transport() {
    return transport;
  }

  public String host() {
    return HOST;
  }

  /** The port clients connect to: the binary Thrift port, or the HTTP port for {@code HTTP}. */
  public int port() {
    return port;
  }

  /**
   * A Hive JDBC URL for the {@code default} database: with {@code ;auth=noSasl} for binary NOSASL,
   * without it for SASL NONE, with {@code ;transportMode=http;httpPath=cliservice} for HTTP.
   */
  public String jdbcUrl() {
    String base = "jdbc:hive2://" + HOST + ":" + port + "/default";
    return switch (transport) {
      case BINARY_NOSASL -> base + ";auth=noSasl";
      case BINARY_SASL_NONE -> base;
      case HTTP -> base + ";transportMode=http;httpPath=" + HTTP_PATH;
    };
  }

  /** For {@code HTTP}: the endpoint Thrift requests are POSTed to. */
  public URI httpUri() {
    if (transport != Transport.HTTP) {
      throw new IllegalStateException("The server speaks " + transport + ", not HTTP");
    }
    return httpUri(port);
  }

  /**
   * A new, not yet opened Thrift transport to the server, as Hive clients build it: a plain socket
   * for NOSASL, SASL PLAIN over a socket for SASL NONE, HTTP POST with Basic authentication for
   * HTTP. The caller opens and closes it.
   */
  public TTransport newThriftTransport(String user, String password, Duration socketTimeout)
      throws TException {
    return thriftTransport(transport, port, user, password, socketTimeout);
  }

  public Path workDirectory() {
    return workDirectory;
  }

  /** The server's standard output and error. */
  public Path logFile() {
    return logFile;
  }

  /** From launching the JVM to the first successful {@code OpenSession}. */
  public Duration startupTime() {
    return startupTime;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** The last lines of the server's log, for failure messages. */
  public String logTail() {
    return readLogTail(logFile);
  }

  /** Stops the server: SIGTERM to it and its children, SIGKILL after 30 seconds. Idempotent. */
  @Override
  public void close() {
    stop(GRACEFUL_STOP_TIMEOUT);
  }

  private void stop(Duration gracefulTimeout) {
    synchronized (closeLock) {
      if (closed) {
        return;
      }
      closed = true;
    }
    destroyTree(process, gracefulTimeout);
    RUNNING.remove(process);
  }

  @Override
  public String toString() {
    return "Spark 3.5.4 HiveThriftServer2 (pid "
        + process.pid()
        + ", "
        + transport
        + " on "
        + HOST
        + ":"
        + port
        + ", work directory "
        + workDirectory
        + ")";
  }

  /**
   * {@code serverless-pool/reference-thriftserver/target/thriftserver-classpath.txt}, located from
   * the test classes whatever the working directory is.
   */
  public static Path classpathFile() {
    String configured = System.getProperty(CLASSPATH_FILE_PROPERTY);
    if (configured != null && !configured.isBlank()) {
      return Paths.get(configured).toAbsolutePath();
    }
    Path relative =
        Paths.get("serverless-pool", "reference-thriftserver", "target", CLASSPATH_FILE_NAME);
    try {
      URL location =
          TestingSparkThriftServer.class.getProtectionDomain().getCodeSource().getLocation();
      Path testClasses = Paths.get(location.toURI());
      // gateway/target/test-classes -> the repository root
      if (Files.isDirectory(testClasses)) {
        Path candidate = testClasses.getParent().getParent().getParent().resolve(relative);
        if (Files.isRegularFile(candidate)) {
          return candidate;
        }
      }
    } catch (URISyntaxException | RuntimeException ignored) {
      // Fall back to the working directory (gateway/) below.
    }
    return Paths.get("..").resolve(relative).toAbsolutePath().normalize();
  }

  /** Settings for one server; {@link #start} launches it. */
  public static final class Builder {
    private final Path workDirectory;
    private Transport transport = Transport.BINARY_NOSASL;
    private final Map<String, String> sparkConfiguration = new LinkedHashMap<>();
    private final Map<String, String> hiveConfiguration = new LinkedHashMap<>();
    private final List<String> jvmOptions = new ArrayList<>();
    private Duration startupTimeout = DEFAULT_STARTUP_TIMEOUT;

    private Builder(Path workDirectory) {
      this.workDirectory =
          requireNonNull(workDirectory, "workDirectory is null").toAbsolutePath().normalize();
    }

    public Builder transport(Transport transport) {
      this.transport = requireNonNull(transport, "transport is null");
      return this;
    }

    /**
     * Sets a Spark property ({@code spark.*}), overriding the defaults: {@code spark.master} is
     * {@code local[2]}, {@code spark.sql.shuffle.partitions} is 2, the UI is off, the driver binds
     * to loopback.
     */
    public Builder sparkConfiguration(String key, String value) {
      requireNonNull(key, "key is null");
      requireNonNull(value, "value is null");
      if (!key.startsWith("spark.")) {
        throw new IllegalArgumentException("Spark properties start with 'spark.': " + key);
      }
      sparkConfiguration.put(key, value);
      return this;
    }

    /** Sets a Hive property, passed as {@code --hiveconf key=value} after the fixture's own. */
    public Builder hiveConfiguration(String key, String value) {
      hiveConfiguration.put(requireNonNull(key, "key is null"), requireNonNull(value, "value"));
      return this;
    }

    /** Adds a JVM option (e.g. {@code -Xmx2g}) after Spark's required module flags. */
    public Builder jvmOption(String option) {
      jvmOptions.add(requireNonNull(option, "option is null"));
      return this;
    }

    public Builder startupTimeout(Duration startupTimeout) {
      requireNonNull(startupTimeout, "startupTimeout is null");
      if (startupTimeout.isNegative() || startupTimeout.isZero()) {
        throw new IllegalArgumentException("startupTimeout must be positive: " + startupTimeout);
      }
      this.startupTimeout = startupTimeout;
      return this;
    }

    /**
     * Launches the server on a free loopback port and waits until it answers {@code OpenSession}.
     * If the port was taken in between (the server then exits with a bind error), it retries with
     * another port.
     *
     * @throws IllegalStateException if the server exits or is not ready within the startup timeout;
     *     the message holds the tail of its log
     */
    public TestingSparkThriftServer start() {
      String classpath = readClasspath();
      try {
        Files.createDirectories(workDirectory.resolve("tmp"));
        Files.createDirectories(workDirectory.resolve("scratch"));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot create the work directory " + workDirectory, e);
      }
      IllegalStateException lastFailure = null;
      for (int attempt = 1; attempt <= LAUNCH_ATTEMPTS; attempt++) {
        try {
          return launch(classpath, freePort());
        } catch (PortTakenException e) {
          lastFailure = e;
        }
      }
      throw lastFailure;
    }

    private TestingSparkThriftServer launch(String classpath, int port) {
      Path logFile = workDirectory.resolve(LOG_FILE_NAME);
      List<String> command = command(classpath, port);
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(workDirectory.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
              .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
      Map<String, String> environment = builder.environment();
      REMOVED_ENVIRONMENT_VARIABLES.forEach(environment::remove);
      // Without it Spark warns that the host name resolves to loopback and picks eth0's address.
      environment.put("SPARK_LOCAL_IP", HOST);
      appendToLog(logFile, "\n=== " + String.join(" ", command) + "\n");
      long launchedAt = System.nanoTime();
      Process process;
      try {
        process = builder.start();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot launch " + command.get(0), e);
      }
      register(process);
      try {
        awaitReady(process, port, logFile, launchedAt);
      } catch (RuntimeException | Error failure) {
        destroyTree(process, Duration.ZERO);
        RUNNING.remove(process);
        throw failure;
      }
      return new TestingSparkThriftServer(
          process,
          transport,
          port,
          workDirectory,
          logFile,
          Duration.ofNanos(System.nanoTime() - launchedAt));
    }

    private List<String> command(String classpath, int port) {
      Map<String, String> spark = new LinkedHashMap<>();
      spark.put("spark.master", "local[2]");
      spark.put("spark.app.name", "sluice-reference-thriftserver");
      spark.put("spark.ui.enabled", "false");
      spark.put("spark.driver.host", HOST);
      spark.put("spark.driver.bindAddress", HOST);
      spark.put("spark.sql.shuffle.partitions", "2");
      spark.put("spark.sql.warehouse.dir", workDirectory.resolve("warehouse").toString());
      spark.put(
          "spark.hadoop.javax.jdo.option.ConnectionURL",
          "jdbc:derby:;databaseName=" + workDirectory.resolve("metastore") + ";create=true");
      spark.putAll(sparkConfiguration);

      Map<String, String> hive = new LinkedHashMap<>();
      hive.put("hive.server2.thrift.bind.host", HOST);
      switch (transport) {
        case BINARY_NOSASL -> {
          hive.put("hive.server2.transport.mode", "binary");
          hive.put("hive.server2.thrift.port", Integer.toString(port));
          hive.put("hive.server2.authentication", "NOSASL");
        }
        case BINARY_SASL_NONE -> {
          hive.put("hive.server2.transport.mode", "binary");
          hive.put("hive.server2.thrift.port", Integer.toString(port));
          hive.put("hive.server2.authentication", "NONE");
        }
        case HTTP -> {
          hive.put("hive.server2.transport.mode", "http");
          hive.put("hive.server2.thrift.http.port", Integer.toString(port));
          hive.put("hive.server2.thrift.http.path", HTTP_PATH);
          hive.put("hive.server2.authentication", "NONE");
        }
      }
      // The Thrift server runs every query as itself anyway; no proxy users.
      hive.put("hive.server2.enable.doAs", "false");
      hive.put("hive.exec.scratchdir", workDirectory.resolve("scratch").toString());
      hive.putAll(hiveConfiguration);

      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(SparkJvmOptions.REQUIRED);
      command.add("-Djava.io.tmpdir=" + workDirectory.resolve("tmp"));
      command.add("-Dderby.system.home=" + workDirectory);
      command.addAll(jvmOptions);
      spark.forEach((key, value) -> command.add("-D" + key + "=" + value));
      command.add("-cp");
      command.add(classpath);
      command.add(MAIN_CLASS);
      hive.forEach(
          (key, value) -> {
            command.add("--hiveconf");
            command.add(key + "=" + value);
          });
      return command;
    }

    private void awaitReady(Process process, int port, Path logFile, long launchedAt) {
      long deadline = launchedAt + startupTimeout.toNanos();
      Exception lastProbeFailure = null;
      while (true) {
        if (!process.isAlive()) {
          String tail = readLogTail(logFile);
          String message =
              "Spark Thrift server exited with code "
                  + process.exitValue()
                  + " before it was ready on port "
                  + port
                  + "; log "
                  + logFile
                  + ":\n"
                  + tail;
          if (tail.contains("Address already in use")) {
            throw new PortTakenException(message);
          }
          throw new IllegalStateException(message);
        }
        try {
          probe(port);
          // Still alive: the answer came from this server, not from another one on the port.
          if (process.isAlive()) {
            return;
          }
          continue;
        } catch (TException | RuntimeException e) {
          lastProbeFailure = e;
        }
        if (System.nanoTime() - deadline > 0) {
          IllegalStateException failure =
              new IllegalStateException(
                  "Spark Thrift server was not ready on port "
                      + port
                      + " within "
                      + startupTimeout.toSeconds()
                      + " s"
                      + " (last OpenSession attempt: "
                      + lastProbeFailure
                      + "); log "
                      + logFile
                      + ":\n"
                      + readLogTail(logFile),
                  lastProbeFailure);
          throw failure;
        }
        try {
          Thread.sleep(PROBE_INTERVAL.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("Interrupted while waiting for the Thrift server", e);
        }
      }
    }

    /** One OpenSession + CloseSession; throws unless both succeed. */
    private void probe(int port) throws TException {
      TTransport thriftTransport =
          thriftTransport(transport, port, PROBE_USER, PROBE_PASSWORD, PROBE_SOCKET_TIMEOUT);
      try {
        thriftTransport.open();
        TCLIService.Client client = new TCLIService.Client(new TBinaryProtocol(thriftTransport));
        TOpenSessionResp opened =
            client.OpenSession(
                new TOpenSessionReq()
                    .setClient_protocol(TProtocolVersion.HIVE_CLI_SERVICE_PROTOCOL_V10)
                    .setUsername(PROBE_USER)
                    .setPassword(PROBE_PASSWORD));
        requireSuccess("OpenSession", opened.getStatus());
        requireSuccess(
            "CloseSession",
            client.CloseSession(new TCloseSessionReq().setSessionHandle(opened.getSessionHandle()))
                .getStatus());
      } finally {
        thriftTransport.close();
      }
    }

    private String readClasspath() {
      Path file = classpathFile();
      if (!Files.isRegularFile(file)) {
        throw new IllegalStateException(
            "The Spark Thrift server classpath "
                + file
                + " is missing. The serverless-pool/reference-thriftserver module writes it: run"
                + " 'mvn install -DskipTests' from the repository root, or set -D"
                + CLASSPATH_FILE_PROPERTY
                + " to the file.");
      }
      try {
        String classpath = Files.readString(file, UTF_8).trim();
        if (classpath.isEmpty()) {
          throw new IllegalStateException(
              "The Spark Thrift server classpath " + file + " is empty");
        }
        return classpath;
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + file, e);
      }
    }
  }

  /** The server exited because its port was taken after {@link #freePort} had found it free. */
  private static final class PortTakenException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    PortTakenException(String message) {
      super(message);
    }
  }

  private static TTransport thriftTransport(
      Transport transport, int port, String user, String password, Duration socketTimeout)
      throws TException {
    requireNonNull(user, "user is null");
    requireNonNull(password, "password is null");
    int timeoutMillis = Math.toIntExact(socketTimeout.toMillis());
    return switch (transport) {
      case BINARY_NOSASL -> new TSocket(HOST, port, timeoutMillis);
      case BINARY_SASL_NONE ->
          plainSaslTransport(new TSocket(HOST, port, timeoutMillis), user, password);
      case HTTP ->
          new TestingThriftHttpTransport(
              httpUri(port),
              "Basic "
                  + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(UTF_8)));
    };
  }

  private static URI httpUri(int port) {
    return URI.create("http://" + HOST + ":" + port + "/" + HTTP_PATH);
  }

  private static TTransport plainSaslTransport(TTransport socket, String user, String password)
      throws TException {
    try {
      // The JDK's own SASL PLAIN client, as Hive JDBC uses for hive.server2.authentication=NONE.
      return new TSaslClientTransport(
          "PLAIN",
          null,
          null,
          null,
          Map.of(),
          callbacks -> {
            for (Callback callback : callbacks) {
              if (callback instanceof NameCallback name) {
                name.setName(user);
              } else if (callback instanceof PasswordCallback secret) {
                secret.setPassword(password.toCharArray());
              } else {
                throw new UnsupportedCallbackException(callback);
              }
            }
          },
          socket);
    } catch (SaslException e) {
      throw new TException("Cannot create a SASL PLAIN client", e);
    }
  }

  private static void requireSuccess(String call, TStatus status) {
    TStatusCode code = status == null ? null : status.getStatusCode();
    if (code != TStatusCode.SUCCESS_STATUS && code != TStatusCode.SUCCESS_WITH_INFO_STATUS) {
      throw new IllegalStateException(call + " failed: " + status);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), 0));
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot find a free port on " + HOST, e);
    }
  }

  private static void register(Process process) {
    synchronized (SHUTDOWN_HOOK_LOCK) {
      if (!shutdownHookRegistered) {
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(
                    () -> {
                      for (Process running : List.copyOf(RUNNING)) {
                        destroyTree(running, SHUTDOWN_HOOK_STOP_TIMEOUT);
                      }
                    },
                    "testing-spark-thriftserver-shutdown"));
        shutdownHookRegistered = true;
      }
    }
    RUNNING.add(process);
  }

  /**
   * SIGTERM to the process and its descendants (Spark's shutdown hooks then stop the context and
   * delete its temporary directories), SIGKILL to whatever is left after {@code gracefulTimeout}.
   */
  private static void destroyTree(Process process, Duration gracefulTimeout) {
    // Collect the children first: once the parent is gone they are reparented and unreachable.
    List<ProcessHandle> descendants = process.descendants().toList();
    try {
      if (!gracefulTimeout.isZero()) {
        descendants.forEach(ProcessHandle::destroy);
        process.destroy();
        if (process.waitFor(gracefulTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
          descendants.forEach(ProcessHandle::destroyForcibly);
          return;
        }
      }
      descendants.forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      if (!process.waitFor(FORCED_STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException(
            "Spark Thrift server pid " + process.pid() + " survived SIGKILL");
      }
    } catch (InterruptedException e) {
      descendants.forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static String readLogTail(Path logFile) {
    if (logFile == null || !Files.isRegularFile(logFile)) {
      return "(no log)";
    }
    try (RandomAccessFile file = new RandomAccessFile(logFile.toFile(), "r")) {
      long length = file.length();
      long start = Math.max(0, length - LOG_TAIL_BYTES);
      byte[] bytes = new byte[(int) (length - start)];
      file.seek(start);
      file.readFully(bytes);
      List<String> lines = new String(bytes, UTF_8).lines().toList();
      return String.join(
          "\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
    } catch (IOException e) {
      return "(cannot read " + logFile + ": " + e + ")";
    }
  }

  private static void appendToLog(Path logFile, String text) {
    try {
      Files.writeString(logFile, text, UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + logFile, e);
    }
  }

  private static File nullDevice() {
    return new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }
}
