package io.sluice.gateway.testing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs statements through the real Databricks Node.js driver ({@code @databricks/sql}, pinned in
 * {@code gateway/src/test/node/package.json}) by starting {@code node run-statements.js} and
 * reading the one JSON document it prints.
 *
 * <p>Each {@link #run} is one Node process: one connection, one session, the statements in order,
 * then the metadata calls, then close. The Node driver speaks HTTPS only, so a request needs the
 * gateway's TLS port and the PEM certificate to trust ({@code customCaCert}). Telemetry and
 * CloudFetch are always off.
 *
 * <p>Values come back as the driver produced them, decoded from the tagged JSON of {@code
 * encode-values.js}: a JavaScript number is a {@link Double}, a string a {@link String}, a boolean
 * a {@link Boolean}, a Buffer a {@code byte[]}, a bigint a {@link BigInteger}, a Date an {@link
 * Instant}, an array a {@link List}, an object or Map a {@link LinkedHashMap}, null is null.
 *
 * <p>The driver's dependencies are installed with {@code npm ci} on first use if {@code
 * node_modules} is missing or holds another driver version.
 */
public final class TestingNodeClient {
  public static final String NODE_DIRECTORY_PROPERTY = "sluice.test.node.directory";
  public static final String NODE_EXECUTABLE_PROPERTY = "sluice.test.node.executable";
  public static final String NPM_EXECUTABLE_PROPERTY = "sluice.test.npm.executable";
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);

  private static final String DRIVER_PACKAGE = "@databricks/sql";
  private static final Duration NPM_TIMEOUT = Duration.ofMinutes(10);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Object INSTALL_LOCK = new Object();
  private static volatile boolean installed;

  private final Path projectDirectory;
  private final String nodeExecutable;
  private final Duration timeout;

  private TestingNodeClient(Path projectDirectory, String nodeExecutable, Duration timeout) {
    this.projectDirectory = requireNonNull(projectDirectory, "projectDirectory is null");
    this.nodeExecutable = requireNonNull(nodeExecutable, "nodeExecutable is null");
    this.timeout = requireNonNull(timeout, "timeout is null");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
  }

  /** A client using {@code node} from the PATH, installing the driver first if needed. */
  public static TestingNodeClient create() {
    Path directory = projectDirectory();
    ensureDriverInstalled(directory);
    return new TestingNodeClient(
        directory, System.getProperty(NODE_EXECUTABLE_PROPERTY, "node"), DEFAULT_TIMEOUT);
  }

  /** How long one {@link #run} may take before the Node process is killed. */
  public TestingNodeClient withTimeout(Duration timeout) {
    return new TestingNodeClient(projectDirectory, nodeExecutable, timeout);
  }

  public Duration timeout() {
    return timeout;
  }

  /**
   * Runs the request in a fresh Node process.
   *
   * @throws IllegalStateException if Node cannot start, times out, exits non-zero or prints
   *     something other than the result document; the message holds Node's stderr
   */
  public Result run(Request request) {
    requireNonNull(request, "request is null");
    String requestJson;
    try {
      requestJson = JSON.writeValueAsString(request.toJson());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Cannot serialise " + request, e);
    }
    ProcessOutput output =
        runProcess(
            List.of(nodeExecutable, "run-statements.js"),
            projectDirectory,
            requestJson,
            timeout,
            "node run-statements.js");
    if (output.exitCode() != 0) {
      throw new IllegalStateException(
          "node run-statements.js exited with "
              + output.exitCode()
              + "\n--- stderr ---\n"
              + output.stderr()
              + "\n--- stdout ---\n"
              + output.stdout());
    }
    try {
      return Result.fromJson(JSON.readTree(output.stdout()), output.stderr());
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(
          "node run-statements.js printed no usable result document\n--- stdout ---\n"
              + output.stdout()
              + "\n--- stderr ---\n"
              + output.stderr(),
          e);
    }
  }

  /**
   * {@code gateway/src/test/node}, located from the test classes whatever the working directory.
   */
  public static Path projectDirectory() {
    String configured = System.getProperty(NODE_DIRECTORY_PROPERTY);
    if (configured != null && !configured.isBlank()) {
      return Paths.get(configured).toAbsolutePath();
    }
    try {
      URL location = TestingNodeClient.class.getProtectionDomain().getCodeSource().getLocation();
      Path testClasses = Paths.get(location.toURI());
      // gateway/target/test-classes -> gateway/src/test/node
      Path candidate = testClasses.getParent().getParent().resolve("src/test/node");
      if (Files.isRegularFile(candidate.resolve("run-statements.js"))) {
        return candidate;
      }
    } catch (URISyntaxException | RuntimeException ignored) {
      // Fall back to the working directory below.
    }
    return Paths.get("src", "test", "node").toAbsolutePath();
  }

  /** Runs {@code npm ci} once per JVM when the pinned driver is not installed. */
  static void ensureDriverInstalled(Path directory) {
    if (installed) {
      return;
    }
    synchronized (INSTALL_LOCK) {
      if (installed) {
        return;
      }
      if (!Files.isRegularFile(directory.resolve("package-lock.json"))) {
        throw new IllegalStateException("No package-lock.json in " + directory);
      }
      String wanted = pinnedDriverVersion(directory);
      if (!wanted.equals(installedDriverVersion(directory).orElse(null))) {
        ProcessOutput output =
            runProcess(
                List.of(
                    System.getProperty(NPM_EXECUTABLE_PROPERTY, "npm"),
                    "ci",
                    "--no-audit",
                    "--no-fund"),
                directory,
                "",
                NPM_TIMEOUT,
                "npm ci");
        if (output.exitCode() != 0) {
          throw new IllegalStateException(
              "npm ci failed in "
                  + directory
                  + " with exit code "
                  + output.exitCode()
                  + "\n"
                  + output.stdout()
                  + output.stderr());
        }
        String now = installedDriverVersion(directory).orElse("nothing");
        if (!wanted.equals(now)) {
          throw new IllegalStateException(
              "npm ci installed " + DRIVER_PACKAGE + " " + now + ", expected " + wanted);
        }
      }
      installed = true;
    }
  }

  private static String pinnedDriverVersion(Path directory) {
    JsonNode dependencies =
        readJson(directory.resolve("package.json")).path("dependencies").path(DRIVER_PACKAGE);
    if (!dependencies.isTextual()) {
      throw new IllegalStateException(
          "package.json in " + directory + " does not pin " + DRIVER_PACKAGE);
    }
    return dependencies.asText();
  }

  private static Optional<String> installedDriverVersion(Path directory) {
    Path packageJson =
        directory.resolve("node_modules").resolve(DRIVER_PACKAGE).resolve("package.json");
    if (!Files.isRegularFile(packageJson)) {
      return Optional.empty();
    }
    return Optional.of(readJson(packageJson).path("version").asText());
  }

  private static JsonNode readJson(Path path) {
    try {
      return JSON.readTree(path.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + path, e);
    }
  }

  private static ProcessOutput runProcess(
      List<String> command, Path directory, String input, Duration timeout, String description) {
    Path stdout = null;
    Path stderr = null;
    Process process = null;
    try {
      stdout = Files.createTempFile("sluice-node-", ".stdout");
      stderr = Files.createTempFile("sluice-node-", ".stderr");
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(directory.toFile())
              .redirectOutput(stdout.toFile())
              .redirectError(stderr.toFile());
      builder.environment().put("DATABRICKS_TELEMETRY_DISABLED", "1");
      builder.environment().put("NO_UPDATE_NOTIFIER", "1");
      try {
        process = builder.start();
      } catch (IOException e) {
        throw new IllegalStateException(
            "Cannot start '"
                + command.get(0)
                + "' for "
                + description
                + ": Node.js 20+ and npm must be on the PATH (or set -D"
                + NODE_EXECUTABLE_PROPERTY
                + " / -D"
                + NPM_EXECUTABLE_PROPERTY
                + ")",
            e);
      }
      try (var stdin = process.getOutputStream()) {
        stdin.write(input.getBytes(UTF_8));
      } catch (IOException ignored) {
        // The process exited before reading its input; its exit code and stderr will say why.
      }
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        destroyTree(process);
        throw new IllegalStateException(
            description
                + " did not finish within "
                + timeout
                + " and was killed\n--- stderr ---\n"
                + Files.readString(stderr, UTF_8)
                + "\n--- stdout ---\n"
                + Files.readString(stdout, UTF_8));
      }
      return new ProcessOutput(
          process.exitValue(), Files.readString(stdout, UTF_8), Files.readString(stderr, UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      if (process != null) {
        destroyTree(process);
      }
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while running " + description, e);
    } finally {
      deleteQuietly(stdout);
      deleteQuietly(stderr);
    }
  }

  private static void destroyTree(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void deleteQuietly(Path path) {
    if (path != null) {
      try {
        Files.deleteIfExists(path);
      } catch (IOException ignored) {
        // A temporary file left behind is harmless.
      }
    }
  }

  private record ProcessOutput(int exitCode, String stdout, String stderr) {}

  // ------------------------------------------------------------------------------------------
  // The JSON value encoding shared with encode-values.js.

  /** Decodes one value of the tagged JSON encoding (see encode-values.js). */
  static Object decode(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isTextual()) {
      return node.asText();
    }
    if (node.isBoolean()) {
      return node.asBoolean();
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>(node.size());
      node.forEach(item -> list.add(decode(item)));
      return list;
    }
    if (node.size() == 1) {
      Map.Entry<String, JsonNode> tag = node.fields().next();
      JsonNode value = tag.getValue();
      switch (tag.getKey()) {
        case "$binary":
          return Base64.getDecoder().decode(value.asText());
        case "$bigint":
          return new BigInteger(value.asText());
        case "$date":
          return value.isNull() ? null : Instant.parse(value.asText());
        case "$number":
          return value.asText().equals("-0") ? -0.0d : Double.valueOf(value.asText());
        case "$map":
          Map<Object, Object> map = new LinkedHashMap<>();
          value.forEach(entry -> map.put(decode(entry.get(0)), decode(entry.get(1))));
          return map;
        case "$object":
          return decodeObject(value);
        default:
          break;
      }
    }
    return decodeObject(node);
  }

  private static Map<String, Object> decodeObject(JsonNode node) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      map.put(field.getKey(), decode(field.getValue()));
    }
    return map;
  }

  /**
   * Encodes a parameter value for the driver: {@link BigInteger} and {@link Long} become a JS
   * bigint, {@code byte[]} a Buffer, {@link Instant} a Date, {@link BigDecimal} a DECIMAL
   * parameter, {@link LocalDate} a DATE parameter, {@link LocalDateTime} a TIMESTAMP parameter.
   */
  static Object encodeParameter(Object value) {
    if (value == null || value instanceof String || value instanceof Boolean) {
      return value;
    }
    if (value instanceof BigInteger || value instanceof Long) {
      return Map.of("$bigint", value.toString());
    }
    if (value instanceof Double || value instanceof Float) {
      double number = ((Number) value).doubleValue();
      if (Double.isNaN(number) || Double.isInfinite(number)) {
        // "NaN", "Infinity", "-Infinity": the same spelling as JavaScript's.
        return Map.of("$number", Double.toString(number));
      }
      return number;
    }
    if (value instanceof Number) {
      return value;
    }
    if (value instanceof byte[] bytes) {
      return Map.of("$binary", Base64.getEncoder().encodeToString(bytes));
    }
    if (value instanceof Instant instant) {
      return Map.of("$date", instant.toString());
    }
    if (value instanceof BigDecimal decimal) {
      return Map.of("type", "DECIMAL", "value", decimal.toPlainString());
    }
    if (value instanceof LocalDate date) {
      return Map.of("type", "DATE", "value", date.toString());
    }
    if (value instanceof LocalDateTime timestamp) {
      return Map.of("type", "TIMESTAMP", "value", timestamp.toString().replace('T', ' '));
    }
    throw new IllegalArgumentException(
        "No Node parameter encoding for " + value.getClass().getName() + ": " + value);
  }

  // ------------------------------------------------------------------------------------------
  // Request and result values.

  /** What to run. Build with {@link #builder}. */
  public record Request(
      String host,
      int port,
      String path,
      String token,
      Optional<Path> caCertificate,
      Optional<Boolean> checkServerCertificate,
      Optional<String> initialCatalog,
      Optional<String> initialSchema,
      Map<String, String> sessionConfiguration,
      List<Statement> statements,
      Optional<Integer> maxRows,
      Optional<Duration> cancelAfter,
      List<MetadataCall> metadata,
      Optional<Duration> socketTimeout,
      Optional<Integer> retryMaxAttempts) {
    public Request {
      requireNonNull(host, "host is null");
      requireNonNull(path, "path is null");
      requireNonNull(token, "token is null");
      requireNonNull(caCertificate, "caCertificate is null");
      requireNonNull(checkServerCertificate, "checkServerCertificate is null");
      requireNonNull(initialCatalog, "initialCatalog is null");
      requireNonNull(initialSchema, "initialSchema is null");
      sessionConfiguration = Map.copyOf(sessionConfiguration);
      statements = List.copyOf(statements);
      requireNonNull(maxRows, "maxRows is null");
      requireNonNull(cancelAfter, "cancelAfter is null");
      metadata = List.copyOf(metadata);
      requireNonNull(socketTimeout, "socketTimeout is null");
      requireNonNull(retryMaxAttempts, "retryMaxAttempts is null");
      if (port <= 0 || port > 65535) {
        throw new IllegalArgumentException("Bad port " + port);
      }
      if (caCertificate.isEmpty() && checkServerCertificate.orElse(true)) {
        throw new IllegalArgumentException(
            "The Node driver speaks HTTPS only: give the CA certificate PEM, or disable checks");
      }
    }

    public static Builder builder(String host, int port, String path, String token) {
      return new Builder(host, port, path, token);
    }

    Map<String, Object> toJson() {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("host", host);
      json.put("port", port);
      json.put("path", path);
      json.put("token", token);
      caCertificate.ifPresent(value -> json.put("caCertPath", value.toAbsolutePath().toString()));
      checkServerCertificate.ifPresent(value -> json.put("checkServerCertificate", value));
      initialCatalog.ifPresent(value -> json.put("initialCatalog", value));
      initialSchema.ifPresent(value -> json.put("initialSchema", value));
      if (!sessionConfiguration.isEmpty()) {
        json.put("sessionConfiguration", sessionConfiguration);
      }
      json.put("statements", statements.stream().map(Statement::toJson).toList());
      maxRows.ifPresent(value -> json.put("maxRows", value));
      cancelAfter.ifPresent(value -> json.put("cancelAfterMs", value.toMillis()));
      json.put("metadata", metadata.stream().map(MetadataCall::toJson).toList());
      socketTimeout.ifPresent(value -> json.put("socketTimeoutMs", value.toMillis()));
      retryMaxAttempts.ifPresent(value -> json.put("retryMaxAttempts", value));
      return json;
    }

    @Override
    public String toString() {
      // Never print the token.
      return "Request[https://" + host + ":" + port + path + ", statements=" + statements + "]";
    }

    public static final class Builder {
      private final String host;
      private final int port;
      private final String path;
      private final String token;
      private Path caCertificate;
      private Boolean checkServerCertificate;
      private String initialCatalog;
      private String initialSchema;
      private final Map<String, String> sessionConfiguration = new LinkedHashMap<>();
      private final List<Statement> statements = new ArrayList<>();
      private Integer maxRows;
      private Duration cancelAfter;
      private final List<MetadataCall> metadata = new ArrayList<>();
      private Duration socketTimeout;
      private Integer retryMaxAttempts;

      private Builder(String host, int port, String path, String token) {
        this.host = host;
        this.port = port;
        this.path = path;
        this.token = token;
      }

      /** The PEM certificate the driver trusts (passed as {@code customCaCert}). */
      public Builder caCertificate(Path pem) {
        this.caCertificate = requireNonNull(pem, "pem is null");
        return this;
      }

      public Builder checkServerCertificate(boolean check) {
        this.checkServerCertificate = check;
        return this;
      }

      public Builder initialCatalog(String catalog) {
        this.initialCatalog = requireNonNull(catalog, "catalog is null");
        return this;
      }

      public Builder initialSchema(String schema) {
        this.initialSchema = requireNonNull(schema, "schema is null");
        return this;
      }

      public Builder sessionConfiguration(String key, String value) {
        sessionConfiguration.put(
            requireNonNull(key, "key is null"), requireNonNull(value, "value is null"));
        return this;
      }

      public Builder statement(String sql) {
        return statement(Statement.of(sql));
      }

      public Builder statement(Statement statement) {
        statements.add(requireNonNull(statement, "statement is null"));
        return this;
      }

      public Builder statements(List<String> sqls) {
        sqls.forEach(this::statement);
        return this;
      }

      /** Default rows per fetch (and direct-results size) for every statement. */
      public Builder maxRows(int rows) {
        this.maxRows = rows;
        return this;
      }

      /** Default for every statement: {@code operation.cancel()} this long after it started. */
      public Builder cancelAfter(Duration delay) {
        this.cancelAfter = requireNonNull(delay, "delay is null");
        return this;
      }

      public Builder metadata(MetadataCall call) {
        metadata.add(requireNonNull(call, "call is null"));
        return this;
      }

      public Builder socketTimeout(Duration timeout) {
        this.socketTimeout = requireNonNull(timeout, "timeout is null");
        return this;
      }

      public Builder retryMaxAttempts(int attempts) {
        this.retryMaxAttempts = attempts;
        return this;
      }

      public Request build() {
        return new Request(
            host,
            port,
            path,
            token,
            Optional.ofNullable(caCertificate),
            Optional.ofNullable(checkServerCertificate),
            Optional.ofNullable(initialCatalog),
            Optional.ofNullable(initialSchema),
            sessionConfiguration,
            statements,
            Optional.ofNullable(maxRows),
            Optional.ofNullable(cancelAfter),
            metadata,
            Optional.ofNullable(socketTimeout),
            Optional.ofNullable(retryMaxAttempts));
      }
    }
  }

  /** One statement and its own options (each overrides the request's default). */
  public record Statement(
      String sql,
      Optional<Integer> maxRows,
      Map<String, Object> namedParameters,
      Optional<Duration> cancelAfter) {
    public Statement {
      requireNonNull(sql, "sql is null");
      requireNonNull(maxRows, "maxRows is null");
      namedParameters = Collections.unmodifiableMap(new LinkedHashMap<>(namedParameters));
      requireNonNull(cancelAfter, "cancelAfter is null");
    }

    public static Statement of(String sql) {
      return new Statement(sql, Optional.empty(), Map.of(), Optional.empty());
    }

    public Statement withMaxRows(int rows) {
      return new Statement(sql, Optional.of(rows), namedParameters, cancelAfter);
    }

    /** Values: see {@link TestingNodeClient#encodeParameter}. */
    public Statement withNamedParameter(String name, Object value) {
      Map<String, Object> parameters = new LinkedHashMap<>(namedParameters);
      parameters.put(requireNonNull(name, "name is null"), value);
      return new Statement(sql, maxRows, parameters, cancelAfter);
    }

    public Statement withCancelAfter(Duration delay) {
      return new Statement(sql, maxRows, namedParameters, Optional.of(delay));
    }

    Map<String, Object> toJson() {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("sql", sql);
      maxRows.ifPresent(value -> json.put("maxRows", value));
      if (!namedParameters.isEmpty()) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        namedParameters.forEach((name, value) -> parameters.put(name, encodeParameter(value)));
        json.put("namedParameters", parameters);
      }
      cancelAfter.ifPresent(value -> json.put("cancelAfterMs", value.toMillis()));
      return json;
    }
  }

  /** A metadata RPC: {@code session.getTables({...})} and friends. */
  public record MetadataCall(String call, Map<String, Object> arguments) {
    public MetadataCall {
      requireNonNull(call, "call is null");
      arguments = Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
    }

    public static MetadataCall getCatalogs() {
      return new MetadataCall("getCatalogs", Map.of());
    }

    /** Keys: catalogName, schemaName. */
    public static MetadataCall getSchemas(Map<String, Object> arguments) {
      return new MetadataCall("getSchemas", arguments);
    }

    /** Keys: catalogName, schemaName, tableName, tableTypes (a list). */
    public static MetadataCall getTables(Map<String, Object> arguments) {
      return new MetadataCall("getTables", arguments);
    }

    /** Keys: catalogName, schemaName, tableName, columnName. */
    public static MetadataCall getColumns(Map<String, Object> arguments) {
      return new MetadataCall("getColumns", arguments);
    }

    Map<String, Object> toJson() {
      return Map.of("call", call, "args", arguments);
    }
  }

  /** A result column as the driver described it: TTypeId name such as {@code DECIMAL_TYPE}. */
  public record Column(
      String name,
      String type,
      int position,
      Optional<Integer> precision,
      Optional<Integer> scale) {
    public Column {
      requireNonNull(name, "name is null");
      requireNonNull(type, "type is null");
      requireNonNull(precision, "precision is null");
      requireNonNull(scale, "scale is null");
    }

    static Column fromJson(JsonNode node) {
      return new Column(
          node.path("name").asText(),
          node.path("type").asText(),
          node.path("position").asInt(),
          optionalInt(node.get("precision")),
          optionalInt(node.get("scale")));
    }
  }

  /**
   * An error as the driver reported it. {@code sqlState} is only known for errors delivered through
   * the operation state; {@code state} is the driver's OperationStateError code (ERROR, CANCELED…);
   * {@code httpStatus} is set for a non-200 HTTP answer.
   */
  public record ClientError(
      String name,
      String message,
      Optional<String> sqlState,
      Optional<String> state,
      Optional<String> errorCode,
      Optional<Integer> httpStatus,
      Optional<String> displayMessage) {
    public ClientError {
      requireNonNull(name, "name is null");
      requireNonNull(message, "message is null");
      requireNonNull(sqlState, "sqlState is null");
      requireNonNull(state, "state is null");
      requireNonNull(errorCode, "errorCode is null");
      requireNonNull(httpStatus, "httpStatus is null");
      requireNonNull(displayMessage, "displayMessage is null");
    }

    static Optional<ClientError> fromJson(JsonNode node) {
      if (node == null || node.isNull() || node.isMissingNode()) {
        return Optional.empty();
      }
      return Optional.of(
          new ClientError(
              node.path("name").asText("Error"),
              node.path("message").asText(""),
              optionalText(node.get("sqlState")),
              optionalText(node.get("state")),
              optionalText(node.get("errorCode")),
              optionalInt(node.get("httpStatus")),
              optionalText(node.get("displayMessage"))));
    }
  }

  /** The outcome of one statement: rows, or an error. */
  public record StatementResult(
      String sql,
      List<Column> columns,
      List<List<Object>> rows,
      int chunkCount,
      Optional<String> resultFormat,
      Optional<ClientError> error,
      boolean cancelRequested,
      Duration elapsed) {
    public StatementResult {
      requireNonNull(sql, "sql is null");
      columns = List.copyOf(columns);
      rows = List.copyOf(rows);
      requireNonNull(resultFormat, "resultFormat is null");
      requireNonNull(error, "error is null");
      requireNonNull(elapsed, "elapsed is null");
    }

    /** The rows, or an exception with the driver's error if the statement failed. */
    public List<List<Object>> rowsOrThrow() {
      error.ifPresent(
          value -> {
            throw new IllegalStateException(
                "Statement failed through the Node driver: "
                    + sql
                    + "\n"
                    + value.message()
                    + " (SQLSTATE "
                    + value.sqlState().orElse("unknown")
                    + ")");
          });
      return rows;
    }

    static StatementResult fromJson(JsonNode node) {
      return new StatementResult(
          node.path("sql").asText(),
          parseColumns(node.path("columns")),
          parseRows(node.path("rows")),
          node.path("chunkCount").asInt(0),
          optionalText(node.get("resultFormat")),
          ClientError.fromJson(node.get("error")),
          node.path("cancelRequested").asBoolean(false),
          Duration.ofMillis(node.path("elapsedMs").asLong(0)));
    }
  }

  /** The outcome of one metadata call. */
  public record MetadataResult(
      String call, List<Column> columns, List<List<Object>> rows, Optional<ClientError> error) {
    public MetadataResult {
      requireNonNull(call, "call is null");
      columns = List.copyOf(columns);
      rows = List.copyOf(rows);
      requireNonNull(error, "error is null");
    }

    /** Rows as column name to value, in column order. */
    public List<Map<String, Object>> rowsByColumnName() {
      List<Map<String, Object>> result = new ArrayList<>(rows.size());
      for (List<Object> row : rows) {
        Map<String, Object> named = new LinkedHashMap<>();
        for (int index = 0; index < columns.size(); index++) {
          named.put(columns.get(index).name(), row.get(index));
        }
        result.add(named);
      }
      return result;
    }

    static MetadataResult fromJson(JsonNode node) {
      return new MetadataResult(
          node.path("call").asText(),
          parseColumns(node.path("columns")),
          parseRows(node.path("rows")),
          ClientError.fromJson(node.get("error")));
    }
  }

  /**
   * Everything one Node process reported. {@code error} is set when connecting or opening the
   * session failed (then there are no statement results). {@code stderr} is the driver's log.
   */
  public record Result(
      String driverVersion,
      Optional<ClientError> error,
      List<StatementResult> statements,
      List<MetadataResult> metadata,
      String stderr) {
    public Result {
      requireNonNull(driverVersion, "driverVersion is null");
      requireNonNull(error, "error is null");
      statements = List.copyOf(statements);
      metadata = List.copyOf(metadata);
      requireNonNull(stderr, "stderr is null");
    }

    public StatementResult statement(int index) {
      return statements.get(index);
    }

    /** Fails with the connection error if the session could not be opened. */
    public Result requireSession() {
      error.ifPresent(
          value -> {
            throw new IllegalStateException(
                "The Node driver could not open a session: "
                    + value
                    + "\n--- driver log ---\n"
                    + stderr);
          });
      return this;
    }

    static Result fromJson(JsonNode node, String stderr) {
      if (!node.isObject() || !node.has("statements")) {
        throw new IllegalArgumentException("Not a run-statements.js result: " + node);
      }
      List<StatementResult> statements = new ArrayList<>();
      node.path("statements").forEach(item -> statements.add(StatementResult.fromJson(item)));
      List<MetadataResult> metadata = new ArrayList<>();
      node.path("metadata").forEach(item -> metadata.add(MetadataResult.fromJson(item)));
      return new Result(
          node.path("driverVersion").asText(),
          ClientError.fromJson(node.get("error")),
          statements,
          metadata,
          stderr);
    }
  }

  private static List<Column> parseColumns(JsonNode node) {
    List<Column> columns = new ArrayList<>();
    node.forEach(item -> columns.add(Column.fromJson(item)));
    return columns;
  }

  private static List<List<Object>> parseRows(JsonNode node) {
    List<List<Object>> rows = new ArrayList<>(node.size());
    for (JsonNode row : node) {
      List<Object> values = new ArrayList<>(row.size());
      row.forEach(value -> values.add(decode(value)));
      // Nulls are legitimate values: keep them (List.copyOf would reject them).
      rows.add(Collections.unmodifiableList(values));
    }
    return rows;
  }

  private static Optional<String> optionalText(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return Optional.empty();
    }
    return Optional.of(node.asText());
  }

  private static Optional<Integer> optionalInt(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode() || !node.canConvertToInt()) {
      return Optional.empty();
    }
    return Optional.of(node.asInt());
  }
}
