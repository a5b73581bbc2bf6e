package io.sluice.gateway.governance;

import static io.sluice.gateway.governance.GovernedHandler.governed;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.sluice.gateway.rest.RestException;
import io.sluice.gateway.rest.RestModule;
import io.sluice.gateway.rest.RestRequest;
import io.sluice.gateway.rest.RestResponse;
import io.sluice.gateway.rest.RestRoutes;
import io.sluice.governance.principal.Principal;
import io.sluice.governance.principal.PrincipalStore;
import io.sluice.governance.token.AccessTokenStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SCIM 2.0 users, groups (whose members may be groups) and service principals under {@code
 * /api/2.0/preview/scim/v2/}, in Databricks' shapes. Anyone authenticated may read; only workspace
 * admins may create, change or delete. Deactivating or deleting a principal revokes its tokens.
 *
 * <p>The built-in {@code users} group lists every user and service principal as a member and is
 * among every user's and service principal's groups; its membership cannot be changed.
 */
public final class ScimModule implements RestModule {
  private static final String BASE = "/api/2.0/preview/scim/v2/";
  private static final String LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
  private static final Pattern EQUALS_FILTER =
      Pattern.compile(
          "\\s*(\\w+)\\s+eq\\s+\"((?:[^\"\\\\]|\\\\.)*)\"\\s*", Pattern.CASE_INSENSITIVE);
  private static final Pattern MEMBER_PATH =
      Pattern.compile("members\\[value eq \"([^\"]+)\"\\]", Pattern.CASE_INSENSITIVE);

  private final PrincipalStore principals;
  private final AccessTokenStore tokens;
  private final AdminCheck admins;

  public ScimModule(PrincipalStore principals, AccessTokenStore tokens) {
    this.principals = requireNonNull(principals, "principals is null");
    this.tokens = requireNonNull(tokens, "tokens is null");
    this.admins = new AdminCheck(principals);
  }

  @Override
  public void register(RestRoutes routes) {
    routes.get(BASE + "Me", governed(this::me));
    for (ScimResource resource : ScimResource.values()) {
      String collection = BASE + resource.path();
      String item = collection + "/{id}";
      routes.get(collection, governed(request -> list(resource, request)));
      routes.post(collection, governed(request -> create(resource, request)));
      routes.get(item, governed(request -> render(find(resource, request))));
      routes.put(item, governed(request -> replace(resource, request)));
      routes.patch(item, governed(request -> patch(resource, request)));
      routes.delete(item, governed(request -> delete(resource, request)));
    }
  }

  private RestResponse me(RestRequest request) {
    return render(principals.require(request.requirePrincipal()));
  }

  private RestResponse list(ScimResource resource, RestRequest request) {
    List<Principal> all = principals.list(resource.type());
    Optional<String> filter = request.queryParameter("filter");
    if (filter.isPresent()) {
      Matcher matcher = EQUALS_FILTER.matcher(filter.get());
      if (!matcher.matches()) {
        throw RestException.invalidParameter(
            "Unsupported SCIM filter '" + filter.get() + "': use attribute eq \"value\"");
      }
      String attribute = matcher.group(1);
      String value = matcher.group(2).replace("\\\"", "\"");
      all =
          all.stream()
              .filter(principal -> attribute(resource, principal, attribute).equals(value))
              .toList();
    }
    int startIndex = Math.max(1, intParameter(request, "startIndex", 1));
    int count = Math.max(0, intParameter(request, "count", 10_000));
    List<Principal> page =
        all.subList(
            Math.min(all.size(), startIndex - 1), Math.min(all.size(), startIndex - 1 + count));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("schemas", List.of(LIST_SCHEMA));
    body.put("totalResults", all.size());
    body.put("startIndex", startIndex);
    body.put("itemsPerPage", page.size());
    body.put("Resources", page.stream().map(this::resource).toList());
    return RestResponse.json(body);
  }

  private RestResponse create(ScimResource resource, RestRequest request) {
    admins.requireAdmin(request.requirePrincipal());
    JsonNode body = request.bodyAs(JsonNode.class);
    String name = text(body, resource.nameAttribute()).orElse(null);
    if (name == null && resource == ScimResource.SERVICE_PRINCIPALS) {
      name = UUID.randomUUID().toString();
    }
    if (name == null || name.isBlank()) {
      throw RestException.invalidParameter(resource.nameAttribute() + " is required");
    }
    Principal created =
        principals.create(
            resource.type(),
            name,
            text(body, "displayName").orElse(name),
            !body.has("active") || body.get("active").asBoolean(true));
    applyMembership(resource, created, body, false);
    return RestResponse.json(
        HttpResponseStatus.CREATED, resource(principals.findById(created.id()).orElseThrow()));
  }

