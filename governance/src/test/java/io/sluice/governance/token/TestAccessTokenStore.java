package io.sluice.governance.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.governance.store.GovernanceStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestAccessTokenStore {
  @TempDir Path dataDirectory;

  @Test
  void createdTokenAuthenticatesAsItsPrincipalAndOnlyItsHashIsStored() throws Exception {
    try (GovernanceStore store = GovernanceStore.openEmbedded(dataDirectory)) {
      AccessTokenStore tokens = new AccessTokenStore(store.dataSource(), Clock.systemUTC());
      String token = tokens.create("alice@example.com", "laptop", Optional.empty());

      assertThat(token).startsWith("dapi").hasSize(4 + 64);
      assertThat(tokens.authenticate(token)).contains("alice@example.com");
      assertThat(tokens.authenticate(token + "x")).isEmpty();
      assertThat(tokens.authenticate("")).isEmpty();
      try (Connection connection = store.dataSource().getConnection();
          Statement statement = connection.createStatement();
          ResultSet result = statement.executeQuery("SELECT token_hash FROM access_token")) {
        assertThat(result.next()).isTrue();
        assertThat(result.getString(1)).isNotEqualTo(token).isEqualTo(AccessTokenStore.hash(token));
      }
    }
  }

  @Test
  void tokensSurviveReopeningTheDatabase() {
    String token;
    try (GovernanceStore store = GovernanceStore.openEmbedded(dataDirectory)) {
      token =
          new AccessTokenStore(store.dataSource(), Clock.systemUTC())
              .create("bob", null, Optional.empty());
    }
    try (GovernanceStore store = GovernanceStore.openEmbedded(dataDirectory)) {
      assertThat(new AccessTokenStore(store.dataSource(), Clock.systemUTC()).authenticate(token))
          .contains("bob");
    }
  }

  @Test
  void expiredAndRevokedTokensAreRefused() {
    Instant now = Instant.parse("2026-11-21T10:00:00Z");
    try (GovernanceStore store = GovernanceStore.openEmbedded(dataDirectory)) {
      AccessTokenStore today =
          new AccessTokenStore(store.dataSource(), Clock.fixed(now, ZoneOffset.UTC));
      AccessTokenStore tomorrow =
          new AccessTokenStore(
              store.dataSource(), Clock.fixed(now.plus(Duration.ofDays(1)), ZoneOffset.UTC));
      String expiring = today.create("carol", null, Optional.of(now.plus(Duration.ofHours(1))));
      String revoked = today.create("dave", null, Optional.empty());

      assertThat(today.authenticate(expiring)).contains("carol");
      assertThat(tomorrow.authenticate(expiring)).isEmpty();

      assertThat(today.revoke(revoked)).isTrue();
      assertThat(today.authenticate(revoked)).isEmpty();
      assertThat(today.revoke(revoked)).isFalse();
    }
  }

  @Test
  void registeringAnOperatorChosenTokenIsIdempotent() {
    try (GovernanceStore store = GovernanceStore.openEmbedded(dataDirectory)) {
      AccessTokenStore tokens = new AccessTokenStore(store.dataSource(), Clock.systemUTC());
      tokens.register("admin", "operator-chosen-token-1234", "admin", Optional.empty());
      tokens.register("admin", "operator-chosen-token-1234", "admin", Optional.empty());
      assertThat(tokens.authenticate("operator-chosen-token-1234")).contains("admin");
      assertThatThrownBy(() -> tokens.register("admin", "short", null, Optional.empty()))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
