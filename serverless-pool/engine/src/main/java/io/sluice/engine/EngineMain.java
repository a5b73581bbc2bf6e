package io.sluice.engine;

import io.sluice.engine.catalog.GatewayMetastore;
import io.sluice.engine.operation.JobGroupCanceller;
import io.sluice.engine.operation.OperationManager;
import io.sluice.engine.server.EngineService;
import io.sluice.engine.server.EngineThriftServer;
import io.sluice.engine.session.SessionManager;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.apache.thrift.transport.TTransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine process: a Spark SQL driver answering the HiveServer2 TCLIService protocol on loopback
 * for the gateway.
 *
 * <p>Launch contract: arguments as in {@link EngineArguments}; environment variable {@value
 * EngineSecret#ENVIRONMENT_VARIABLE} holds the secret clients must send as the OpenSession
 * password. Once Spark is up and the port is listening, the engine prints exactly one line to
 * standard output, {@code SLUICE_ENGINE_READY port=<port>}; everything else goes to standard error.
 * It exits when standard input reaches end of file and stops Spark cleanly on SIGTERM.
 */
public final class EngineMain {
  public static final String READY_PREFIX = "SLUICE_ENGINE_READY port=";
  private static final String LOG_CONFIGURATION_PROPERTY = "log4j2.configurationFile";
  private static final String LOG_CONFIGURATION = "io/sluice/engine/engine-log4j2.properties";
  private static final int EXIT_USAGE = 2;
  private static final int EXIT_STARTUP_FAILURE = 1;

  private EngineMain() {}

  public static void main(String[] arguments) {
    if (System.getProperty(LOG_CONFIGURATION_PROPERTY) == null) {
      System.setProperty(LOG_CONFIGURATION_PROPERTY, LOG_CONFIGURATION);
    }
    PrintStream readyChannel = System.out;
    System.setOut(System.err);
    EngineArguments engineArguments;
    EngineSecret secret;
    try {
      engineArguments = EngineArguments.parse(List.of(arguments));
      secret = EngineSecret.fromEnvironment(System.getenv());
    } catch (IllegalArgumentException | IllegalStateException invalid) {
      System.err.println("sluice-engine: " + invalid.getMessage());
      System.exit(EXIT_USAGE);
      return;
    }
    StandardInputWatcher.exitOnEndOfInput(System.in);
    try {
      int port = start(engineArguments, secret);
      readyChannel.println(READY_PREFIX + port);
      readyChannel.flush();
    } catch (Exception | LinkageError failure) {
      LoggerFactory.getLogger(EngineMain.class).error("The engine failed to start", failure);
      System.exit(EXIT_STARTUP_FAILURE);
    }
  }

  private static int start(EngineArguments arguments, EngineSecret secret)
      throws IOException, TTransportException {
    Logger log = LoggerFactory.getLogger(EngineMain.class);
    Files.createDirectories(arguments.dataDirectory());
    long startedAt = System.nanoTime();
    SparkSession spark = EngineSparkSessionFactory.create(arguments);
    String gatewayUrl = arguments.sparkSettings().get(GatewayMetastore.GATEWAY_URL_SETTING);
    if (gatewayUrl != null && !gatewayUrl.isEmpty()) {
      String certificate =
          arguments.sparkSettings().get(GatewayMetastore.GATEWAY_CERTIFICATE_SETTING);
      GatewayMetastore.install(
          gatewayUrl,
          System.getenv(EngineSecret.ENVIRONMENT_VARIABLE),
          Optional.ofNullable(certificate).filter(path -> !path.isEmpty()).map(Path::of));
      log.info("Governance catalogs come from the gateway at {}", gatewayUrl);
    }
    spark.sql("SELECT 1").collectAsList();
    // Opens the embedded metastore now rather than in the first client's OpenSession.
    spark.catalog().databaseExists("default");
    log.info(
        "Spark {} is up in {} ms (warm-up query included)",
        spark.version(),
        (System.nanoTime() - startedAt) / 1_000_000);

    OperationManager operations = new OperationManager();
    SessionManager sessions = new SessionManager(spark, secret, operations::closeSessionOperations);
    JobGroupCanceller canceller = JobGroupCanceller.register(spark.sparkContext());
    EngineService service = new EngineService(sessions, operations, canceller, spark.version());
    EngineThriftServer server =
        EngineThriftServer.start(arguments.host(), arguments.port(), service);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                new EngineShutdown(server, sessions, operations, spark), "sluice-engine-shutdown"));
    log.info("Listening on {}:{}", arguments.host(), server.port());
    return server.port();
  }
}
