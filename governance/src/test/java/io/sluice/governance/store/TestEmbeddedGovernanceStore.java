package io.sluice.governance.store;

import io.sluice.governance.testing.TestingStores;
import io.sluice.governance.testing.TestingStores.StoreOpener;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class TestEmbeddedGovernanceStore extends BaseGovernanceStoreTest {
  @TempDir Path dataDirectory;

  @Override
  protected StoreOpener stores() {
    return TestingStores.embedded(dataDirectory);
  }
}
