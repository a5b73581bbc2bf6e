package io.sluice.gateway.warehouse;

import static java.util.Objects.requireNonNull;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.sluice.gateway.auth.AdminPolicy;
import io.sluice.gateway.rest.RestException;
import io.sluice.gateway.rest.RestModule;
import io.sluice.gateway.rest.RestRequest;
import io.sluice.gateway.rest.RestResponse;
import io.sluice.gateway.rest.RestRoutes;
import io.sluice.governance.warehouse.WarehouseConflictException;
import io.sluice.governance.warehouse.WarehouseDefinition;
import io.sluice.pool.ClassicClusters;
import io.sluice.pool.ClusterSize;
import io.sluice.pool.EngineStartException;
import io.sluice.pool.WarehouseSnapshot;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * The Databricks Warehouses API, {@code /api/2.0/sql/warehouses}: list, get, create, edit, delete,
 * start and stop, plus draining a classic warehouse's cluster ({@code
 * /{id}/endpoints/{index}/drain} and {@code /undrain}). Anyone with a token may list, read and
 * start warehouses; creating, editing, deleting, stopping and draining is for administrators.
 */
public final class WarehousesModule implements RestModule {
  private static final String BASE = "/api/2.0/sql/warehouses";
  private static final int MAX_CLUSTERS = 40;
  private static final int DEFAULT_AUTO_STOP_MINUTES = 120;
  private static final Set<String> WAREHOUSE_TYPES = Set.of("PRO", "CLASSIC", "TYPE_UNSPECIFIED");

