package io.sluice.governance.lineage;

import io.sluice.governance.testing.TestingStores;
import io.sluice.governance.testing.TestingStores.StoreOpener;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The lineage suite on the embedded H2 database. */
class TestEmbeddedLineageStore extends BaseLineageStoreTest {
  @TempDir Path dataDirectory;

  @Override
  protected StoreOpener stores() {
    return TestingStores.embedded(dataDirectory);
  }
}
