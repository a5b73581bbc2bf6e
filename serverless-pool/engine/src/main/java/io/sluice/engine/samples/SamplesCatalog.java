package io.sluice.engine.samples;

import io.trino.tpcds.Table;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.catalyst.analysis.NoSuchNamespaceException;
import org.apache.spark.sql.catalyst.analysis.NoSuchTableException;
import org.apache.spark.sql.connector.catalog.Identifier;
import org.apache.spark.sql.connector.catalog.NamespaceChange;
import org.apache.spark.sql.connector.catalog.SupportsNamespaces;
import org.apache.spark.sql.connector.catalog.TableCatalog;
import org.apache.spark.sql.connector.catalog.TableChange;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * The read-only {@code samples} catalog. It lists the TPC-DS schemas at the usual scales, and
 * resolves any {@code tpcds_sf<scale>} schema on demand. Every change is refused.
 */
public final class SamplesCatalog implements TableCatalog, SupportsNamespaces {
  private static final double[] LISTED_SCALES = {0.01, 1, 10, 100, 1000};

  private String name = "samples";

  @Override
  public void initialize(String name, CaseInsensitiveStringMap options) {
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String[][] listNamespaces() {
    String[][] namespaces = new String[LISTED_SCALES.length][];
    for (int index = 0; index < LISTED_SCALES.length; index++) {
      namespaces[index] = new String[] {new TpcdsScale(LISTED_SCALES[index]).schemaName()};
    }
    return namespaces;
  }

  @Override
  public String[][] listNamespaces(String[] namespace) throws NoSuchNamespaceException {
    scale(namespace);
    return new String[0][];
  }

  @Override
  public Map<String, String> loadNamespaceMetadata(String[] namespace)
      throws NoSuchNamespaceException {
    TpcdsScale scale = scale(namespace);
    return Map.of("comment", "Data derived from TPC-DS at scale factor " + scale.factor());
  }

  @Override
  public Identifier[] listTables(String[] namespace) throws NoSuchNamespaceException {
    scale(namespace);
    return tables()
        .map(table -> Identifier.of(namespace, table.getName()))
        .toArray(Identifier[]::new);
  }

  @Override
  public org.apache.spark.sql.connector.catalog.Table loadTable(Identifier identifier)
      throws NoSuchTableException {
    Optional<TpcdsScale> scale =
        identifier.namespace().length == 1
            ? TpcdsScale.fromSchemaName(identifier.namespace()[0])
            : Optional.empty();
    Optional<Table> table =
        tables()
            .filter(candidate -> candidate.getName().equalsIgnoreCase(identifier.name()))
            .findFirst();
    if (scale.isEmpty() || table.isEmpty()) {
      throw new NoSuchTableException(identifier);
    }
    return new TpcdsTable(table.get(), scale.get());
  }

  /** The 24 TPC-DS tables; the generator's own {@code dbgen_version} is not one of them. */
  private static java.util.stream.Stream<Table> tables() {
    return Table.getBaseTables().stream().filter(table -> table != Table.DBGEN_VERSION);
  }

  private static TpcdsScale scale(String[] namespace) throws NoSuchNamespaceException {
    if (namespace.length != 1) {
      throw new NoSuchNamespaceException(namespace);
    }
    return TpcdsScale.fromSchemaName(namespace[0])
        .orElseThrow(() -> new NoSuchNamespaceException(namespace));
  }

  @Override
  public void createNamespace(String[] namespace, Map<String, String> metadata) {
    throw readOnly();
  }

  @Override
  public void alterNamespace(String[] namespace, NamespaceChange... changes) {
    throw readOnly();
  }

  @Override
  public boolean dropNamespace(String[] namespace, boolean cascade) {
    throw readOnly();
  }

  @Override
  public org.apache.spark.sql.connector.catalog.Table alterTable(
      Identifier identifier, TableChange... changes) {
    throw readOnly();
  }

  @Override
  public boolean dropTable(Identifier identifier) {
    throw readOnly();
  }

  @Override
  public void renameTable(Identifier oldName, Identifier newName) {
    throw readOnly();
  }

  private UnsupportedOperationException readOnly() {
    return new UnsupportedOperationException("Catalog '" + name + "' is read-only");
  }
}
