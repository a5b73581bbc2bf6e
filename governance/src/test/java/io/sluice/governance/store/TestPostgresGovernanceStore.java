package io.sluice.governance.store;

import io.sluice.governance.testing.TestingStores;
import io.sluice.governance.testing.TestingStores.StoreOpener;

/** The same suite on a real PostgreSQL server, restarted where the suite restarts. */
class TestPostgresGovernanceStore extends BaseGovernanceStoreTest {
  @Override
  protected StoreOpener stores() {
    return TestingStores.postgres();
  }
}
