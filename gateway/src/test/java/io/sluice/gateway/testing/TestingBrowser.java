package io.sluice.gateway.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a browser script from {@code gateway/src/test/node} (Playwright driving Debian's headless
 * {@code chromium}) and reads the one JSON document it prints. The browser is {@code
 * /usr/bin/chromium} unless the system property {@code sluice.test.chromium} names another.
 */
public final class TestingBrowser {
  public static final String CHROMIUM_PROPERTY = "sluice.test.chromium";
  private static final ObjectMapper JSON = new ObjectMapper();

  private TestingBrowser() {}

  public static Path chromium() {
    return Paths.get(System.getProperty(CHROMIUM_PROPERTY, "/usr/bin/chromium"));
  }

  /** Runs {@code node script} with {@code environment} added; fails with Node's stderr. */
  public static JsonNode run(String script, Map<String, String> environment, long timeoutSeconds)
      throws IOException, InterruptedException {
    Path directory = TestingNodeClient.projectDirectory();
    if (!Files.isRegularFile(directory.resolve("node_modules/playwright-core/package.json"))) {
      run(directory, List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), 600);
    }
    Map<String, String> withBrowser = new java.util.HashMap<>(environment);
    withBrowser.put("CHROMIUM", chromium().toString());
    String output = run(directory, List.of("node", script), withBrowser, timeoutSeconds);
    return JSON.readTree(output);
  }

  private static String run(
      Path directory, List<String> command, Map<String, String> environment, long timeoutSeconds)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
    builder.environment().putAll(environment);
    Process process = builder.start();
    process.getOutputStream().close();
    CompletableFuture<String> stdout =
        CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
    CompletableFuture<String> stderr =
        CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(
          String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
    }
    if (process.exitValue() != 0) {
      throw new IllegalStateException(
          String.join(" ", command)
              + " exited with "
              + process.exitValue()
              + "\n--- stderr ---\n"
              + stderr.join()
              + "\n--- stdout ---\n"
              + stdout.join());
    }
    return stdout.join();
  }

  private static String read(java.io.InputStream stream) {
    try {
      return new String(stream.readAllBytes(), UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
