package io.sluice.governance.principal;

import io.sluice.governance.testing.TestingStores;
import io.sluice.governance.testing.TestingStores.StoreOpener;

class TestPostgresWorkspaceUsers extends BaseWorkspaceUsersTest {
  @Override
  protected StoreOpener stores() {
    return TestingStores.postgres();
  }
}