  private final WarehouseRegistry warehouses;
  private final AdminPolicy administrators;
  private final ToIntFunction<String> activeSessions;
  private final WarehouseAddress address;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public WarehousesModule(
      WarehouseRegistry warehouses,
      AdminPolicy administrators,
      ToIntFunction<String> activeSessions,
      WarehouseAddress address,
      Clock clock) {
    this.warehouses = requireNonNull(warehouses, "warehouses is null");
    this.administrators = requireNonNull(administrators, "administrators is null");
    this.activeSessions = requireNonNull(activeSessions, "activeSessions is null");
    this.address = requireNonNull(address, "address is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  @Override
  public void register(RestRoutes routes) {
    routes
        .get(BASE, this::list)
        .post(BASE, this::create)
        .get(BASE + "/{id}", request -> RestResponse.json(info(warehouse(request), request)))
        .post(BASE + "/{id}/edit", this::edit)
        .delete(BASE + "/{id}", this::delete)
        .post(BASE + "/{id}/start", this::start)
        .post(BASE + "/{id}/stop", this::stop)
        .post(BASE + "/{id}/endpoints/{index}/drain", request -> drain(request, true))
        .post(BASE + "/{id}/endpoints/{index}/undrain", request -> drain(request, false));
  }

  /** Drains a classic warehouse's cluster (no new statements; running ones finish) or ends it. */
  private RestResponse drain(RestRequest request, boolean draining) {
    requireAdmin(request, "drain clusters");
    Warehouse warehouse = warehouse(request);
    ClassicClusters clusters =
        warehouse
            .classic()
            .orElseThrow(
                () ->
                    RestException.invalidParameter(
                        "Warehouse '"
                            + warehouse.id()
                            + "' is serverless: it has no clusters to drain"));
    try {
      clusters.drain(Integer.parseInt(request.pathParameter("index")), draining);
    } catch (IllegalArgumentException e) {
      throw RestException.invalidParameter(e.getMessage());
    }
    return RestResponse.emptyJson();
  }

  private static List<WarehouseRequest.Endpoint> requestEndpoints(WarehouseDefinition definition) {
    return definition.endpoints().stream()
        .map(endpoint -> new WarehouseRequest.Endpoint(endpoint.host(), endpoint.port()))
        .toList();
  }

  private RestResponse list(RestRequest request) {
    List<WarehouseInfo> infos =
        warehouses.list().stream().map(warehouse -> info(warehouse, request)).toList();
    return RestResponse.json(Map.of("warehouses", infos));
  }

  private RestResponse create(RestRequest request) {
    requireAdmin(request, "create warehouses");
    WarehouseRequest body = request.bodyAs(WarehouseRequest.class);
    if (body.name() == null || body.name().isBlank()) {
      throw RestException.invalidParameter("A warehouse needs a name");
    }
    if (body.clusterSize() == null) {
      throw RestException.invalidParameter("A warehouse needs a cluster_size");
    }
    WarehouseDefinition definition =
        definition(
            newId(),
            body,
            new Defaults(1, 1, DEFAULT_AUTO_STOP_MINUTES, true, "PRO", false),
            request.requirePrincipal(),
            clock.instant());
    try {
      warehouses.create(definition);
    } catch (WarehouseConflictException e) {
      throw RestException.alreadyExists(e.getMessage());
    }
    return RestResponse.json(Map.of("id", definition.id()));
  }

  private RestResponse edit(RestRequest request) {
    requireAdmin(request, "edit warehouses");
    WarehouseDefinition current = warehouse(request).definition();
    WarehouseRequest body = request.bodyAs(WarehouseRequest.class);
    WarehouseRequest merged =
        new WarehouseRequest(
            body.name() != null ? body.name() : current.name(),
            body.clusterSize() != null ? body.clusterSize() : current.clusterSize(),
            body.minNumClusters(),
            body.maxNumClusters(),
            body.autoStopMins(),
            body.enableServerlessCompute(),
            body.warehouseType(),
            body.enginePerUser(),
            body.endpoints() != null ? body.endpoints() : requestEndpoints(current));
    WarehouseDefinition edited =
        definition(
            current.id(),
            merged,
            new Defaults(
                current.minNumClusters(),
                current.maxNumClusters(),
                current.autoStopMinutes(),
                current.serverless(),
                current.warehouseType(),
                current.enginePerUser()),
            current.creator(),
            current.createdAt());
    try {
      if (!warehouses.update(edited)) {
        throw notFound(current.id());
      }
    } catch (WarehouseConflictException e) {
      throw RestException.alreadyExists(e.getMessage());
    }
    return RestResponse.emptyJson();
  }

  private RestResponse delete(RestRequest request) {
    requireAdmin(request, "delete warehouses");
    Warehouse warehouse = warehouse(request);
    if (warehouse.id().equals(WarehouseRegistry.DEFAULT_ID)) {
      throw RestException.invalidParameter(
          "The default warehouse cannot be deleted: clients without a warehouse use it");
    }
    if (!warehouses.delete(warehouse.id())) {
      throw notFound(warehouse.id());
    }
    return RestResponse.emptyJson();
  }

  private RestResponse start(RestRequest request) {
    try {
      warehouse(request).engines().start();
    } catch (EngineStartException e) {
      throw new RestException(
          HttpResponseStatus.CONFLICT, "INVALID_STATE", "Cannot start: " + e.getMessage());
    }
    return RestResponse.emptyJson();
  }

  private RestResponse stop(RestRequest request) {
    requireAdmin(request, "stop warehouses");
    warehouse(request).engines().stop();
    return RestResponse.emptyJson();
  }

  private void requireAdmin(RestRequest request, String action) {
    if (!administrators.isAdmin(request.requirePrincipal())) {
      throw RestException.permissionDenied("Only workspace administrators may " + action);
    }
  }

  private Warehouse warehouse(RestRequest request) {
    String id = request.pathParameter("id");
    return warehouses.find(id).orElseThrow(() -> notFound(id));
  }

  private static RestException notFound(String id) {
    return RestException.notFound("Warehouse '" + id + "' does not exist");
  }

  private String newId() {
    byte[] bytes = new byte[8];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** The values a request leaves out. */
  private record Defaults(
      int minNumClusters,
      int maxNumClusters,
      int autoStopMinutes,
      boolean serverless,
      String warehouseType,
      boolean enginePerUser) {}

  private static WarehouseDefinition definition(
      String id,
      WarehouseRequest body,
      Defaults defaults,
      String creator,
      java.time.Instant createdAt) {
    if (body.name().isBlank() || body.name().length() > 100) {
      throw RestException.invalidParameter("name must have 1 to 100 characters");
    }
    if (ClusterSize.fromName(body.clusterSize()).isEmpty()) {
      throw RestException.invalidParameter(
          "Invalid cluster_size '"
              + body.clusterSize()
              + "': use one of 2X-Small, X-Small, Small, Medium, Large, X-Large, 2X-Large,"
              + " 3X-Large, 4X-Large");
    }
    int min = orDefault(body.minNumClusters(), defaults.minNumClusters());
    int max = orDefault(body.maxNumClusters(), defaults.maxNumClusters());
    if (body.minNumClusters() != null && body.maxNumClusters() == null && max < min) {
      max = min;
    }
    if (min < 1 || max < min || max > MAX_CLUSTERS) {
      throw RestException.invalidParameter(
          "Need 1 <= min_num_clusters <= max_num_clusters <= "
              + MAX_CLUSTERS
              + ", got "
              + min
              + " and "
              + max);
    }
    int autoStop = orDefault(body.autoStopMins(), defaults.autoStopMinutes());
    if (autoStop < 0) {
      throw RestException.invalidParameter(
          "auto_stop_mins must be 0 (never stop) or a number of minutes");
    }
    boolean serverless =
        body.enableServerlessCompute() != null
            ? body.enableServerlessCompute()
            : defaults.serverless();
    String type = body.warehouseType() != null ? body.warehouseType() : defaults.warehouseType();
    if (!WAREHOUSE_TYPES.contains(type)) {
      throw RestException.invalidParameter(
          "Invalid warehouse_type '" + type + "': use PRO or CLASSIC");
    }
    if (serverless && type.equals("CLASSIC")) {
      throw RestException.invalidParameter(
          "Serverless compute needs warehouse_type PRO, not CLASSIC");
    }
    List<WarehouseDefinition.Endpoint> endpoints = endpoints(body.endpoints());
    if (serverless && !endpoints.isEmpty()) {
      throw RestException.invalidParameter(
          "A serverless warehouse starts its own engines: endpoints are for classic warehouses"
              + " (enable_serverless_compute=false)");
    }
    if (!serverless) {
      if (endpoints.isEmpty()) {
        throw RestException.invalidParameter(
            "A classic warehouse (enable_serverless_compute=false) needs endpoints:"
                + " [{\"host\": ..., \"port\": ...}] of its HiveServer2 servers");
      }
      min = 1;
      max = endpoints.size();
      autoStop = 0;
    }
    boolean enginePerUser =
        body.enginePerUser() != null ? body.enginePerUser() : defaults.enginePerUser();
    return new WarehouseDefinition(
        id,
        body.name(),
        body.clusterSize(),
        min,
        max,
        autoStop,
        serverless,
        type,
        enginePerUser,
        creator,
        createdAt,
        endpoints);
  }

  private static List<WarehouseDefinition.Endpoint> endpoints(
      List<WarehouseRequest.Endpoint> requested) {
    if (requested == null) {
      return List.of();
    }
    List<WarehouseDefinition.Endpoint> endpoints = new java.util.ArrayList<>();
    for (WarehouseRequest.Endpoint endpoint : requested) {
      if (endpoint == null
          || endpoint.host() == null
          || endpoint.host().isBlank()
          || endpoint.port() == null
          || endpoint.port() < 1
          || endpoint.port() > 65535) {
        throw RestException.invalidParameter(
            "Every endpoint needs a host and a port between 1 and 65535");
      }
      endpoints.add(new WarehouseDefinition.Endpoint(endpoint.host().trim(), endpoint.port()));
    }
    return endpoints;
  }

  private static int orDefault(Integer value, int defaultValue) {
    return value != null ? value : defaultValue;
  }

  private WarehouseInfo info(Warehouse warehouse, RestRequest request) {
    WarehouseDefinition definition = warehouse.definition();
    WarehouseSnapshot snapshot = warehouse.engines().snapshot();
    WarehouseAddress.Endpoint endpoint = address.of(request);
    String path = "/sql/1.0/warehouses/" + definition.id();
    return new WarehouseInfo(
        definition.id(),
        definition.name(),
        definition.clusterSize(),
        definition.minNumClusters(),
        definition.maxNumClusters(),
        definition.autoStopMinutes(),
        definition.creator(),
        definition.serverless(),
        definition.warehouseType(),
        definition.enginePerUser(),
        snapshot.state().name(),
        snapshot.engines(),
        activeSessions.applyAsInt(definition.id()),
        snapshot.runningStatements(),
        snapshot.queuedStatements(),
        "jdbc:databricks://"
            + endpoint.host()
            + ":"
            + endpoint.port()
            + "/default;transportMode=http;ssl="
            + (endpoint.tls() ? 1 : 0)
            + ";AuthMech=3;httpPath="
            + path,
        new WarehouseInfo.OdbcParams(
            endpoint.host(), path, endpoint.tls() ? "https" : "http", endpoint.port()),
        new WarehouseInfo.Health(health(warehouse)),
        warehouse
            .classic()
            .map(
                clusters ->
                    clusters.status().stream()
                        .map(
                            status ->
                                new WarehouseInfo.EndpointStatus(
                                    status.host(),
                                    status.port(),
                                    status.health().name(),
                                    status.draining()))
                        .toList())
            .orElse(null));
  }

  /** HEALTHY; for a classic warehouse DEGRADED when some clusters fail checks, FAILED when all. */
  private static String health(Warehouse warehouse) {
    if (warehouse.classic().isEmpty()) {
      return "HEALTHY";
    }
    List<ClassicClusters.ClusterStatus> clusters = warehouse.classic().get().status();
    long healthy =
        clusters.stream()
            .filter(cluster -> cluster.health() == ClassicClusters.Health.HEALTHY)
            .count();
    return healthy == clusters.size() ? "HEALTHY" : healthy == 0 ? "FAILED" : "DEGRADED";
  }
}
