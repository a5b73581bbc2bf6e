package io.sluice.gateway;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import io.sluice.gateway.auth.AdminPolicy;
import io.sluice.gateway.auth.TokenAuthenticator;
import io.sluice.gateway.cli.GatewayServices;
import io.sluice.gateway.governance.CatalogModule;
import io.sluice.gateway.governance.EngineMetastoreModule;
import io.sluice.gateway.governance.GovernanceStatementService;
import io.sluice.gateway.governance.GovernedStatementAuthorizer;
import io.sluice.gateway.governance.GovernedViews;
import io.sluice.gateway.governance.PermissionsModule;
import io.sluice.gateway.governance.ScimModule;
import io.sluice.gateway.governance.TokenModule;
import io.sluice.gateway.history.QueryHistoryModule;
import io.sluice.gateway.history.QueryHistoryStore;
import io.sluice.gateway.history.QueryRecorder;
import io.sluice.gateway.history.Retention;
import io.sluice.gateway.history.StatementStatus;
import io.sluice.gateway.history.WarehouseActivityModule;
import io.sluice.gateway.lineage.LineageModule;
import io.sluice.gateway.lineage.LineageRecorder;
import io.sluice.gateway.lineage.MetastoreTableColumns;
import io.sluice.gateway.metrics.GatewayMetrics;
import io.sluice.gateway.metrics.MetricsModule;
import io.sluice.gateway.rest.HealthModule;
import io.sluice.gateway.rest.RestRoutes;
import io.sluice.gateway.server.GatewayServer;
import io.sluice.gateway.session.SessionManager;
import io.sluice.gateway.statement.StatementExecutionModule;
import io.sluice.gateway.thrift.ThriftDispatcher;
import io.sluice.gateway.ui.UiModule;
import io.sluice.gateway.warehouse.EngineLink;
import io.sluice.gateway.warehouse.MetastoreEngineLauncher;
import io.sluice.gateway.warehouse.WarehouseAddress;
import io.sluice.gateway.warehouse.WarehouseEngineFactory;
import io.sluice.gateway.warehouse.WarehouseRegistry;
import io.sluice.gateway.warehouse.WarehousesModule;
import io.sluice.governance.Governance;
import io.sluice.governance.lineage.LineageStore;
import io.sluice.governance.sql.GovernanceStatements;
import io.sluice.governance.store.GovernanceStore;
import io.sluice.governance.token.AccessTokenStore;
import io.sluice.governance.warehouse.WarehouseDefinition;
import io.sluice.governance.warehouse.WarehouseStore;
import io.sluice.planner.SqlPlanner;
import io.sluice.pool.ClusterSize;
import io.sluice.pool.EngineLaunchSpec;
import io.sluice.pool.EngineManager;
import io.sluice.pool.EngineWarmUp;
import io.sluice.pool.SharedMetastore;
import io.sluice.pool.SparkJvmOptions;
import io.sluice.pool.WarehouseSettings;
import io.sluice.pool.WarmPool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A running Sluice gateway: the one place that builds the object graph and tears it down. */
public final class Sluice implements AutoCloseable {
  public static final String ADMIN_PRINCIPAL = "admin";

  /** The catalog that exists from the first start, as Databricks' workspace catalog. */
  public static final String WORKSPACE_CATALOG = "main";

  /** Managed tables live in this directory of the data directory, one directory each. */
  static final String TABLES_DIRECTORY = "tables";

  private final GovernanceStore store;
  private final Governance governance;
  private final AccessTokenStore tokens;
  private final String adminToken;
  private final ScheduledExecutorService scheduler;
  private final WarehouseRegistry warehouses;
  private final WarmPool warmPool;
  private final SharedMetastore metastore;
  private final ExecutorService launcher;
  private final ExecutorService workers;
  private final TokenAuthenticator authenticator;
  private final ThriftDispatcher dispatcher;
  private final RestRoutes routes;
  private final GatewayServer server;
  private final List<GatewayServer> extraServers = new CopyOnWriteArrayList<>();
  private final GatewayConfig config;

