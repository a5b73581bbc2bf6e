package io.sluice.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the engine as a real separate JVM, as the gateway does: same Spark module flags as the test
 * JVM, classpath {@code target/classes} plus {@code target/engine-classpath.txt}, the secret in the
 * environment, the ready line read from standard output, and shutdown by closing standard input.
 *
 * <p>Tests share one engine per test run ({@link #shared()}); {@link #restartShared()} replaces it
 * with a new process on the same data directory.
 */
public final class TestingEngineProcess implements AutoCloseable {
  public static final String SECRET = "engine-test-secret";

  private static final long READY_TIMEOUT_SECONDS = 240;
  private static final long EXIT_TIMEOUT_SECONDS = 60;
  private static final AtomicInteger LAUNCHES = new AtomicInteger();
  private static TestingEngineProcess shared;

  private final Process process;
  private final Path dataDirectory;
  private final int port;

  private TestingEngineProcess(Process process, Path dataDirectory, int port) {
    this.process = process;
    this.dataDirectory = dataDirectory;
    this.port = port;
  }

  /** The engine shared by this test run, started on first use and stopped when the JVM exits. */
  public static synchronized TestingEngineProcess shared() throws Exception {
    if (shared == null) {
      Path dataDirectory =
          Files.createDirectories(moduleDirectory().resolve("target/engine-test-data"))
              .resolve("run-" + System.currentTimeMillis());
      shared = start(dataDirectory);
      Runtime.getRuntime()
          .addShutdownHook(new Thread(TestingEngineProcess::closeShared, "engine-test-shutdown"));
    }
    return shared;
  }

  /** Stops the shared engine and starts a new process on the same data directory. */
  public static synchronized TestingEngineProcess restartShared() throws Exception {
    TestingEngineProcess previous = shared();
    previous.close();
    shared = start(previous.dataDirectory);
    return shared;
  }

  private static synchronized void closeShared() {
    if (shared != null) {
      shared.close();
    }
  }

  /** Launches an engine on {@code dataDirectory} and waits for its ready line. */
  public static TestingEngineProcess start(Path dataDirectory) throws Exception {
    Path module = moduleDirectory();
    Path logs = Files.createDirectories(module.resolve("target/engine-test-logs"));
    Path log =
        logs.resolve(
            "engine-" + ProcessHandle.current().pid() + "-" + LAUNCHES.incrementAndGet() + ".log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx2g");
    command.addAll(sparkModuleFlags());
    command.add("-cp");
    command.add(engineClasspath(module));
    command.add(EngineMain.class.getName());
    command.addAll(
        List.of("--data-dir", dataDirectory.toString(), "--master", "local[2]", "--port", "0"));
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(log.toFile());
    builder.environment().put(EngineSecret.ENVIRONMENT_VARIABLE, SECRET);
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    Process process = builder.start();
    try {
      int port = awaitReadyPort(process, log);
      return new TestingEngineProcess(process, dataDirectory, port);
    } catch (Exception failure) {
      process.destroyForcibly();
      throw failure;
    }
  }

  private static int awaitReadyPort(Process process, Path log) throws Exception {
    CompletableFuture<Integer> ready =
        CompletableFuture.supplyAsync(
            () -> {
              try (BufferedReader reader =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line = reader.readLine();
                if (line == null || !line.startsWith(EngineMain.READY_PREFIX)) {
                  throw new IllegalStateException("Unexpected engine output: " + line);
                }
                return Integer.parseInt(line.substring(EngineMain.READY_PREFIX.length()).trim());
              } catch (IOException readFailure) {
                throw new IllegalStateException(readFailure);
              }
            });
    try {
      return ready.get(READY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException | java.util.concurrent.ExecutionException notReady) {
      throw new IllegalStateException(
          "The engine did not become ready; see " + log + ":\n" + Files.readString(log), notReady);
    }
  }

  /** The Spark flags of this (surefire) JVM: the engine needs the same module openings. */
  private static List<String> sparkModuleFlags() {
    List<String> flags = new ArrayList<>();
    for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (argument.startsWith("--add-opens")
          || argument.startsWith("--add-modules")
          || argument.startsWith("--add-exports")
          || argument.equals("-XX:+IgnoreUnrecognizedVMOptions")
          || argument.startsWith("-Djdk.reflect.useDirectMethodHandle")
          || argument.startsWith("-Dio.netty.tryReflectionSetAccessible")) {
        flags.add(argument);
      }
    }
    return flags;
  }

  private static String engineClasspath(Path module) throws IOException {
    String dependencies = Files.readString(module.resolve("target/engine-classpath.txt")).trim();
    return module.resolve("target/classes") + java.io.File.pathSeparator + dependencies;
  }

  static Path moduleDirectory() {
    return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
  }

  public int port() {
    return port;
  }

  public Path dataDirectory() {
    return dataDirectory;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** The exit code of an ended engine. */
  public int exitValue() {
    return process.exitValue();
  }

  /** A new client connected to this engine. */
  public TestingEngineClient connect() throws Exception {
    return new TestingEngineClient(port);
  }

  /** Closes the engine's standard input (its signal to exit) and waits for it to end. */
  @Override
  public void close() {
    try {
      process.getOutputStream().close();
      if (!process.waitFor(EXIT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(EXIT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      }
    } catch (IOException | InterruptedException ignored) {
      process.destroyForcibly();
    }
  }
}
