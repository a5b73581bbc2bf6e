package io.sluice.governance.token;

import static java.util.Objects.requireNonNull;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
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

  private final DataSource dataSource;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public AccessTokenStore(DataSource dataSource, Clock clock) {
    this.dataSource = requireNonNull(dataSource, "dataSource is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  /** Creates a new token for {@code principal} and returns its only plaintext copy. */
  public String create(String principal, String comment, Optional<Instant> expiresAt) {
    byte[] secret = new byte[32];
    random.nextBytes(secret);
    String token = TOKEN_PREFIX + HexFormat.of().formatHex(secret);
    register(principal, token, comment, expiresAt);
    return token;
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
    String sql =
        "MERGE INTO access_token (token_id, token_hash, principal, comment, created_at, expires_at)"
            + " KEY (token_hash) VALUES (?, ?, ?, ?, ?, ?)";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, UUID.randomUUID().toString());
      statement.setString(2, hash(token));
      statement.setString(3, principal);
      statement.setString(4, comment);
      statement.setTimestamp(5, Timestamp.from(clock.instant()));
      statement.setTimestamp(6, expiresAt.map(Timestamp::from).orElse(null));
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot store access token: " + e.getMessage(), e);
    }
  }

  /** Returns the principal a valid (known, unexpired, unrevoked) token belongs to. */
  public Optional<String> authenticate(String token) {
    if (token == null || token.isEmpty()) {
      return Optional.empty();
    }
    String sql =
        "SELECT principal, expires_at FROM access_token WHERE token_hash = ? AND revoked_at IS NULL";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, hash(token));
      try (ResultSet result = statement.executeQuery()) {
        if (!result.next()) {
          return Optional.empty();
        }
        Timestamp expiresAt = result.getTimestamp(2);
        if (expiresAt != null && !clock.instant().isBefore(expiresAt.toInstant())) {
          return Optional.empty();
        }
        return Optional.of(result.getString(1));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read access tokens: " + e.getMessage(), e);
    }
  }

  /** Revokes a token; the next request that presents it is refused. */
  public boolean revoke(String token) {
    String sql =
        "UPDATE access_token SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setTimestamp(1, Timestamp.from(clock.instant()));
      statement.setString(2, hash(token));
      return statement.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot revoke access token: " + e.getMessage(), e);
    }
  }

  static String hash(String token) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(digest.digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
