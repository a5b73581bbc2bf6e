package io.sluice.engine.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.analysis.NamespaceAlreadyExistsException;
import org.apache.spark.sql.catalyst.analysis.NoSuchNamespaceException;
import org.apache.spark.sql.catalyst.analysis.NoSuchTableException;
import org.apache.spark.sql.catalyst.analysis.NonEmptyNamespaceException;
import org.apache.spark.sql.catalyst.analysis.TableAlreadyExistsException;
import org.apache.spark.sql.connector.catalog.CatalogV2Util;
import org.apache.spark.sql.connector.catalog.Column;
import org.apache.spark.sql.connector.catalog.Identifier;
import org.apache.spark.sql.connector.catalog.NamespaceChange;
import org.apache.spark.sql.connector.catalog.SupportsNamespaces;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableCatalog;
import org.apache.spark.sql.connector.catalog.TableChange;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.delta.catalog.DeltaTableV2;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;
import scala.Option;

/**
 * A governance catalog as a Spark catalog: its schemas are namespaces and its tables are Delta
 * tables (Parquet on request), all read from and written to the gateway, which is the metastore.
 * Nothing is kept here: a table created through one engine is seen at once by every other.
 *
 * <p>One instance serves one Spark session of one user (option {@value #USER_OPTION}), in whose
 * name every call is made: the creator owns what it creates, and listings show only what the user
 * may see. The gateway assigns a managed table's storage location; the table is created there as a
 * Delta (or Parquet) table with the columns recorded in governance, and dropping it deletes its
 * data. Tables may be renamed within the catalog, and altered by adding columns, changing comments
 * and (Delta) properties; what governance could not follow (dropping, renaming or retyping a
 * column, which grants and policies name) is refused, as are other formats and external locations.
 */
public final class GovernedCatalog implements TableCatalog, SupportsNamespaces {
  /** The catalog option naming the user the session runs for. */
  public static final String USER_OPTION = "user";

  private static final String DELTA = "DELTA";

  /** Every catalog's read-only schema of metadata, computed by the gateway for the user. */
  static final String INFORMATION_SCHEMA = "information_schema";

  private String name;
  private String user;
  private GatewayMetastore metastore;

