package io.sluice.gateway;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import io.sluice.gateway.auth.Administrators;
import io.sluice.gateway.auth.TokenAuthenticator;
import io.sluice.gateway.cli.GatewayServices;
import io.sluice.gateway.rest.HealthModule;
import io.sluice.gateway.rest.RestRoutes;
import io.sluice.gateway.server.GatewayServer;
import io.sluice.gateway.session.SessionManager;
import io.sluice.gateway.thrift.ThriftDispatcher;
import io.sluice.gateway.warehouse.MetastoreEngineLauncher;
import io.sluice.gateway.warehouse.WarehouseAddress;
import io.sluice.gateway.warehouse.WarehouseEngineFactory;
import io.sluice.gateway.warehouse.WarehouseRegistry;
import io.sluice.gateway.warehouse.WarehousesModule;
import io.sluice.governance.store.GovernanceStore;
import io.sluice.governance.token.AccessTokenStore;
import io.sluice.governance.warehouse.WarehouseDefinition;
import io.sluice.governance.warehouse.WarehouseStore;
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
import java.util.Set;
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

  private final GovernanceStore store;
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
    AccessTokenStore tokens = new AccessTokenStore(store.dataSource(), Clock.systemUTC());
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
    MetastoreEngineLauncher engineLauncher = new MetastoreEngineLauncher(metastore);
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
    SessionManager sessions = new SessionManager();
    GatewayServices services = new GatewayServices(sessions, warehouses, authenticator, workers);
    ThriftDispatcher dispatcher = new ThriftDispatcher(services, workers, config.maxMessageBytes());
    AtomicInteger httpPort = new AtomicInteger(config.httpPort());
    RestRoutes routes =
        RestRoutes.of(
            List.of(
                new HealthModule(),
                new WarehousesModule(
                    warehouses,
                    new Administrators(Set.of(ADMIN_PRINCIPAL)),
                    sessions::sessionCount,
                    new WarehouseAddress(config.host(), httpPort::get, config.tlsEnabled()),
                    Clock.systemUTC())));
    GatewayServer server;
    try {
      server = GatewayServer.start(config, authenticator, dispatcher, routes, workers);
      httpPort.set(server.httpPort());
    } catch (Exception e) {
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

  public AccessTokenStore tokens() {
    return tokens;
  }

  /** The default warehouse's engines. */
  public EngineManager engines() {
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
