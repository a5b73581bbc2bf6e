package io.sluice.gateway.governance;

import static io.sluice.gateway.governance.GovernedHandler.governed;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.gateway.rest.RestException;
import io.sluice.gateway.rest.RestModule;
import io.sluice.gateway.rest.RestRequest;
import io.sluice.gateway.rest.RestResponse;
import io.sluice.gateway.rest.RestRoutes;
import io.sluice.governance.Governance;
import io.sluice.governance.access.Access;
import io.sluice.governance.access.AccessRequest;
import io.sluice.governance.access.Action;
import io.sluice.governance.grant.Privilege;
import io.sluice.governance.grant.PrivilegeAssignment;
import io.sluice.governance.securable.SecurableName;
import io.sluice.governance.securable.SecurableType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * {@code GET/PATCH /api/2.1/unity-catalog/permissions/{securable_type}/{full_name}} in Unity
 * Catalog's shapes: the privileges granted directly on a securable (inherited ones are not listed,
 * as in Unity Catalog). Whoever may manage the securable's grants sees every assignment; others see
 * only their own and their groups'. PATCH applies {@code changes} (each {@code principal} with
 * privileges to {@code add} and {@code remove}) after the MANAGE_GRANTS decision.
 */
public final class PermissionsModule implements RestModule {
  private final Governance governance;

  public PermissionsModule(Governance governance) {
    this.governance = requireNonNull(governance, "governance is null");
  }

  @Override
  public void register(RestRoutes routes) {
    String path = "/api/2.1/unity-catalog/permissions/{securable_type}/{full_name}";
    routes.get(path, governed(this::get));
    routes.patch(path, governed(this::update));
  }

  private RestResponse get(RestRequest request) {
    SecurableName securable = securable(request);
    governance.securables().require(securable);
    String caller = request.requirePrincipal();
    boolean seesAll =
        governance
            .access()
            .decide(
                AccessRequest.of(caller, requestId(), new Access(Action.SHOW_GRANTS, securable)))
            .allowed();
    Set<String> own = new java.util.HashSet<>(governance.principals().groupsOf(caller));
    own.add(caller);
    Optional<String> principal = request.queryParameter("principal");
    List<PrivilegeAssignment> assignments =
        governance.grants().assignments(securable).stream()
            .filter(assignment -> seesAll || own.contains(assignment.principal()))
            .filter(assignment -> principal.map(assignment.principal()::equals).orElse(true))
            .toList();
    return RestResponse.json(body(assignments));
  }

  private RestResponse update(RestRequest request) {
    SecurableName securable = securable(request);
    String caller = request.requirePrincipal();
    governance.securables().require(securable);
    governance
        .access()
        .check(AccessRequest.of(caller, requestId(), new Access(Action.MANAGE_GRANTS, securable)));
    JsonNode changes = request.bodyAs(JsonNode.class).path("changes");
    if (!changes.isArray()) {
      throw RestException.invalidParameter("changes must be an array");
    }
    for (JsonNode change : changes) {
      String principal = change.path("principal").asText("");
      if (principal.isEmpty()) {
        throw RestException.invalidParameter("Each change needs a principal");
      }
      List<Privilege> add = privileges(change.path("add"));
      List<Privilege> remove = privileges(change.path("remove"));
      if (!add.isEmpty()) {
        governance.grants().grant(securable, principal, add, caller);
      }
      if (!remove.isEmpty()) {
        governance.grants().revoke(securable, principal, remove);
      }
    }
    return RestResponse.json(body(governance.grants().assignments(securable)));
  }

  private static Map<String, Object> body(List<PrivilegeAssignment> assignments) {
    List<Map<String, Object>> rendered = new ArrayList<>();
    for (PrivilegeAssignment assignment : assignments) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("principal", assignment.principal());
      entry.put("privileges", assignment.privileges().stream().map(Privilege::name).toList());
      rendered.add(entry);
    }
    return Map.of("privilege_assignments", rendered);
  }

  private static List<Privilege> privileges(JsonNode node) {
    List<Privilege> privileges = new ArrayList<>();
    if (node.isArray()) {
      for (JsonNode privilege : node) {
        privileges.add(Privilege.parse(privilege.asText()));
      }
    }
    return privileges;
  }

  private static SecurableName securable(RestRequest request) {
    SecurableType type = SecurableType.parse(request.pathParameter("securable_type"));
    return SecurableName.parse(type, request.pathParameter("full_name"));
  }

  static String requestId() {
    return "rest-" + UUID.randomUUID();
  }
}
