package io.sluice.engine.metadata;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.catalyst.TableIdentifier;
import org.apache.spark.sql.catalyst.analysis.NoSuchNamespaceException;
import org.apache.spark.sql.catalyst.catalog.CatalogTable;
import org.apache.spark.sql.catalyst.catalog.CatalogTableType;
import org.apache.spark.sql.catalyst.catalog.SessionCatalog;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Lists the session catalog ({@code spark_catalog}): databases, tables and views, and temporary
 * views, filtered by JDBC name patterns.
 */
public final class CatalogListing {
  /** The only catalog an engine serves. */
  public static final String CATALOG_NAME = "spark_catalog";

  /** A table or view: its database ({@code null} for a local temporary view) and metadata. */
  public record ListedTable(String database, CatalogTable table, boolean temporary) {
    public String name() {
      return table.identifier().table();
    }

    /** TABLE_TYPE as Spark's Thrift server reports it: TABLE or VIEW. */
    public String tableType() {
      return temporary || table.tableType() == CatalogTableType.VIEW() ? "VIEW" : "TABLE";
    }

    public String comment() {
      return table.comment().isDefined() ? table.comment().get() : "";
    }
  }

  private final SessionCatalog catalog;

  public CatalogListing(SessionCatalog catalog) {
    this.catalog = catalog;
  }

  /** Whether a catalog name or pattern from a request selects the session catalog. */
  public static boolean selectsSessionCatalog(String catalogPattern) {
    return NamePattern.of(catalogPattern).matches(CATALOG_NAME);
  }

  /** The permanent databases matching {@code schemaPattern}, in catalog order. */
  public List<String> databases(NamePattern schemaPattern) {
    List<String> matching = new ArrayList<>();
    for (String database : CollectionConverters.asJava(catalog.listDatabases())) {
      if (schemaPattern.matches(database)) {
        matching.add(database);
      }
    }
    return matching;
  }

  public String globalTemporaryDatabase() {
    return catalog.globalTempDatabase();
  }

  /**
   * Tables and views of the databases matching {@code schemaPattern}, then global temporary views
   * (when the pattern matches their database), then the session's local temporary views, each
   * filtered by {@code tablePattern}. Local temporary views belong to no database, so unlike
   * Spark's Thrift server they are listed only when the schema pattern matches everything.
   */
  public List<ListedTable> tables(NamePattern schemaPattern, NamePattern tablePattern) {
    List<ListedTable> listed = new ArrayList<>();
    for (String database : databases(schemaPattern)) {
      List<TableIdentifier> identifiers = new ArrayList<>();
      for (TableIdentifier identifier :
          CollectionConverters.asJava(catalog.listTables(database, "*", false))) {
        if (tablePattern.matches(identifier.table())) {
          identifiers.add(identifier);
        }
      }
      if (identifiers.isEmpty()) {
        continue;
      }
      for (CatalogTable table : tablesByName(identifiers)) {
        listed.add(new ListedTable(database, table, false));
      }
    }
    String globalDatabase = catalog.globalTempDatabase();
    if (schemaPattern.matches(globalDatabase)) {
      for (TableIdentifier identifier :
          CollectionConverters.asJava(catalog.listTables(globalDatabase, "*", false))) {
        if (tablePattern.matches(identifier.table())) {
          listed.add(temporary(globalDatabase, identifier));
        }
      }
    }
    if (schemaPattern.matchesEverything()) {
      for (TableIdentifier identifier :
          CollectionConverters.asJava(catalog.listLocalTempViews("*"))) {
        if (tablePattern.matches(identifier.table())) {
          listed.add(temporary(null, identifier));
        }
      }
    }
    return listed;
  }

  private List<CatalogTable> tablesByName(List<TableIdentifier> identifiers) {
    try {
      return CollectionConverters.asJava(
          catalog.getTablesByName(CollectionConverters.asScala(identifiers).toList()));
    } catch (NoSuchNamespaceException droppedMeanwhile) {
      return List.of();
    }
  }

  private ListedTable temporary(String database, TableIdentifier identifier) {
    return new ListedTable(database, catalog.getTempViewOrPermanentTableMetadata(identifier), true);
  }
}
