package io.sluice.governance.token;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import io.sluice.governance.store.Database;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Personal access tokens. Only a SHA-256 hash of each token is stored: tokens are 256-bit random
 * values, so a fast hash is enough (there is nothing to brute-force), and a stolen database does
 * not reveal usable tokens.
 */
public final class AccessTokenStore {
  /** Databricks-style prefix, so tokens are recognisable in logs and secret scanners. */
  private static final String TOKEN_PREFIX = "dapi";

  private static final String COLUMNS =
      "token_id, principal, comment, created_at, expires_at, revoked_at";

  private final Database database;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public AccessTokenStore(DataSource dataSource, Clock clock) {
    this.database = new Database(requireNonNull(dataSource, "dataSource is null"));
    this.clock = requireNonNull(clock, "clock is null");
  }

  /** Creates a new token for {@code principal} and returns its only plaintext copy. */
  public String create(String principal, String comment, Optional<Instant> expiresAt) {
    return issue(principal, comment, expiresAt).token();
  }

  /**
   * Creates a new token for {@code principal} that expires {@code lifetime} after its creation time
   * (to the millisecond, as the tokens API reports both), or never.
   */
  public IssuedToken issueFor(String principal, String comment, Optional<Duration> lifetime) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    return issue(principal, comment, now, lifetime.map(now::plus));
  }

  /** Creates a new token for {@code principal}: its id and its only plaintext copy. */
  public IssuedToken issue(String principal, String comment, Optional<Instant> expiresAt) {
    return issue(principal, comment, clock.instant(), expiresAt);
  }

  private IssuedToken issue(
      String principal, String comment, Instant createdAt, Optional<Instant> expiresAt) {
    byte[] secret = new byte[32];
    random.nextBytes(secret);
    String token = TOKEN_PREFIX + HexFormat.of().formatHex(secret);
    String tokenId = UUID.randomUUID().toString();
    insert(tokenId, principal, token, comment, createdAt, expiresAt);
    return new IssuedToken(tokenId, token);
  }

  /**
   * Stores a token chosen by the operator (for example the admin token from the environment). A
   * token that is already registered is left as it is.
   */
  public void register(
      String principal, String token, String comment, Optional<Instant> expiresAt) {
    requireNonNull(principal, "principal is null");
    requireNonNull(token, "token is null");
    if (token.length() < 16) {
      throw new IllegalArgumentException("An access token must have at least 16 characters");
    }
    try {
      insert(UUID.randomUUID().toString(), principal, token, comment, clock.instant(), expiresAt);
    } catch (IllegalStateException e) {
      if (!Database.isUniqueViolation(e)) {
        throw e;
      }
    }
  }

  private void insert(
      String tokenId,
      String principal,
      String token,
      String comment,
      Instant createdAt,
      Optional<Instant> expiresAt) {
    requireNonNull(principal, "principal is null");
    database.update(
        "INSERT INTO access_token (token_id, token_hash, principal, comment, created_at,"
            + " expires_at) VALUES (?, ?, ?, ?, ?, ?)",
        tokenId,
        hash(token),
        principal,
        comment,
        createdAt,
        expiresAt.orElse(null));
  }

  /** Returns the principal a valid (known, unexpired, unrevoked) token belongs to. */
  public Optional<String> authenticate(String token) {
    return authenticateToken(token).map(AuthenticatedToken::principal);
  }

  /** The token's id and principal if the token is valid (known, unexpired, unrevoked). */
  public Optional<AuthenticatedToken> authenticateToken(String token) {
    if (token == null || token.isEmpty()) {
      return Optional.empty();
    }
    return database
        .queryOne(
            "SELECT " + COLUMNS + " FROM access_token WHERE token_hash = ?",
            this::info,
            hash(token))
        .filter(this::isValid)
        .map(info -> new AuthenticatedToken(info.tokenId(), info.principal()));
  }

  /** Whether the token with this id is still valid: a session re-checks this on every call. */
  public boolean isValid(String tokenId) {
    return find(tokenId).filter(this::isValid).isPresent();
  }

  private boolean isValid(AccessTokenInfo info) {
    return info.revokedAt().isEmpty()
        && info.expiresAt().filter(expiry -> !clock.instant().isBefore(expiry)).isEmpty();
  }

  public Optional<AccessTokenInfo> find(String tokenId) {
    return database.queryOne(
        "SELECT " + COLUMNS + " FROM access_token WHERE token_id = ?", this::info, tokenId);
  }

  /** The valid tokens of one principal, oldest first. */
  public List<AccessTokenInfo> list(String principal) {
    return database
        .query(
            "SELECT "
                + COLUMNS
                + " FROM access_token WHERE principal = ? ORDER BY created_at, token_id",
            this::info,
            principal)
        .stream()
        .filter(this::isValid)
        .toList();
  }

  /** Every valid token, oldest first. */
  public List<AccessTokenInfo> listAll() {
    return database
        .query("SELECT " + COLUMNS + " FROM access_token ORDER BY created_at, token_id", this::info)
        .stream()
        .filter(this::isValid)
        .toList();
  }

  /** Revokes a token; the next request that presents it is refused. */
  public boolean revoke(String token) {
    return database.update(
            "UPDATE access_token SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL",
            clock.instant(),
            hash(token))
        == 1;
  }

  /** Revokes a token by its id; the next request that presents it is refused. */
  public boolean revokeById(String tokenId) {
    return database.update(
            "UPDATE access_token SET revoked_at = ? WHERE token_id = ? AND revoked_at IS NULL",
            clock.instant(),
            tokenId)
        == 1;
  }

  /** Revokes every token of a principal (when it is deleted or deactivated). */
  public int revokeAll(String principal) {
    return database.update(
        "UPDATE access_token SET revoked_at = ? WHERE principal = ? AND revoked_at IS NULL",
        clock.instant(),
        principal);
  }

  private AccessTokenInfo info(ResultSet row) throws SQLException {
    return new AccessTokenInfo(
        row.getString("token_id"),
        row.getString("principal"),
        Optional.ofNullable(row.getString("comment")),
        Database.instant(row, "created_at"),
        Optional.ofNullable(Database.instant(row, "expires_at")),
        Optional.ofNullable(Database.instant(row, "revoked_at")));
  }

  static String hash(String token) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(token.getBytes(UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
