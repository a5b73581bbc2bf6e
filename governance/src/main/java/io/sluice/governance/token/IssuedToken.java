package io.sluice.governance.token;

import static java.util.Objects.requireNonNull;

/** A newly created token: its only plaintext copy, and the id that names it from then on. */
public record IssuedToken(String tokenId, String token) {
  public IssuedToken {
    requireNonNull(tokenId, "tokenId is null");
    requireNonNull(token, "token is null");
  }
}
