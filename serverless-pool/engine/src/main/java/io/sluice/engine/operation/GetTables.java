package io.sluice.engine.operation;

import io.sluice.engine.metadata.CatalogListing;
import io.sluice.engine.metadata.CatalogListing.ListedTable;
import io.sluice.engine.metadata.GovernedListing;
import io.sluice.engine.metadata.NamePattern;
import io.sluice.engine.session.EngineSession;
import io.sluice.protocol.rowset.ColumnDescriptor;
import io.sluice.protocol.rowset.ResultSchema;
import io.sluice.protocol.thrift.TOperationType;
import io.sluice.protocol.thrift.TTypeId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** GetTables: tables and views (TABLE_TYPE TABLE or VIEW) matching the patterns and types. */
public final class GetTables extends MetadataOperation {
  static final ResultSchema SCHEMA =
      ResultSchema.of(
          ColumnDescriptor.of(
              "TABLE_CAT", TTypeId.STRING_TYPE, "Catalog name. NULL if not applicable."),
          ColumnDescriptor.of("TABLE_SCHEM", TTypeId.STRING_TYPE, "Schema name."),
          ColumnDescriptor.of("TABLE_NAME", TTypeId.STRING_TYPE, "Table name."),
          ColumnDescriptor.of(
              "TABLE_TYPE", TTypeId.STRING_TYPE, "The table type, e.g. \"TABLE\", \"VIEW\", etc."),
          ColumnDescriptor.of("REMARKS", TTypeId.STRING_TYPE, "Comments about the table."),
          ColumnDescriptor.of("TYPE_CAT", TTypeId.STRING_TYPE, "The types catalog."),
          ColumnDescriptor.of("TYPE_SCHEM", TTypeId.STRING_TYPE, "The types schema."),
          ColumnDescriptor.of("TYPE_NAME", TTypeId.STRING_TYPE, "Type name."),
          ColumnDescriptor.of(
              "SELF_REFERENCING_COL_NAME",
              TTypeId.STRING_TYPE,
              "Name of the designated \"identifier\" column of a typed table."),
          ColumnDescriptor.of(
              "REF_GENERATION",
              TTypeId.STRING_TYPE,
              "Specifies how values in SELF_REFERENCING_COL_NAME are created."));

  private final String catalogName;
  private final String schemaPattern;
  private final String tablePattern;
  private final Set<String> tableTypes;

  public GetTables(
      EngineSession session,
      String catalogName,
      String schemaPattern,
      String tablePattern,
      List<String> tableTypes) {
    super(session, TOperationType.GET_TABLES);
    this.catalogName = catalogName;
    this.schemaPattern = schemaPattern;
    this.tablePattern = tablePattern;
    this.tableTypes =
        tableTypes == null
            ? Set.of()
            : tableTypes.stream()
                .map(type -> type.toUpperCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
  }

  @Override
  protected ResultSchema schema() {
    return SCHEMA;
  }

  @Override
  protected List<Object[]> rows() {
    List<Object[]> rows = new ArrayList<>();
    if (tableTypes.isEmpty() || tableTypes.contains("TABLE")) {
      for (GovernedListing.Listed table :
          governed()
              .tables(catalogName, NamePattern.of(schemaPattern), NamePattern.of(tablePattern))) {
        rows.add(
            new Object[] {
              table.catalog(),
              table.schema(),
              table.table(),
              "TABLE",
              "",
              null,
              null,
              null,
              null,
              null
            });
      }
    }
    if (!CatalogListing.selectsSessionCatalog(catalogName)) {
      return rows;
    }
    for (ListedTable table :
        catalog().tables(NamePattern.of(schemaPattern), NamePattern.of(tablePattern))) {
      if (!tableTypes.isEmpty() && !tableTypes.contains(table.tableType())) {
        continue;
      }
      rows.add(
          new Object[] {
            CatalogListing.CATALOG_NAME,
            table.database(),
            table.name(),
            table.tableType(),
            table.comment(),
            null,
            null,
            null,
            null,
            null
          });
    }
    return rows;
  }
}