  private Sluice(
      GatewayConfig config,
      GovernanceStore store,
      Governance governance,
      AccessTokenStore tokens,
      String adminToken,
      ScheduledExecutorService scheduler,
      WarehouseRegistry warehouses,
      WarmPool warmPool,
      SharedMetastore metastore,
      ExecutorService launcher,
      ExecutorService workers,
      TokenAuthenticator authenticator,
      ThriftDispatcher dispatcher,
      RestRoutes routes,
      GatewayServer server) {
    this.routes = routes;
    this.config = config;
    this.authenticator = authenticator;
    this.dispatcher = dispatcher;
    this.store = store;
    this.governance = governance;
    this.tokens = tokens;
    this.adminToken = adminToken;
    this.scheduler = scheduler;
    this.warehouses = warehouses;
    this.launcher = launcher;
    this.metastore = metastore;
    this.warmPool = warmPool;
    this.workers = workers;
    this.server = server;
  }

  public static Sluice start(GatewayConfig config) throws Exception {
    requireNonNull(config, "config is null");
    Path dataDirectory = config.dataDirectory().toAbsolutePath();
    Files.createDirectories(dataDirectory);
    GovernanceStore store = GovernanceStore.openEmbedded(dataDirectory);
    Governance governance = Governance.open(store, Clock.systemUTC());
    governance.bootstrapAdmin(ADMIN_PRINCIPAL);
    governance.bootstrapWorkspaceCatalog(WORKSPACE_CATALOG);
    AccessTokenStore tokens = governance.tokens();
    String adminToken =
        config.adminToken().orElseGet(() -> storedOrNewAdminToken(dataDirectory, tokens));
    tokens.register(ADMIN_PRINCIPAL, adminToken, "workspace admin", Optional.empty());

    ScheduledExecutorService scheduler =
        Executors.newSingleThreadScheduledExecutor(daemonThreads("sluice-scheduler"));
    EngineLaunchSpec launchSpec =
        new EngineLaunchSpec(
            Paths.get(System.getProperty("java.home"), "bin", "java"),
            SparkJvmOptions.REQUIRED,
            config.engineClasspath(),
            EngineLaunchSpec.DEFAULT_MAIN_CLASS,
            dataDirectory.resolve("engine"),
            config.engineMaster(),
            Map.of(),
            dataDirectory.resolve("logs"),
            Duration.ofMinutes(3));
    ExecutorService launcher = Executors.newCachedThreadPool(daemonThreads("sluice-engine-start"));
    SharedMetastore metastore = new SharedMetastore(launchSpec);
    EngineLink engineLink = new EngineLink();
    MetastoreEngineLauncher engineLauncher = new MetastoreEngineLauncher(metastore, engineLink);
    WarmPool warmPool =
        new WarmPool(engineLauncher, launcher, config.warmEngines(), new EngineWarmUp(3));
    WarehouseRegistry warehouses =
        WarehouseRegistry.load(
            new WarehouseStore(store.dataSource()),
            new WarehouseEngineFactory(
                launchSpec,
                engineLauncher,
                warmPool,
                launcher,
                Clock.systemUTC(),
                scheduler,
                WarehouseSettings.DEFAULT_SCALE_IN_IDLE),
            defaultWarehouse(config));
    ExecutorService workers =
        new ThreadPoolExecutor(
            config.workerThreads(),
            config.workerThreads(),
            60,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            daemonThreads("sluice-worker"));
    ((ThreadPoolExecutor) workers).allowCoreThreadTimeOut(true);
    TokenAuthenticator authenticator = new TokenAuthenticator(tokens);
    QueryHistoryStore historyStore = new QueryHistoryStore(store.dataSource());
    GatewayMetrics metrics = new GatewayMetrics();
    LineageStore lineage = new LineageStore(store.database());
    QueryRecorder history =
        new QueryRecorder(
            historyStore,
            Clock.systemUTC(),
            List.of(
                metrics,
                new LineageRecorder(
                    lineage, new MetastoreTableColumns(governance), Clock.systemUTC())));
    // Lineage names the statements of the history, so both are kept for the same period.
    for (Retention retention :
        List.of(
            Retention.ofHistory(historyStore, Clock.systemUTC(), config.historyRetention()),
            new Retention(
                "lineage edges",
                lineage::purgeBefore,
                Clock.systemUTC(),
                config.historyRetention()))) {
      scheduler.scheduleWithFixedDelay(retention::purge, 1, 60, TimeUnit.MINUTES);
    }
    SessionManager sessions = new SessionManager(authenticator::isValid);
    SqlPlanner planner = new SqlPlanner();
    GatewayServices services =
        new GatewayServices(
            sessions,
            warehouses,
            authenticator,
            history,
            workers,
            planner,
            new GovernedStatementAuthorizer(governance, planner),
            new GovernanceStatementService(
                new GovernanceStatements(governance), new GovernedViews(governance), sessions));
    ThriftDispatcher dispatcher = new ThriftDispatcher(services, workers, config.maxMessageBytes());
    AdminPolicy admins = governance.principals()::isAdmin;
    AtomicInteger httpPort = new AtomicInteger(config.httpPort());
    EngineManager defaultEngines = defaultWarehouseEngines(warehouses);
    RestRoutes routes =
        RestRoutes.of(
            List.of(
                new HealthModule(),
                new MetricsModule(
                    metrics,
                    () ->
                        new GatewayMetrics.Gauges(
                            sessions.sessionCount(),
                            warehouses.list().stream()
                                .mapToInt(warehouse -> warehouse.engines().engines().size())
                                .sum(),
                            history.count(StatementStatus.RUNNING),
                            history.count(StatementStatus.QUEUED))),
                new QueryHistoryModule(history, admins),
                new LineageModule(lineage, admins),
                new StatementExecutionModule(services, admins, workers),
                new WarehouseActivityModule(defaultEngines, history),
                new UiModule(),
                new ScimModule(governance.principals(), tokens),
                new TokenModule(tokens, governance.principals()),
                new PermissionsModule(governance),
                new CatalogModule(governance),
                new EngineMetastoreModule(
                    governance,
                    engineLink,
                    dataDirectory.resolve(TABLES_DIRECTORY),
                    historyStore,
                    Clock.systemUTC()),
                new WarehousesModule(
                    warehouses,
                    admins,
                    sessions::sessionCount,
                    new WarehouseAddress(config.host(), httpPort::get, config.tlsEnabled()),
                    Clock.systemUTC())));
    GatewayServer server;
    try {
      server = GatewayServer.start(config, authenticator, dispatcher, routes, workers);
      httpPort.set(server.httpPort());
      engineLink.gatewayListening(
          engineFacingUrl(config, server.httpPort()), config.tlsCertificate());
    } catch (Exception e) {
      engineLink.gatewayFailed(e);
      warehouses.close();
      warmPool.close();
      metastore.close();
      launcher.shutdownNow();
      workers.shutdownNow();
      scheduler.shutdownNow();
      store.close();
      throw e;
    }
    return new Sluice(
        config,
        store,
        governance,
        tokens,
        adminToken,
        scheduler,
        warehouses,
        warmPool,
        metastore,
        launcher,
        workers,
        authenticator,
        dispatcher,
        routes,
        server);
  }

