package io.sluice.governance.testing;

import io.sluice.governance.store.GovernanceStore;
import java.nio.file.Path;

/** The two stores every governance suite runs against: embedded H2 and a real PostgreSQL. */
public final class TestingStores {
  private TestingStores() {}

  /** Opens (and reopens) one database: each call is a new pool over the same data. */
  public interface StoreOpener {
    GovernanceStore open();

    /** Restarts the database server itself, where there is one. */
    void restartServer();
  }

  public static StoreOpener embedded(Path dataDirectory) {
    return new StoreOpener() {
      @Override
      public GovernanceStore open() {
        return GovernanceStore.openEmbedded(dataDirectory);
      }

      @Override
      public void restartServer() {
        // Embedded: closing the store is the restart.
      }
    };
  }

  /** A new database on the shared PostgreSQL server. */
  public static StoreOpener postgres() {
    TestingPostgresServer server = TestingPostgresServer.shared();
    String url = server.createDatabase();
    return new StoreOpener() {
      @Override
      public GovernanceStore open() {
        return GovernanceStore.openPostgres(url, server.user(), "");
      }

      @Override
      public void restartServer() {
        server.restart();
      }
    };
  }
}
