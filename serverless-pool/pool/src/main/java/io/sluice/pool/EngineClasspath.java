package io.sluice.pool;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the engine's classpath in a Sluice source tree after a build: the engine module's classes
 * plus the dependency list its build writes to {@code target/engine-classpath.txt}.
 */
public final class EngineClasspath {
  private EngineClasspath() {}

  public static String fromBuildTree(Path sluiceHome) {
    Path target = sluiceHome.resolve("serverless-pool").resolve("engine").resolve("target");
    Path dependencies = target.resolve("engine-classpath.txt");
    Path classes = target.resolve("classes");
    if (!Files.isRegularFile(dependencies) || !Files.isDirectory(classes)) {
      throw new IllegalStateException(
          "The engine is not built under "
              + target
              + ": run 'mvn install -DskipTests' (./sluice start does it)");
    }
    try {
      return classes.toAbsolutePath()
          + File.pathSeparator
          + Files.readString(dependencies, UTF_8).trim();
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + dependencies + ": " + e.getMessage(), e);
    }
  }
}
