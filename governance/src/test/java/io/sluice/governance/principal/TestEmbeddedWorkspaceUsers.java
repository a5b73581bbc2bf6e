package io.sluice.governance.principal;

import io.sluice.governance.testing.TestingStores;
import io.sluice.governance.testing.TestingStores.StoreOpener;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class TestEmbeddedWorkspaceUsers extends BaseWorkspaceUsersTest {
  @TempDir Path dataDirectory;

  @Override
  protected StoreOpener stores() {
    return TestingStores.embedded(dataDirectory);
  }
}
