package io.sluice.gateway.governance;

import static io.sluice.gateway.governance.GovernedHandler.governed;
import static java.util.Objects.requireNonNull;

import io.sluice.gateway.rest.RestException;
import io.sluice.gateway.rest.RestModule;
import io.sluice.gateway.rest.RestRequest;
import io.sluice.gateway.rest.RestResponse;
import io.sluice.gateway.rest.RestRoutes;
import io.sluice.governance.principal.Principal;
import io.sluice.governance.principal.PrincipalStore;
import io.sluice.governance.principal.PrincipalType;
import io.sluice.governance.token.AccessTokenInfo;
import io.sluice.governance.token.AccessTokenStore;
import io.sluice.governance.token.IssuedToken;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Personal access tokens in Databricks' shapes: each principal creates, lists and deletes its own
 * ({@code /api/2.0/token/...}); admins create tokens on behalf of a service principal ({@code
 * application_id}) or user ({@code user_name}) and list and delete anyone's ({@code
 * /api/2.0/token-management/...}). Times are epoch milliseconds; {@code expiry_time} is -1 for a
 * token that does not expire. A deleted token is refused from the next request on, including on
 * sessions already open with it.
 */
public final class TokenModule implements RestModule {
  private final AccessTokenStore tokens;
  private final PrincipalStore principals;
  private final AdminCheck admins;

  public TokenModule(AccessTokenStore tokens, PrincipalStore principals) {
    this.tokens = requireNonNull(tokens, "tokens is null");
    this.principals = requireNonNull(principals, "principals is null");
    this.admins = new AdminCheck(principals);
  }

  /** {@code POST /api/2.0/token/create}. */
  record CreateRequest(Long lifetimeSeconds, String comment) {}

  /** {@code POST /api/2.0/token-management/on-behalf-of/tokens}. */
  record OnBehalfOfRequest(
      String applicationId, String userName, Long lifetimeSeconds, String comment) {}

  /** {@code POST /api/2.0/token/delete}. */
  record DeleteRequest(String tokenId) {}

  @Override
  public void register(RestRoutes routes) {
    routes.post("/api/2.0/token/create", governed(this::create));
    routes.get("/api/2.0/token/list", governed(this::list));
    routes.post("/api/2.0/token/delete", governed(this::delete));
    routes.post("/api/2.0/token-management/on-behalf-of/tokens", governed(this::createOnBehalfOf));
    routes.get("/api/2.0/token-management/tokens", governed(this::listAll));
    routes.get("/api/2.0/token-management/tokens/{token_id}", governed(this::get));
    routes.delete("/api/2.0/token-management/tokens/{token_id}", governed(this::deleteAny));
  }

  private RestResponse create(RestRequest request) {
    CreateRequest body = request.bodyAs(CreateRequest.class);
    return issued(request.requirePrincipal(), body.lifetimeSeconds(), body.comment(), false);
  }

  private RestResponse list(RestRequest request) {
    return RestResponse.json(
        Map.of(
            "token_infos",
            tokens.list(request.requirePrincipal()).stream()
                .map(info -> info(info, false))
                .toList()));
  }

  private RestResponse delete(RestRequest request) {
    String tokenId = request.bodyAs(DeleteRequest.class).tokenId();
    if (tokenId == null || tokenId.isBlank()) {
      throw RestException.invalidParameter("token_id is required");
    }
    Optional<AccessTokenInfo> token =
        tokens.find(tokenId).filter(info -> info.principal().equals(request.requirePrincipal()));
    if (token.isEmpty() || !tokens.revokeById(tokenId)) {
      throw RestException.notFound("Token with id " + tokenId + " does not exist");
    }
    return RestResponse.emptyJson();
  }

  private RestResponse createOnBehalfOf(RestRequest request) {
    admins.requireAdmin(request.requirePrincipal());
    OnBehalfOfRequest body = request.bodyAs(OnBehalfOfRequest.class);
    Principal owner;
    if (body.applicationId() != null) {
      owner = requirePrincipal(body.applicationId(), PrincipalType.SERVICE_PRINCIPAL);
    } else if (body.userName() != null) {
      owner = requirePrincipal(body.userName(), PrincipalType.USER);
    } else {
      throw RestException.invalidParameter("application_id or user_name is required");
    }
    return issued(owner.name(), body.lifetimeSeconds(), body.comment(), true);
  }

  private RestResponse listAll(RestRequest request) {
    admins.requireAdmin(request.requirePrincipal());
    return RestResponse.json(
        Map.of("token_infos", tokens.listAll().stream().map(info -> info(info, true)).toList()));
  }

  private RestResponse get(RestRequest request) {
    admins.requireAdmin(request.requirePrincipal());
    String tokenId = request.pathParameter("token_id");
    AccessTokenInfo token =
        tokens
            .find(tokenId)
            .filter(info -> tokens.isValid(info.tokenId()))
            .orElseThrow(
                () -> RestException.notFound("Token with id " + tokenId + " does not exist"));
    return RestResponse.json(Map.of("token_info", info(token, true)));
  }

  private RestResponse deleteAny(RestRequest request) {
    admins.requireAdmin(request.requirePrincipal());
    String tokenId = request.pathParameter("token_id");
    if (!tokens.revokeById(tokenId)) {
      throw RestException.notFound("Token with id " + tokenId + " does not exist");
    }
    return RestResponse.emptyJson();
  }

  private RestResponse issued(
      String principal, Long lifetimeSeconds, String comment, boolean withOwner) {
    Optional<Duration> lifetime = Optional.empty();
    if (lifetimeSeconds != null && lifetimeSeconds > 0) {
      lifetime = Optional.of(Duration.ofSeconds(lifetimeSeconds));
    } else if (lifetimeSeconds != null && lifetimeSeconds < 0 && lifetimeSeconds != -1) {
      throw RestException.invalidParameter("lifetime_seconds must be positive, or -1 for none");
    }
    IssuedToken issued = tokens.issueFor(principal, comment, lifetime);
    AccessTokenInfo info = tokens.find(issued.tokenId()).orElseThrow();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("token_value", issued.token());
    body.put("token_info", info(info, withOwner));
    return RestResponse.json(body);
  }

  private Map<String, Object> info(AccessTokenInfo info, boolean withOwner) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("token_id", info.tokenId());
    body.put("creation_time", info.createdAt().toEpochMilli());
    body.put("expiry_time", info.expiresAt().map(Instant::toEpochMilli).orElse(-1L));
    info.comment().ifPresent(comment -> body.put("comment", comment));
    if (withOwner) {
      principals.find(info.principal()).ifPresent(owner -> body.put("owner_id", owner.id()));
      body.put("owner_name", info.principal());
    }
    return body;
  }

  private Principal requirePrincipal(String name, PrincipalType type) {
    return principals
        .find(name)
        .filter(principal -> principal.type() == type)
        .orElseThrow(
            () ->
                RestException.notFound(
                    (type == PrincipalType.USER ? "User " : "Service principal ")
                        + name
                        + " does not exist"));
  }
}
