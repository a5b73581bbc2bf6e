package io.sluice.governance.principal;

/**
 * The kinds of principal. A principal's name is what grants and ownership name it by: a user's user
 * name (an email address), a service principal's application id, a group's display name.
 */
public enum PrincipalType {
  USER,
  SERVICE_PRINCIPAL,
  GROUP
}
