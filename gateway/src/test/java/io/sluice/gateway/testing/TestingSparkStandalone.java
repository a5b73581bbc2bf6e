package io.sluice.gateway.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.sluice.pool.SparkJvmOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Spark standalone cluster on loopback for tests: one master and one worker, run from
 * Spark's own jars (the engine's classpath) as separate JVMs. There is no Spark distribution here,
 * so the worker runs with {@code SPARK_SCALA_VERSION} and {@code SPARK_TESTING} set, which lets it
 * build executor command lines without a {@code jars/} directory; applications then give executors
 * their classpath with {@code spark.executor.extraClassPath}. Logs and the worker's directory stay
 * in the work directory.
 */
public final class TestingSparkStandalone implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

  private final Process master;
  private final Process worker;
  private final int masterPort;
  private final Path workDirectory;

  private TestingSparkStandalone(
      Process master, Process worker, int masterPort, Path workDirectory) {
    this.master = master;
    this.worker = worker;
    this.masterPort = masterPort;
    this.workDirectory = workDirectory;
  }

  /** Starts a master and a worker with {@code cores} cores; returns once the worker registered. */
  public static TestingSparkStandalone start(Path workDirectory, String classpath, int cores)
      throws Exception {
    Files.createDirectories(workDirectory);
    Path sparkHome = Files.createDirectories(workDirectory.resolve("spark-home"));
    int masterPort = freePort();
    Path masterLog = workDirectory.resolve("master.log");
    Process master =
        launch(
            classpath,
            "org.apache.spark.deploy.master.Master",
            List.of(
                "--host",
                "127.0.0.1",
                "--port",
                String.valueOf(masterPort),
                "--webui-port",
                String.valueOf(freePort())),
            Map.of("SPARK_HOME", sparkHome.toString()),
            masterLog);
    Process worker = null;
    try {
      awaitLine(master, masterLog, "I have been elected leader");
      Path workerLog = workDirectory.resolve("worker.log");
      worker =
          launch(
              classpath,
              "org.apache.spark.deploy.worker.Worker",
              List.of(
                  "--host",
                  "127.0.0.1",
                  "--cores",
                  String.valueOf(cores),
                  "--memory",
                  "2g",
                  "--work-dir",
                  workDirectory.resolve("work").toString(),
                  "--webui-port",
                  String.valueOf(freePort()),
                  "spark://127.0.0.1:" + masterPort),
              Map.of(
                  "SPARK_HOME", sparkHome.toString(),
                  "SPARK_SCALA_VERSION", "2.13",
                  "SPARK_TESTING", "1"),
              workerLog);
      awaitLine(worker, workerLog, "Successfully registered with master");
      return new TestingSparkStandalone(master, worker, masterPort, workDirectory);
    } catch (Exception | Error e) {
      master.destroyForcibly();
      if (worker != null) {
        worker.destroyForcibly();
      }
      throw e;
    }
  }

  public String masterUrl() {
    return "spark://127.0.0.1:" + masterPort;
  }

  /** Applications the worker ran executors for: one directory each under its work directory. */
  public List<String> applicationsRun() throws IOException {
    Path work = workDirectory.resolve("work");
    if (!Files.isDirectory(work)) {
      return List.of();
    }
    try (var entries = Files.list(work)) {
      return entries.map(path -> path.getFileName().toString()).sorted().toList();
    }
  }

  private static Process launch(
      String classpath,
      String mainClass,
      List<String> arguments,
      Map<String, String> environment,
      Path log)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(SparkJvmOptions.REQUIRED);
    command.add("-Xmx512m");
    command.add("-cp");
    command.add(classpath);
    command.add(mainClass);
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(log.toFile());
    builder.environment().remove("SPARK_CONF_DIR");
    builder.environment().remove("HADOOP_CONF_DIR");
    builder.environment().putAll(environment);
    return builder.start();
  }

  private static void awaitLine(Process process, Path log, String text) throws Exception {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.exists(log) && Files.readString(log, UTF_8).contains(text)) {
        return;
      }
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "Process exited with " + process.exitValue() + ": " + tail(log));
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("No '" + text + "' within " + START_TIMEOUT + ": " + tail(log));
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.exists(log) ? Files.readAllLines(log, UTF_8) : List.of();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws InterruptedException {
    for (Process process : List.of(worker, master)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroy();
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }
}
