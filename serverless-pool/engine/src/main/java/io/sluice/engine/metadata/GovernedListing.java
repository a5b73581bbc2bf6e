package io.sluice.engine.metadata;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.analysis.NoSuchNamespaceException;
import org.apache.spark.sql.connector.catalog.CatalogPlugin;
import org.apache.spark.sql.connector.catalog.Identifier;
import org.apache.spark.sql.connector.catalog.SupportsNamespaces;
import org.apache.spark.sql.connector.catalog.TableCatalog;

/**
 * Lists the governance catalogs of a session (their schemas and tables) for the metadata calls,
 * through the session's own catalog plugins: what the session's user may not see, the gateway does
 * not list.
 */
public final class GovernedListing {
  /** A schema or table of a governance catalog; {@code table} is null for a schema. */
  public record Listed(String catalog, String schema, String table) {}

  private final SparkSession spark;
  private final List<String> catalogs;

  /**
   * @param catalogs the governance catalogs registered in {@code spark} that its user may see
   */
  public GovernedListing(SparkSession spark, List<String> catalogs) {
    this.spark = spark;
    this.catalogs = List.copyOf(catalogs);
  }

  /** The governance catalogs matching {@code catalogPattern}. */
  public List<String> catalogs(String catalogPattern) {
    NamePattern pattern = NamePattern.of(catalogPattern);
    return catalogs.stream().filter(pattern::matches).toList();
  }

  public List<Listed> schemas(String catalogPattern, NamePattern schemaPattern) {
    List<Listed> schemas = new ArrayList<>();
    for (String catalog : catalogs(catalogPattern)) {
      for (String[] namespace : plugin(catalog).listNamespaces()) {
        if (namespace.length == 1 && schemaPattern.matches(namespace[0])) {
          schemas.add(new Listed(catalog, namespace[0], null));
        }
      }
    }
    return schemas;
  }

  public List<Listed> tables(
      String catalogPattern, NamePattern schemaPattern, NamePattern tablePattern) {
    List<Listed> tables = new ArrayList<>();
    for (Listed schema : schemas(catalogPattern, schemaPattern)) {
      Identifier[] identifiers;
      try {
        identifiers = plugin(schema.catalog()).listTables(new String[] {schema.schema()});
      } catch (NoSuchNamespaceException droppedMeanwhile) {
        continue;
      }
      for (Identifier identifier : identifiers) {
        if (tablePattern.matches(identifier.name())) {
          tables.add(new Listed(schema.catalog(), schema.schema(), identifier.name()));
        }
      }
    }
    return tables;
  }

  private GovernedCatalogPlugin plugin(String catalog) {
    CatalogPlugin plugin = spark.sessionState().catalogManager().catalog(catalog);
    return new GovernedCatalogPlugin((TableCatalog) plugin, (SupportsNamespaces) plugin);
  }

  private record GovernedCatalogPlugin(TableCatalog tables, SupportsNamespaces namespaces) {
    String[][] listNamespaces() {
      try {
        return namespaces.listNamespaces();
      } catch (NoSuchNamespaceException e) {
        return new String[0][];
      }
    }

    Identifier[] listTables(String[] namespace) throws NoSuchNamespaceException {
      return tables.listTables(namespace);
    }
  }
}