  private RestResponse replace(ScimResource resource, RestRequest request) {
    admins.requireAdmin(request.requirePrincipal());
    Principal current = find(resource, request);
    JsonNode body = request.bodyAs(JsonNode.class);
    Principal updated =
        principals.update(
            current.id(),
            text(body, resource.nameAttribute()),
            text(body, "displayName"),
            body.has("active") ? Optional.of(body.get("active").asBoolean()) : Optional.empty());
    applyMembership(resource, updated, body, true);
    revokeTokensIfInactive(updated);
    return render(principals.findById(updated.id()).orElseThrow());
  }

  /**
   * SCIM PATCH: {@code add}, {@code remove} and {@code replace} operations on {@code members}
   * (group members, which may be groups), {@code groups}, {@code displayName}, {@code active} and
   * the naming attribute.
   */
  private RestResponse patch(ScimResource resource, RestRequest request) {
    admins.requireAdmin(request.requirePrincipal());
    Principal principal = find(resource, request);
    JsonNode operations = request.bodyAs(JsonNode.class).path("Operations");
    if (!operations.isArray()) {
      throw RestException.invalidParameter("A SCIM PATCH needs an Operations array");
    }
    for (JsonNode operation : operations) {
      String op = operation.path("op").asText("").toLowerCase(java.util.Locale.ROOT);
      String path = operation.path("path").asText("");
      JsonNode value = operation.path("value");
      Matcher member = MEMBER_PATH.matcher(path);
      if (op.equals("remove") && member.matches()) {
        principals.removeMember(requireGroup(principal).id(), member.group(1));
      } else if (path.equalsIgnoreCase("members") || path.equalsIgnoreCase("groups")) {
        boolean members = path.equalsIgnoreCase("members");
        if (op.equals("replace") && members) {
          for (Principal existing : principals.members(requireGroup(principal).id())) {
            principals.removeMember(principal.id(), existing.id());
          }
        }
        for (String id : values(value)) {
          String group = members ? requireGroup(principal).id() : id;
          String memberId = members ? id : principal.id();
          if (op.equals("remove")) {
            principals.removeMember(group, memberId);
          } else {
            principals.addMember(group, memberId);
          }
        }
      } else if (op.equals("replace") || op.equals("add")) {
        JsonNode attributes = path.isEmpty() ? value : null;
        Optional<String> name =
            path.equals(resource.nameAttribute())
                ? Optional.of(value.asText())
                : text(attributes, resource.nameAttribute());
        Optional<String> displayName =
            path.equals("displayName")
                ? Optional.of(value.asText())
                : text(attributes, "displayName");
        Optional<Boolean> active =
            path.equals("active")
                ? Optional.of(value.asBoolean())
                : attributes != null && attributes.has("active")
                    ? Optional.of(attributes.get("active").asBoolean())
                    : Optional.empty();
        principal = principals.update(principal.id(), name, displayName, active);
        revokeTokensIfInactive(principal);
      } else {
        throw RestException.invalidParameter("Unsupported SCIM PATCH operation " + op + " " + path);
      }
    }
    return render(principals.findById(principal.id()).orElseThrow());
  }

  private RestResponse delete(ScimResource resource, RestRequest request) {
    admins.requireAdmin(request.requirePrincipal());
    Principal principal = find(resource, request);
    principals.delete(principal.id());
    tokens.revokeAll(principal.name());
    return new RestResponse(
        HttpResponseStatus.NO_CONTENT, "application/json", new byte[0], Map.of());
  }

  private void revokeTokensIfInactive(Principal principal) {
    if (!principal.active()) {
      tokens.revokeAll(principal.name());
    }
  }

