package io.sluice.pool;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How to start an engine process: {@code java <jvmOptions> -cp <classpath> <mainClass> --data-dir
 * <dataDirectory> --master <master> [--conf k=v ...]}, with {@code environment} added to the
 * gateway's environment (for secrets, which a command line would show to every local user).
 */
public record EngineLaunchSpec(
    Path javaExecutable,
    List<String> jvmOptions,
    String classpath,
    String mainClass,
    Path dataDirectory,
    String master,
    Map<String, String> sparkConf,
    Path logDirectory,
    Duration startTimeout,
    Map<String, String> environment) {
  public static final String DEFAULT_MAIN_CLASS = "io.sluice.engine.EngineMain";

  /** A launch with nothing added to the environment. */
  public EngineLaunchSpec(
      Path javaExecutable,
      List<String> jvmOptions,
      String classpath,
      String mainClass,
      Path dataDirectory,
      String master,
      Map<String, String> sparkConf,
      Path logDirectory,
      Duration startTimeout) {
    this(
        javaExecutable,
        jvmOptions,
        classpath,
        mainClass,
        dataDirectory,
        master,
        sparkConf,
        logDirectory,
        startTimeout,
        Map.of());
  }

  public EngineLaunchSpec {
    requireNonNull(javaExecutable, "javaExecutable is null");
    jvmOptions = List.copyOf(requireNonNull(jvmOptions, "jvmOptions is null"));
    requireNonNull(classpath, "classpath is null");
    requireNonNull(mainClass, "mainClass is null");
    requireNonNull(dataDirectory, "dataDirectory is null");
    requireNonNull(master, "master is null");
    sparkConf = Map.copyOf(requireNonNull(sparkConf, "sparkConf is null"));
    requireNonNull(logDirectory, "logDirectory is null");
    requireNonNull(startTimeout, "startTimeout is null");
    environment = Map.copyOf(requireNonNull(environment, "environment is null"));
    if (classpath.isBlank()) {
      throw new IllegalArgumentException("The engine classpath is empty");
    }
  }

  List<String> command() {
    List<String> command = new java.util.ArrayList<>();
    command.add(javaExecutable.toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(classpath);
    command.add(mainClass);
    command.add("--data-dir");
    command.add(dataDirectory.toAbsolutePath().toString());
    command.add("--master");
    command.add(master);
    sparkConf.forEach(
        (key, value) -> {
          command.add("--conf");
          command.add(key + "=" + value);
        });
    return command;
  }
}
