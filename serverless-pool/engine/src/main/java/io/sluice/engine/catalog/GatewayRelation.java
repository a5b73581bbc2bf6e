package io.sluice.engine.catalog;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * A read-only table the gateway computes, such as {@code main.information_schema.tables} or {@code
 * system.access.audit}: its columns are fixed when it is loaded, and each scan reads the rows the
 * session's user may see from the gateway at that moment.
 */
final class GatewayRelation implements SupportsRead {
  private final GatewayMetastore metastore;
  private final String user;
  private final List<String> name;
  private final StructType schema;

  private GatewayRelation(
      GatewayMetastore metastore, String user, List<String> name, StructType schema) {
    this.metastore = requireNonNull(metastore, "metastore is null");
    this.user = requireNonNull(user, "user is null");
    this.name = List.copyOf(name);
    this.schema = requireNonNull(schema, "schema is null");
  }

  /** The relation {@code catalog.schema.table}, as {@code user} reads it; empty if none. */
  static Optional<GatewayRelation> load(
      GatewayMetastore metastore, String user, String catalog, String schema, String table) {
    return metastore
        .get(user, GatewayMetastore.path("relations", catalog, schema, table))
        .map(
            description ->
                new GatewayRelation(
                    metastore, user, List.of(catalog, schema, table), schema(description)));
  }

  /** The names of the relations of {@code catalog.schema}; empty if there is no such schema. */
  static Optional<List<String>> names(
      GatewayMetastore metastore, String user, String catalog, String schema) {
    return metastore
        .get(user, GatewayMetastore.path("relations", catalog, schema))
        .map(answer -> GatewayMetastore.names(answer, "tables"));
  }

  private static StructType schema(JsonNode description) {
    List<StructField> fields = new ArrayList<>();
    for (JsonNode column : description.path("columns")) {
      fields.add(
          new StructField(
              column.path("name").asText(),
              DataType.fromDDL(column.path("type").asText()),
              true,
              Metadata.empty()));
    }
    return new StructType(fields.toArray(StructField[]::new));
  }

  /** Every page of rows, each the JSON text of an array of rows, read now for the user. */
  List<String> readPages() {
    List<String> pages = new ArrayList<>();
    Optional<String> pageToken = Optional.empty();
    do {
      String path =
          GatewayMetastore.path("relations", name.get(0), name.get(1), name.get(2), "rows");
      if (pageToken.isPresent()) {
        path += "?page_token=" + GatewayMetastore.path(pageToken.get());
      }
      JsonNode page =
          metastore
              .get(user, path)
              .orElseThrow(() -> new IllegalStateException("Table '" + name() + "' is gone"));
      pages.add(page.path("rows").toString());
      pageToken =
          page.hasNonNull("next_page_token")
              ? Optional.of(page.get("next_page_token").asText())
              : Optional.empty();
    } while (pageToken.isPresent());
    return pages;
  }

  @Override
  public String name() {
    return String.join(".", name);
  }

  @Override
  public StructType schema() {
    return schema;
  }

  @Override
  public Set<TableCapability> capabilities() {
    return Set.of(TableCapability.BATCH_READ);
  }

  @Override
  public ScanBuilder newScanBuilder(CaseInsensitiveStringMap options) {
    return new GatewayRelationScan(this);
  }
}
