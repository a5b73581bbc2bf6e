package io.sluice.gateway.auth;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import io.sluice.governance.token.AccessTokenStore;
import io.sluice.governance.token.AuthenticatedToken;
import java.util.Base64;
import java.util.Optional;

/**
 * Authenticates personal access tokens, however the client presents them: {@code Authorization:
 * Bearer <PAT>}, {@code Authorization: Basic base64(token:<PAT>)}, or a SASL PLAIN / OpenSession
 * password. The user name that comes with a password is ignored: the token alone says who the
 * caller is.
 */
public final class TokenAuthenticator {
  private final AccessTokenStore tokens;

  public TokenAuthenticator(AccessTokenStore tokens) {
    this.tokens = requireNonNull(tokens, "tokens is null");
  }

  /** The principal for a password that should be a token. Blocks on the store. */
  public Optional<String> authenticatePassword(String password) {
    return password == null || password.isEmpty()
        ? Optional.empty()
        : tokens.authenticate(password);
  }

  /** The principal for an HTTP {@code Authorization} header value. Blocks on the store. */
  public Optional<String> authenticateHeader(String authorization) {
    return tokenFromHeader(authorization).flatMap(this::authenticatePassword);
  }

  /** The token's id and principal if the token is valid. Blocks on the store. */
  public Optional<AuthenticatedToken> authenticateToken(String token) {
    return token == null || token.isEmpty() ? Optional.empty() : tokens.authenticateToken(token);
  }

  /**
   * Whether the token with this id is still valid (not revoked, not expired). Sessions call this on
   * every request, so revoking a token ends the sessions opened with it. Blocks on the store.
   */
  public boolean isValid(String tokenId) {
    return tokens.isValid(tokenId);
  }

  /** The token an HTTP {@code Authorization} header carries (Bearer, or Basic's password). */
  public static Optional<String> tokenFromHeader(String authorization) {
    if (authorization == null) {
      return Optional.empty();
    }
    String value = authorization.trim();
    int space = value.indexOf(' ');
    if (space < 0) {
      return Optional.empty();
    }
    String scheme = value.substring(0, space);
    String credentials = value.substring(space + 1).trim();
    if (scheme.equalsIgnoreCase("Bearer")) {
      return Optional.of(credentials).filter(token -> !token.isEmpty());
    }
    if (scheme.equalsIgnoreCase("Basic")) {
      String decoded;
      try {
        decoded = new String(Base64.getDecoder().decode(credentials), UTF_8);
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
      int colon = decoded.indexOf(':');
      return colon < 0
          ? Optional.empty()
          : Optional.of(decoded.substring(colon + 1)).filter(token -> !token.isEmpty());
    }
    return Optional.empty();
  }
}