  /**
   * Where engines reach the gateway's HTTP port: they run on this machine, so a gateway listening
   * on every address is reached on loopback.
   */
  private static String engineFacingUrl(GatewayConfig config, int httpPort) {
    String host = config.host();
    if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
      host = "127.0.0.1";
    } else if (host.contains(":") && !host.startsWith("[")) {
      host = "[" + host + "]";
    }
    return (config.tlsEnabled() ? "https" : "http") + "://" + host + ":" + httpPort;
  }

  /**
   * Opens another pair of ports (for example TLS beside plain) served by this gateway's sessions,
   * engines and tokens. Only the listener settings of {@code listenerConfig} are used.
   */
  public GatewayServer listen(GatewayConfig listenerConfig) throws Exception {
    GatewayServer extra =
        GatewayServer.start(listenerConfig, authenticator, dispatcher, routes, workers);
    extraServers.add(extra);
    return extra;
  }

  /**
   * The admin token kept in {@code DIR/admin-token}, created (readable by the owner only) at first
   * start.
   */
  private static String storedOrNewAdminToken(Path dataDirectory, AccessTokenStore tokens) {
    Path file = dataDirectory.resolve("admin-token");
    try {
      if (Files.isRegularFile(file)) {
        return Files.readString(file, UTF_8).trim();
      }
      String token =
          tokens.create(
              ADMIN_PRINCIPAL, "workspace admin (generated at first start)", Optional.empty());
      Files.writeString(file, token + "\n", UTF_8);
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException ignored) {
        // Not a POSIX file system; the file keeps the directory's permissions.
      }
      return token;
    } catch (IOException e) {
      throw new IllegalStateException(
          "Cannot read or write the admin token at " + file + ": " + e.getMessage(), e);
    }
  }

  private static java.util.concurrent.ThreadFactory daemonThreads(String prefix) {
    AtomicInteger counter = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  public int binaryPort() {
    return server.binaryPort();
  }

  public int httpPort() {
    return server.httpPort();
  }

  public String adminToken() {
    return adminToken;
  }

  /** The metastore: principals, securables, grants, policies, audit and access decisions. */
  public Governance governance() {
    return governance;
  }

  public AccessTokenStore tokens() {
    return tokens;
  }

  /** The default warehouse's engines. */
  public EngineManager engines() {
    return defaultWarehouseEngines(warehouses);
  }

  private static EngineManager defaultWarehouseEngines(WarehouseRegistry warehouses) {
    return warehouses
        .find(WarehouseRegistry.DEFAULT_ID)
        .orElseThrow(() -> new IllegalStateException("The default warehouse is missing"))
        .engines();
  }

  /** Warm engines (none unless {@code --warm-engines} asks for them). */
  public WarmPool warmPool() {
    return warmPool;
  }

  public WarehouseRegistry warehouses() {
    return warehouses;
  }

  /**
   * The warehouse that exists from first start: one engine of size Small, stopped after the
   * configured engine idle timeout (rounded up to whole minutes). Later starts keep what is stored.
   */
  private static WarehouseDefinition defaultWarehouse(GatewayConfig config) {
    long idleSeconds = config.engineIdleTimeout().toSeconds();
    int autoStopMinutes = (int) Math.max(idleSeconds == 0 ? 0 : 1, (idleSeconds + 59) / 60);
    return new WarehouseDefinition(
        WarehouseRegistry.DEFAULT_ID,
        "default",
        ClusterSize.S.displayName(),
        1,
        1,
        autoStopMinutes,
        true,
        "PRO",
        false,
        ADMIN_PRINCIPAL,
        Instant.EPOCH,
        List.of());
  }

  public GatewayConfig config() {
    return config;
  }

  /** The line printed when both ports listen. */
  public String readyLine() {
    String scheme = config.tlsEnabled() ? "https" : "http";
    return "Sluice ready: thrift://"
        + config.host()
        + ":"
        + binaryPort()
        + " "
        + scheme
        + "://"
        + config.host()
        + ":"
        + httpPort();
  }

  @Override
  public void close() {
    extraServers.forEach(GatewayServer::close);
    server.close();
    warehouses.close();
    warmPool.close();
    metastore.close();
    launcher.shutdownNow();
    workers.shutdownNow();
    scheduler.shutdownNow();
    store.close();
  }
}
