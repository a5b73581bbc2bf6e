package io.sluice.governance.access;

import io.sluice.governance.testing.TestingStores;
import io.sluice.governance.testing.TestingStores.StoreOpener;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class TestEmbeddedAccessDecisions extends BaseAccessDecisionTest {
  @TempDir Path dataDirectory;

  @Override
  protected StoreOpener stores() {
    return TestingStores.embedded(dataDirectory);
  }
}
