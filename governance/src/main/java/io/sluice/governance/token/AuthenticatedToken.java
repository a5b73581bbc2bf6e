package io.sluice.governance.token;

import static java.util.Objects.requireNonNull;

/**
 * A token that authenticated: the principal it belongs to and its id, by which a long-lived session
 * re-checks on every call that the token is still valid.
 */
public record AuthenticatedToken(String tokenId, String principal) {
  public AuthenticatedToken {
    requireNonNull(tokenId, "tokenId is null");
    requireNonNull(principal, "principal is null");
  }
}