  @Override
  public void initialize(String name, CaseInsensitiveStringMap options) {
    this.name = name;
    this.user = options.get(USER_OPTION);
    if (user == null || user.isEmpty()) {
      throw new IllegalStateException("Catalog '" + name + "' has no user to act for");
    }
    this.metastore =
        GatewayMetastore.installed()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "Catalog '" + name + "' needs the gateway, and this engine has none"));
  }

  @Override
  public String name() {
    return name;
  }

  /**
   * The schema {@code USE CATALOG} (Spark's {@code SET CATALOG}) moves to, as in Unity Catalog:
   * {@code default}, which the gateway's planner also assumes.
   */
  @Override
  public String[] defaultNamespace() {
    return new String[] {"default"};
  }

  @Override
  public String[][] listNamespaces() {
    List<String> schemas =
        new ArrayList<>(
            GatewayMetastore.names(
                metastore
                    .get(user, GatewayMetastore.path("catalogs", name, "schemas"))
                    .orElseThrow(() -> new IllegalStateException("Catalog '" + name + "' is gone")),
                "schemas"));
    if (!schemas.contains(INFORMATION_SCHEMA)) {
      schemas.add(INFORMATION_SCHEMA);
    }
    return schemas.stream().map(schema -> new String[] {schema}).toArray(String[][]::new);
  }

  @Override
  public String[][] listNamespaces(String[] namespace) throws NoSuchNamespaceException {
    loadNamespaceMetadata(namespace);
    return new String[0][];
  }

  @Override
  public Map<String, String> loadNamespaceMetadata(String[] namespace)
      throws NoSuchNamespaceException {
    if (isInformationSchema(namespace)) {
      return Map.of(
          SupportsNamespaces.PROP_COMMENT,
          "Information schema",
          SupportsNamespaces.PROP_OWNER,
          "System user");
    }
    JsonNode schema =
        schemaName(namespace)
            .flatMap(
                schemaName ->
                    metastore.get(user, GatewayMetastore.path("schemas", name, schemaName)))
            .orElseThrow(() -> new NoSuchNamespaceException(namespace));
    Map<String, String> metadata = new HashMap<>();
    if (schema.hasNonNull("comment")) {
      metadata.put(SupportsNamespaces.PROP_COMMENT, schema.get("comment").asText());
    }
    metadata.put(SupportsNamespaces.PROP_OWNER, schema.path("owner").asText());
    return metadata;
  }

  @Override
  public void createNamespace(String[] namespace, Map<String, String> metadata)
      throws NamespaceAlreadyExistsException {
    String schema =
        schemaName(namespace)
            .orElseThrow(
                () ->
                    new IllegalArgumentException("Schemas of '" + name + "' have one-part names"));
    if (isInformationSchema(namespace)) {
      throw new NamespaceAlreadyExistsException(namespace);
    }
    if (metadata.containsKey(SupportsNamespaces.PROP_LOCATION)) {
      throw new UnsupportedOperationException(
          "Schemas of catalog '" + name + "' are managed: a LOCATION cannot be given");
    }
    ObjectNode body = GatewayMetastore.json().createObjectNode();
    body.put("catalog_name", name);
    body.put("name", schema);
    Optional.ofNullable(metadata.get(SupportsNamespaces.PROP_COMMENT))
        .ifPresent(comment -> body.put("comment", comment));
    try {
      metastore.post(user, "schemas", body);
    } catch (GatewayMetastoreException e) {
      if (e.alreadyExists()) {
        throw new NamespaceAlreadyExistsException(namespace);
      }
      throw e;
    }
  }

  @Override
  public void alterNamespace(String[] namespace, NamespaceChange... changes) {
    throw new UnsupportedOperationException(
        "Altering schemas of catalog '" + name + "' is not supported");
  }

  @Override
  public boolean dropNamespace(String[] namespace, boolean cascade)
      throws NoSuchNamespaceException, NonEmptyNamespaceException {
    Optional<String> schema = schemaName(namespace);
    if (schema.isEmpty()) {
      return false;
    }
    if (isInformationSchema(namespace)) {
      throw readOnlyInformationSchema();
    }
    if (cascade) {
      for (Identifier table : listTables(namespace)) {
        dropTable(table);
      }
    }
    // With CASCADE the tables' data went above; the gateway drops what only it holds (views,
    // functions) with the schema.
    String path =
        GatewayMetastore.path("schemas", name, schema.get()) + (cascade ? "?cascade=true" : "");
    try {
      return metastore.delete(user, path).isPresent();
    } catch (GatewayMetastoreException e) {
      if (e.notEmpty()) {
        throw new NonEmptyNamespaceException(namespace);
      }
      throw e;
    }
  }

  @Override
  public Identifier[] listTables(String[] namespace) throws NoSuchNamespaceException {
    if (isInformationSchema(namespace)) {
      return GatewayRelation.names(metastore, user, name, INFORMATION_SCHEMA)
          .orElseThrow(() -> new NoSuchNamespaceException(namespace))
          .stream()
          .map(table -> Identifier.of(namespace, table))
          .toArray(Identifier[]::new);
    }
    JsonNode tables =
        schemaName(namespace)
            .flatMap(
                schema ->
                    metastore.get(user, GatewayMetastore.path("schemas", name, schema, "tables")))
            .orElseThrow(() -> new NoSuchNamespaceException(namespace));
    return GatewayMetastore.names(tables, "tables").stream()
        .map(table -> Identifier.of(namespace, table))
        .toArray(Identifier[]::new);
  }

  @Override
  public Table loadTable(Identifier identifier) throws NoSuchTableException {
    if (isInformationSchema(identifier.namespace())) {
      return GatewayRelation.load(metastore, user, name, INFORMATION_SCHEMA, identifier.name())
          .orElseThrow(() -> new NoSuchTableException(identifier));
    }
    JsonNode table = describe(identifier).orElseThrow(() -> new NoSuchTableException(identifier));
    String format = table.path("data_source_format").asText("");
    if (format.equalsIgnoreCase(ParquetTables.FORMAT) && table.hasNonNull("storage_location")) {
      return ParquetTables.load(fullName(identifier), table);
    }
    if (!format.equalsIgnoreCase(DELTA) || !table.hasNonNull("storage_location")) {
      throw new UnsupportedCatalogOperation(
          "Table '"
              + fullName(identifier)
              + "' is a "
              + table.path("table_type").asText()
              + " "
              + format
              + " table, which engines cannot read yet");
    }
    return deltaTable(identifier, table);
  }

  private DeltaTableV2 deltaTable(Identifier identifier, JsonNode table) {
    return new DeltaTableV2(
        SparkSession.active(),
        new Path(table.get("storage_location").asText()),
        Option.empty(),
        Option.apply(fullName(identifier)),
        Option.empty(),
        scala.collection.immutable.Map$.MODULE$.empty());
  }

  @Override
  public Table createTable(
      Identifier identifier,
      Column[] columns,
      Transform[] partitions,
      Map<String, String> properties)
      throws TableAlreadyExistsException, NoSuchNamespaceException {
    if (isInformationSchema(identifier.namespace())) {
      throw readOnlyInformationSchema();
    }
    String schema =
        schemaName(identifier.namespace())
            .orElseThrow(() -> new NoSuchNamespaceException(identifier.namespace()));
    String format =
        properties.getOrDefault(TableCatalog.PROP_PROVIDER, DELTA).toUpperCase(Locale.ROOT);
    if (!format.equals(DELTA) && !format.equals(ParquetTables.FORMAT)) {
      throw new UnsupportedCatalogOperation(
          "Tables of catalog '"
              + name
              + "' are Delta (the default) or Parquet tables; USING "
              + format.toLowerCase(Locale.ROOT)
              + " is not supported");
    }
    if (properties.containsKey(TableCatalog.PROP_LOCATION)) {
      throw new UnsupportedCatalogOperation(
          "Tables of catalog '"
              + name
              + "' are managed: an external table (LOCATION) needs an external location, and this"
              + " metastore has none");
    }
    if (format.equals(ParquetTables.FORMAT) && partitions.length > 0) {
      throw new UnsupportedCatalogOperation(
          "Partitioned Parquet tables are not supported in catalog '"
              + name
              + "'; partition a Delta table instead");
    }
    StructType structType = CatalogV2Util.v2ColumnsToStructType(columns);
    List<String> partitionColumns = partitionColumns(partitions);
    ObjectNode body = GatewayMetastore.json().createObjectNode();
    body.put("catalog_name", name);
    body.put("schema_name", schema);
    body.put("name", identifier.name());
    body.put("table_type", "MANAGED");
    body.put("data_source_format", format);
    Optional.ofNullable(properties.get(TableCatalog.PROP_COMMENT))
        .ifPresent(comment -> body.put("comment", comment));
    putColumns(body, structType);
    JsonNode created;
    try {
      created =
          metastore
              .post(user, "tables", body)
              .orElseThrow(() -> new NoSuchNamespaceException(identifier.namespace()));
    } catch (GatewayMetastoreException e) {
      if (e.alreadyExists()) {
        throw new TableAlreadyExistsException(identifier);
      }
      throw e;
    }
    String location = created.get("storage_location").asText();
    try {
      if (format.equals(DELTA)) {
        SparkSession.active()
            .createDataFrame(List.of(), structType)
            .write()
            .format("delta")
            .mode(SaveMode.ErrorIfExists)
            .partitionBy(partitionColumns.toArray(String[]::new))
            .save(location);
      } else {
        createDirectory(location);
      }
    } catch (RuntimeException failure) {
      metastore.delete(user, GatewayMetastore.path("tables", name, schema, identifier.name()));
      deleteData(location);
      throw failure;
    }
    try {
      return loadTable(identifier);
    } catch (NoSuchTableException droppedMeanwhile) {
      throw new IllegalStateException(
          "Table '" + fullName(identifier) + "' was dropped while it was created",
          droppedMeanwhile);
    }
  }

  /**
   * Applies the changes to the table's storage (Delta runs its own ALTER commands; a Parquet
   * table's schema is governance's alone), then records its columns and comment in governance.
   */
  @Override
  public Table alterTable(Identifier identifier, TableChange... changes)
      throws NoSuchTableException {
    if (isInformationSchema(identifier.namespace())) {
      throw readOnlyInformationSchema();
    }
    JsonNode table = describe(identifier).orElseThrow(() -> new NoSuchTableException(identifier));
    TableAlteration alteration = TableAlteration.of(fullName(identifier), changes);
    String format = table.path("data_source_format").asText("");
    StructType schema;
    if (format.equalsIgnoreCase(DELTA)) {
      DeltaAlterations.apply(identifier, deltaTable(identifier, table), changes);
      schema = deltaTable(identifier, table).schema();
    } else if (format.equalsIgnoreCase(ParquetTables.FORMAT)) {
      schema = alteration.applyTo(ParquetTables.schema(table.path("columns")));
    } else {
      throw new UnsupportedCatalogOperation(
          "Table '" + fullName(identifier) + "' is a " + format + " table and cannot be altered");
    }
    ObjectNode body = GatewayMetastore.json().createObjectNode();
    alteration
        .comment(Optional.ofNullable(table.path("comment").textValue()))
        .ifPresent(text -> body.put("comment", text));
    putColumns(body, schema);
    metastore.post(user, tablePath(identifier, "definition"), body);
    return loadTable(identifier);
  }

  @Override
  public boolean dropTable(Identifier identifier) {
    if (isInformationSchema(identifier.namespace())) {
      throw readOnlyInformationSchema();
    }
    Optional<JsonNode> dropped =
        schemaName(identifier.namespace())
            .flatMap(
                schema ->
                    metastore.delete(
                        user, GatewayMetastore.path("tables", name, schema, identifier.name())));
    dropped
        .filter(table -> table.path("table_type").asText().equals("MANAGED"))
        .filter(table -> table.hasNonNull("storage_location"))
        .ifPresent(table -> deleteData(table.get("storage_location").asText()));
    return dropped.isPresent();
  }

  /**
   * Renames a table within this catalog: {@code t} stays in the table's schema, {@code s.t} (or
   * {@code catalog.s.t}) moves it to schema {@code s}. Its data stays where it is, and its grants,
   * row filter and column masks stay with it.
   */
  @Override
  public void renameTable(Identifier oldName, Identifier newName)
      throws NoSuchTableException, TableAlreadyExistsException {
    if (isInformationSchema(oldName.namespace()) || isInformationSchema(newName.namespace())) {
      throw readOnlyInformationSchema();
    }
    String fromSchema =
        schemaName(oldName.namespace()).orElseThrow(() -> new NoSuchTableException(oldName));
    String[] namespace = newName.namespace();
    String toSchema;
    if (namespace.length == 0) {
      toSchema = fromSchema;
    } else if (namespace.length == 1) {
      toSchema = namespace[0];
    } else if (namespace.length == 2 && namespace[0].equalsIgnoreCase(name)) {
      toSchema = namespace[1];
    } else {
      throw new UnsupportedCatalogOperation(
          "A table of catalog '"
              + name
              + "' can only be renamed within it, not to "
              + String.join(".", namespace)
              + "."
              + newName.name());
    }
    ObjectNode body = GatewayMetastore.json().createObjectNode();
    body.put("schema_name", toSchema);
    body.put("name", newName.name());
    try {
      metastore
          .post(user, tablePath(oldName, "rename"), body)
          .orElseThrow(() -> new NoSuchTableException(oldName));
    } catch (GatewayMetastoreException e) {
      if (e.alreadyExists()) {
        throw new TableAlreadyExistsException(
            Identifier.of(new String[] {toSchema}, newName.name()));
      }
      throw e;
    }
  }

  private String tablePath(Identifier identifier, String action) {
    return GatewayMetastore.path(
        "tables",
        name,
        schemaName(identifier.namespace()).orElseThrow(),
        identifier.name(),
        action);
  }

  private static void putColumns(ObjectNode body, StructType schema) {
    ArrayNode columnsJson = body.putArray("columns");
    for (StructField field : schema.fields()) {
      ObjectNode column = columnsJson.addObject();
      column.put("name", field.name());
      column.put("type_text", field.dataType().catalogString());
      column.put("nullable", field.nullable());
      if (field.getComment().isDefined()) {
        column.put("comment", field.getComment().get());
      }
    }
  }

  private Optional<JsonNode> describe(Identifier identifier) {
    return schemaName(identifier.namespace())
        .flatMap(
            schema ->
                metastore.get(
                    user, GatewayMetastore.path("tables", name, schema, identifier.name())));
  }

  private String fullName(Identifier identifier) {
    return name + "." + String.join(".", identifier.namespace()) + "." + identifier.name();
  }

  private static boolean isInformationSchema(String[] namespace) {
    return namespace.length == 1 && namespace[0].equalsIgnoreCase(INFORMATION_SCHEMA);
  }

  private UnsupportedOperationException readOnlyInformationSchema() {
    return new UnsupportedOperationException(
        "Schema '" + name + "." + INFORMATION_SCHEMA + "' is read-only");
  }

  /** Schemas have one-part names; anything else names no schema of this catalog. */
  private static Optional<String> schemaName(String[] namespace) {
    return namespace.length == 1 ? Optional.of(namespace[0]) : Optional.empty();
  }

  private List<String> partitionColumns(Transform[] partitions) {
    List<String> columns = new ArrayList<>();
    for (Transform partition : partitions) {
      if (!partition.name().equals("identity") || partition.references().length != 1) {
        throw new UnsupportedOperationException(
            "Only column partitioning is supported, not " + partition.describe());
      }
      columns.add(String.join(".", partition.references()[0].fieldNames()));
    }
    return columns;
  }

  private static void createDirectory(String location) {
    Path path = new Path(location);
    try {
      path.getFileSystem(SparkSession.active().sessionState().newHadoopConf()).mkdirs(path);
    } catch (IOException e) {
      throw new IllegalStateException(
          "Cannot create the table's directory " + location + ": " + e.getMessage(), e);
    }
  }

  private static void deleteData(String location) {
    Path path = new Path(location);
    try {
      FileSystem fileSystem =
          path.getFileSystem(SparkSession.active().sessionState().newHadoopConf());
      fileSystem.delete(path, true);
    } catch (IOException e) {
      throw new IllegalStateException(
          "Cannot delete the data at " + location + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "GovernedCatalog[" + name + " for " + user.toLowerCase(Locale.ROOT) + "]";
  }
}
