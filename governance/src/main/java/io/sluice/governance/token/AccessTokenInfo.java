package io.sluice.governance.token;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/** What is known about a token besides its secret: whose it is, when it expires, if revoked. */
public record AccessTokenInfo(
    String tokenId,
    String principal,
    Optional<String> comment,
    Instant createdAt,
    Optional<Instant> expiresAt,
    Optional<Instant> revokedAt) {
  public AccessTokenInfo {
    requireNonNull(tokenId, "tokenId is null");
    requireNonNull(principal, "principal is null");
    requireNonNull(comment, "comment is null");
    requireNonNull(createdAt, "createdAt is null");
    requireNonNull(expiresAt, "expiresAt is null");
    requireNonNull(revokedAt, "revokedAt is null");
  }
}