  /** Members of a new or replaced group, or groups of a new or replaced user. */
  private void applyMembership(
      ScimResource resource, Principal principal, JsonNode body, boolean replace) {
    if (resource == ScimResource.GROUPS && body.has("members")) {
      if (replace) {
        for (Principal existing : principals.members(principal.id())) {
          principals.removeMember(principal.id(), existing.id());
        }
      }
      for (String memberId : values(body.get("members"))) {
        principals.addMember(principal.id(), memberId);
      }
    } else if (resource != ScimResource.GROUPS && body.has("groups")) {
      if (replace) {
        for (Principal existing : principals.directGroups(principal.id())) {
          if (!existing.name().equals(PrincipalStore.USERS)) {
            principals.removeMember(existing.id(), principal.id());
          }
        }
      }
      for (String groupId : values(body.get("groups"))) {
        principals.addMember(groupId, principal.id());
      }
    }
  }

  private Principal find(ScimResource resource, RestRequest request) {
    String id = request.pathParameter("id");
    return principals
        .findById(id)
        .filter(principal -> principal.type() == resource.type())
        .orElseThrow(
            () ->
                RestException.notFound(resource.path() + " resource with id " + id + " not found"));
  }

  private static Principal requireGroup(Principal principal) {
    if (!principal.isGroup()) {
      throw RestException.invalidParameter("Only groups have members");
    }
    return principal;
  }

  private RestResponse render(Principal principal) {
    return RestResponse.json(resource(principal));
  }

  private Map<String, Object> resource(Principal principal) {
    ScimResource resource = ScimResource.of(principal.type());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("schemas", List.of(resource.schema()));
    body.put("id", principal.id());
    if (resource != ScimResource.GROUPS) {
      body.put(resource.nameAttribute(), principal.name());
    }
    body.put(
        "displayName",
        resource == ScimResource.GROUPS ? principal.name() : principal.displayName());
    if (resource == ScimResource.GROUPS) {
      List<Map<String, Object>> members = new ArrayList<>();
      for (Principal member : principals.members(principal.id())) {
        members.add(reference(member, ScimResource.of(member.type()).path() + "/" + member.id()));
      }
      body.put("members", members);
    } else {
      body.put("active", principal.active());
      if (resource == ScimResource.USERS && principal.name().contains("@")) {
        body.put(
            "emails", List.of(Map.of("value", principal.name(), "type", "work", "primary", true)));
      }
    }
    List<Map<String, Object>> groups = new ArrayList<>();
    for (Principal group : principals.directGroups(principal.id())) {
      groups.add(reference(group, "Groups/" + group.id()));
    }
    body.put("groups", groups);
    return body;
  }

  private static Map<String, Object> reference(Principal principal, String ref) {
    Map<String, Object> reference = new LinkedHashMap<>();
    reference.put("value", principal.id());
    reference.put("display", principal.isGroup() ? principal.name() : principal.displayName());
    reference.put("$ref", ref);
    return reference;
  }

  private static String attribute(ScimResource resource, Principal principal, String attribute) {
    if (attribute.equalsIgnoreCase(resource.nameAttribute())) {
      return principal.name();
    }
    if (attribute.equalsIgnoreCase("displayName")) {
      return resource == ScimResource.GROUPS ? principal.name() : principal.displayName();
    }
    if (attribute.equalsIgnoreCase("id")) {
      return principal.id();
    }
    throw RestException.invalidParameter("Unsupported SCIM filter attribute '" + attribute + "'");
  }

  /** The {@code value}s of a SCIM multi-valued attribute. */
  private static List<String> values(JsonNode node) {
    List<String> values = new ArrayList<>();
    if (node == null || node.isMissingNode() || node.isNull()) {
      return values;
    }
    JsonNode items = node.isArray() ? node : node.has("members") ? node.get("members") : node;
    if (!items.isArray()) {
      items = RestJsonArrays.single(items);
    }
    for (JsonNode item : items) {
      String value = item.isTextual() ? item.asText() : item.path("value").asText("");
      if (value.isEmpty()) {
        throw RestException.invalidParameter("A member or group reference needs a value (its id)");
      }
      values.add(value);
    }
    return values;
  }

  private static Optional<String> text(JsonNode node, String field) {
    if (node == null || !node.hasNonNull(field)) {
      return Optional.empty();
    }
    return Optional.of(node.get(field).asText());
  }

  private static int intParameter(RestRequest request, String name, int fallback) {
    Optional<String> value = request.queryParameter(name);
    try {
      return value.map(Integer::parseInt).orElse(fallback);
    } catch (NumberFormatException e) {
      throw RestException.invalidParameter(name + " must be an integer");
    }
  }
}
