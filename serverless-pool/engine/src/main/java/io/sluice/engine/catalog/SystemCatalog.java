package io.sluice.engine.catalog;

import java.util.Map;
import org.apache.spark.sql.catalyst.analysis.NoSuchNamespaceException;
import org.apache.spark.sql.catalyst.analysis.NoSuchTableException;
import org.apache.spark.sql.connector.catalog.Column;
import org.apache.spark.sql.connector.catalog.Identifier;
import org.apache.spark.sql.connector.catalog.NamespaceChange;
import org.apache.spark.sql.connector.catalog.SupportsNamespaces;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableCatalog;
import org.apache.spark.sql.connector.catalog.TableChange;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * The {@value #NAME} catalog's tables ({@code system.access.audit}, ...), read-only and served by
 * the gateway, which lets only workspace admins read them. Spark's builtin functions and session
 * variables ({@code system.builtin}, {@code system.session}) are resolved by Spark before any
 * catalog and are not affected.
 */
public final class SystemCatalog implements TableCatalog, SupportsNamespaces {
  public static final String NAME = "system";
  private static final String[][] SCHEMAS = {{"access"}, {"query"}};

  private String name;
  private String user;
  private GatewayMetastore metastore;

  @Override
  public void initialize(String name, CaseInsensitiveStringMap options) {
    this.name = name;
    this.user = options.get(GovernedCatalog.USER_OPTION);
    if (user == null || user.isEmpty()) {
      throw new IllegalStateException("Catalog '" + name + "' has no user to act for");
    }
    this.metastore =
        GatewayMetastore.installed()
            .orElseThrow(
                () -> new IllegalStateException("Catalog '" + name + "' needs the gateway"));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String[][] listNamespaces() {
    return SCHEMAS.clone();
  }

  @Override
  public String[][] listNamespaces(String[] namespace) throws NoSuchNamespaceException {
    loadNamespaceMetadata(namespace);
    return new String[0][];
  }

  @Override
  public Map<String, String> loadNamespaceMetadata(String[] namespace)
      throws NoSuchNamespaceException {
    if (namespace.length != 1
        || GatewayRelation.names(metastore, user, name, namespace[0]).isEmpty()) {
      throw new NoSuchNamespaceException(namespace);
    }
    return Map.of();
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
  public Identifier[] listTables(String[] namespace) throws NoSuchNamespaceException {
    if (namespace.length != 1) {
      throw new NoSuchNamespaceException(namespace);
    }
    return GatewayRelation.names(metastore, user, name, namespace[0])
        .orElseThrow(() -> new NoSuchNamespaceException(namespace))
        .stream()
        .map(table -> Identifier.of(namespace, table))
        .toArray(Identifier[]::new);
  }

  @Override
  public Table loadTable(Identifier identifier) throws NoSuchTableException {
    if (identifier.namespace().length != 1) {
      throw new NoSuchTableException(identifier);
    }
    return GatewayRelation.load(metastore, user, name, identifier.namespace()[0], identifier.name())
        .orElseThrow(() -> new NoSuchTableException(identifier));
  }

  @Override
  public Table createTable(
      Identifier identifier,
      Column[] columns,
      Transform[] partitions,
      Map<String, String> properties) {
    throw readOnly();
  }

  @Override
  public Table alterTable(Identifier identifier, TableChange... changes) {
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

  @Override
  public String toString() {
    return "SystemCatalog[for " + user + "]";
  }
}
