package io.sluice.engine.operation;

import io.sluice.engine.metadata.CatalogListing;
import io.sluice.engine.metadata.GovernedListing;
import io.sluice.engine.metadata.NamePattern;
import io.sluice.engine.session.EngineSession;
import io.sluice.protocol.rowset.ColumnDescriptor;
import io.sluice.protocol.rowset.ResultSchema;
import io.sluice.protocol.thrift.TOperationType;
import io.sluice.protocol.thrift.TTypeId;
import java.util.ArrayList;
import java.util.List;

/** GetSchemas: the databases matching the pattern, and the global temporary view database. */
public final class GetSchemas extends MetadataOperation {
  static final ResultSchema SCHEMA =
      ResultSchema.of(
          ColumnDescriptor.of("TABLE_SCHEM", TTypeId.STRING_TYPE, "Schema name."),
          ColumnDescriptor.of("TABLE_CATALOG", TTypeId.STRING_TYPE, "Catalog name."));

  private final String catalogName;
  private final String schemaPattern;

  public GetSchemas(EngineSession session, String catalogName, String schemaPattern) {
    super(session, TOperationType.GET_SCHEMAS);
    this.catalogName = catalogName;
    this.schemaPattern = schemaPattern;
  }

  @Override
  protected ResultSchema schema() {
    return SCHEMA;
  }

  @Override
  protected List<Object[]> rows() {
    List<Object[]> rows = new ArrayList<>();
    NamePattern pattern = NamePattern.of(schemaPattern);
    for (GovernedListing.Listed schema : governed().schemas(catalogName, pattern)) {
      rows.add(new Object[] {schema.schema(), schema.catalog()});
    }
    if (!CatalogListing.selectsSessionCatalog(catalogName)) {
      return rows;
    }
    CatalogListing listing = catalog();
    for (String database : listing.databases(pattern)) {
      rows.add(new Object[] {database, CatalogListing.CATALOG_NAME});
    }
    String globalDatabase = listing.globalTemporaryDatabase();
    if (pattern.matches(globalDatabase)) {
      rows.add(new Object[] {globalDatabase, CatalogListing.CATALOG_NAME});
    }
    return rows;
  }
}
