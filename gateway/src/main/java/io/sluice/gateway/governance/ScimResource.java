package io.sluice.gateway.governance;

import io.sluice.governance.principal.PrincipalType;

/**
 * The three SCIM 2.0 resources Databricks serves, each a kind of principal named by one attribute:
 * users by {@code userName}, groups by {@code displayName}, service principals by {@code
 * applicationId}.
 */
enum ScimResource {
  USERS("Users", PrincipalType.USER, "userName", "urn:ietf:params:scim:schemas:core:2.0:User"),
  GROUPS(
      "Groups", PrincipalType.GROUP, "displayName", "urn:ietf:params:scim:schemas:core:2.0:Group"),
  SERVICE_PRINCIPALS(
      "ServicePrincipals",
      PrincipalType.SERVICE_PRINCIPAL,
      "applicationId",
      "urn:ietf:params:scim:schemas:core:2.0:ServicePrincipal");

  private final String path;
  private final PrincipalType type;
  private final String nameAttribute;
  private final String schema;

  ScimResource(String path, PrincipalType type, String nameAttribute, String schema) {
    this.path = path;
    this.type = type;
    this.nameAttribute = nameAttribute;
    this.schema = schema;
  }

  String path() {
    return path;
  }

  PrincipalType type() {
    return type;
  }

  /** The attribute that carries the principal's name (what grants name it by). */
  String nameAttribute() {
    return nameAttribute;
  }

  String schema() {
    return schema;
  }

  static ScimResource of(PrincipalType type) {
    for (ScimResource resource : values()) {
      if (resource.type == type) {
        return resource;
      }
    }
    throw new IllegalArgumentException("No SCIM resource for " + type);
  }
}
