package io.sluice.governance.lineage;

import io.sluice.governance.testing.TestingStores;
import io.sluice.governance.testing.TestingStores.StoreOpener;

/** The lineage suite on a real PostgreSQL server, restarted where the suite restarts. */
class TestPostgresLineageStore extends BaseLineageStoreTest {
  @Override
  protected StoreOpener stores() {
    return TestingStores.postgres();
  }
}
