package io.sluice.governance.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server of its own for the tests in this JVM: a fresh cluster in a temporary
 * directory, made with the installed {@code initdb} and run with {@code pg_ctl} on a free port on
 * 127.0.0.1. PostgreSQL refuses to run as root, so when the tests run as root the cluster belongs
 * to the {@code postgres} account the Debian package creates, and its commands run through {@code
 * runuser}. Binaries are found in {@code $SLUICE_POSTGRES_BIN} or the newest {@code
 * /usr/lib/postgresql/<version>/bin} (Debian's {@code postgresql} package; {@code .ci/run} installs
 * it).
 */
public final class TestingPostgresServer {
  private static final String SUPERUSER = "sluice";
  private static TestingPostgresServer shared;

  private final Path binaries;
  private final Path directory;
  private final Path dataDirectory;
  private final int port;
  private final boolean asPostgresAccount;
  private final AtomicInteger databases = new AtomicInteger();

  private TestingPostgresServer(
      Path binaries, Path directory, int port, boolean asPostgresAccount) {
    this.binaries = binaries;
    this.directory = directory;
    this.dataDirectory = directory.resolve("data");
    this.port = port;
    this.asPostgresAccount = asPostgresAccount;
  }

  public static synchronized TestingPostgresServer shared() {
    if (shared == null) {
      try {
        shared = start();
      } catch (IOException e) {
        throw new IllegalStateException(
            "Cannot start PostgreSQL for the tests: " + e.getMessage(), e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "testing-postgres-shutdown"));
    }
    return shared;
  }

  private static TestingPostgresServer start() throws IOException {
    Path binaries = findBinaries();
    boolean root = "root".equals(System.getProperty("user.name"));
    Path directory = Files.createTempDirectory("sluice-postgres-");
    if (root) {
      UserPrincipal postgres =
          directory
              .getFileSystem()
              .getUserPrincipalLookupService()
              .lookupPrincipalByName("postgres");
      Files.setOwner(directory, postgres);
    }
    TestingPostgresServer server;
    try (ServerSocket socket = new ServerSocket(0)) {
      server = new TestingPostgresServer(binaries, directory, socket.getLocalPort(), root);
    }
    server.run(
        "initdb",
        "-D",
        server.dataDirectory.toString(),
        "-U",
        SUPERUSER,
        "-A",
        "trust",
        "-E",
        "UTF8",
        "--no-sync");
    server.pgCtlStart();
    return server;
  }

  private void pgCtlStart() throws IOException {
    run(
        "pg_ctl",
        "-D",
        dataDirectory.toString(),
        "-l",
        directory.resolve("server.log").toString(),
        "-w",
        "-t",
        "120",
        "-o",
        "-p "
            + port
            + " -k "
            + directory
            + " -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off",
        "start");
  }

  /** Stops the server cleanly and starts it again: what a production restart does. */
  public void restart() {
    try {
      run("pg_ctl", "-D", dataDirectory.toString(), "-w", "-t", "120", "-m", "fast", "stop");
      pgCtlStart();
    } catch (IOException e) {
      throw new IllegalStateException("Cannot restart PostgreSQL: " + e.getMessage(), e);
    }
  }

  /** A new empty database on this server; its JDBC URL. */
  public String createDatabase() {
    String name = "sluice_test_" + databases.incrementAndGet();
    try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, "");
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create database " + name + ": " + e.getMessage(), e);
    }
    return jdbcUrl(name);
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  public String user() {
    return SUPERUSER;
  }

  private void stop() {
    try {
      run("pg_ctl", "-D", dataDirectory.toString(), "-w", "-t", "60", "-m", "immediate", "stop");
    } catch (IOException | RuntimeException e) {
      // The JVM is exiting; the temporary directory is all that is left behind.
    }
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException ignored) {
      // Best effort.
    }
  }

  private void run(String program, String... arguments) throws IOException {
    List<String> command = new ArrayList<>();
    if (asPostgresAccount) {
      command.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    command.add(binaries.resolve(program).toString());
    command.addAll(List.of(arguments));
    Process process =
        new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
    try {
      if (!process.waitFor(3, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IOException(program + " did not finish within 3 minutes");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IOException("Interrupted while running " + program, e);
    }
    String output = new String(process.getInputStream().readAllBytes(), UTF_8);
    if (process.exitValue() != 0) {
      throw new IOException(
          String.join(" ", command)
              + " failed with exit code "
              + process.exitValue()
              + ":\n"
              + output);
    }
  }

  private static Path findBinaries() throws IOException {
    String configured = System.getenv("SLUICE_POSTGRES_BIN");
    if (configured != null && !configured.isBlank()) {
      return Paths.get(configured);
    }
    Path installed = Paths.get("/usr/lib/postgresql");
    if (Files.isDirectory(installed)) {
      try (Stream<Path> versions = Files.list(installed)) {
        List<Path> candidates =
            versions
                .filter(version -> Files.isExecutable(version.resolve("bin").resolve("initdb")))
                .sorted(
                    Comparator.comparing(
                        (Path version) -> {
                          String name = version.getFileName().toString();
                          return name.matches("[0-9]+") ? Integer.parseInt(name) : 0;
                        }))
                .toList();
        if (!candidates.isEmpty()) {
          return candidates.get(candidates.size() - 1).resolve("bin");
        }
      }
    }
    throw new IOException(
        "PostgreSQL is not installed: install Debian's 'postgresql' package (.ci/run does) or set"
            + " SLUICE_POSTGRES_BIN to the directory holding initdb and pg_ctl");
  }
}
