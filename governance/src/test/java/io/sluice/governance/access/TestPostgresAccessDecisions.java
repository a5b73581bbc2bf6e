package io.sluice.governance.access;

import io.sluice.governance.testing.TestingStores;
import io.sluice.governance.testing.TestingStores.StoreOpener;

class TestPostgresAccessDecisions extends BaseAccessDecisionTest {
  @Override
  protected StoreOpener stores() {
    return TestingStores.postgres();
  }
}
