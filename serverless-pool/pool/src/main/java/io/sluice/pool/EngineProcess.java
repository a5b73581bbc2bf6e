package io.sluice.pool;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One engine JVM. It is started with a fresh random secret (only the gateway knows it), prints
 * {@code SLUICE_ENGINE_READY port=N} when it serves TCLIService, and exits when its standard input
 * closes, so an engine never outlives the gateway that started it.
 */
public final class EngineProcess implements EngineBackend {
  static final String READY_PREFIX = "SLUICE_ENGINE_READY port=";
  static final String SECRET_ENVIRONMENT_VARIABLE = "SLUICE_ENGINE_SECRET";
  private static final Logger log = LoggerFactory.getLogger(EngineProcess.class);

  private final Process process;
  private final int port;
  private final String secret;
  private final Path logFile;

  private EngineProcess(Process process, int port, String secret, Path logFile) {
    this.process = process;
    this.port = port;
    this.secret = secret;
    this.logFile = logFile;
  }

  /** Starts an engine and waits until it is ready or {@code spec.startTimeout()} passes. */
  public static EngineProcess start(EngineLaunchSpec spec, String name)
      throws EngineStartException {
    requireNonNull(spec, "spec is null");
    String secret = newSecret();
    Path logFile = spec.logDirectory().resolve(name + ".log");
    Process process;
    try {
      Files.createDirectories(spec.logDirectory());
      Files.createDirectories(spec.dataDirectory());
      ProcessBuilder builder = new ProcessBuilder(spec.command());
      builder.environment().putAll(spec.environment());
      builder.environment().put(SECRET_ENVIRONMENT_VARIABLE, secret);
      builder.redirectError(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
      process = builder.start();
    } catch (IOException e) {
      throw new EngineStartException("Cannot launch the engine process: " + e.getMessage(), e);
    }
    CompletableFuture<Integer> ready = new CompletableFuture<>();
    Thread reader = new Thread(() -> readStandardOutput(process, logFile, ready), name + "-stdout");
    reader.setDaemon(true);
    reader.start();
    process.onExit().thenRun(() -> ready.completeExceptionally(exitedEarly(process, logFile)));
    try {
      int port = ready.get(spec.startTimeout().toMillis(), TimeUnit.MILLISECONDS);
      log.info("Engine {} ready on 127.0.0.1:{} (pid {})", name, port, process.pid());
      return new EngineProcess(process, port, secret, logFile);
    } catch (TimeoutException e) {
      process.destroyForcibly();
      throw new EngineStartException(
          "The engine did not become ready within "
              + spec.startTimeout().toSeconds()
              + " s; see "
              + logFile,
          e);
    } catch (ExecutionException e) {
      process.destroyForcibly();
      throw new EngineStartException(e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new EngineStartException("Interrupted while starting the engine", e);
    }
  }

  private static void readStandardOutput(
      Process process, Path logFile, CompletableFuture<Integer> ready) {
    try (BufferedReader reader =
            new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8));
        OutputStream log =
            Files.newOutputStream(
                logFile,
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND)) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (!ready.isDone() && line.startsWith(READY_PREFIX)) {
          ready.complete(Integer.parseInt(line.substring(READY_PREFIX.length()).trim()));
        } else {
          log.write((line + "\n").getBytes(UTF_8));
          log.flush();
        }
      }
    } catch (IOException | NumberFormatException e) {
      ready.completeExceptionally(e);
    }
  }

  private static EngineStartException exitedEarly(Process process, Path logFile) {
    return new EngineStartException(
        "The engine exited with code "
            + process.exitValue()
            + " before it was ready: "
            + lastLines(logFile),
        null);
  }

  static String lastLines(Path logFile) {
    try {
      java.util.List<String> lines = Files.readAllLines(logFile, UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(no log at " + logFile + ")";
    }
  }

  private static String newSecret() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  @Override
  public String host() {
    return "127.0.0.1";
  }

  @Override
  public int port() {
    return port;
  }

  @Override
  public String secret() {
    return secret;
  }

  @Override
  public long pid() {
    return process.pid();
  }

  @Override
  public boolean isAlive() {
    return process.isAlive();
  }

  /** Completes when the process has exited, however it ended. */
  @Override
  public java.util.concurrent.CompletableFuture<Void> exited() {
    return process.onExit().thenApply(ended -> null);
  }

  /** A sentence for users explaining how the process ended, or that it still runs. */
  @Override
  public String describeExit() {
    if (process.isAlive()) {
      return "the engine is running";
    }
    return "the engine process exited with code " + process.exitValue() + " (log: " + logFile + ")";
  }

  /**
   * Asks the engine to stop (closing its standard input), then terminates it after a grace time.
   */
  @Override
  public void stop(Duration grace) {
    try {
      process.getOutputStream().close();
    } catch (IOException ignored) {
      // The pipe is already gone: the process is exiting anyway.
    }
    try {
      if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroy();
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
          process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** Kills the engine at once, as a crash would (for tests of engine failure). */
  @Override
  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
