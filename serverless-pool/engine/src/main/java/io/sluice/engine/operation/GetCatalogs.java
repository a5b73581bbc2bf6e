package io.sluice.engine.operation;

import io.sluice.engine.metadata.CatalogListing;
import io.sluice.engine.session.EngineSession;
import io.sluice.protocol.rowset.ColumnDescriptor;
import io.sluice.protocol.rowset.ResultSchema;
import io.sluice.protocol.thrift.TOperationType;
import io.sluice.protocol.thrift.TTypeId;
import java.util.ArrayList;
import java.util.List;

/** GetCatalogs: the session catalog {@code spark_catalog}, then the governance catalogs. */
public final class GetCatalogs extends MetadataOperation {
  static final ResultSchema SCHEMA =
      ResultSchema.of(ColumnDescriptor.of("TABLE_CAT", TTypeId.STRING_TYPE, "Catalog name."));

  public GetCatalogs(EngineSession session) {
    super(session, TOperationType.GET_CATALOGS);
  }

  @Override
  protected ResultSchema schema() {
    return SCHEMA;
  }

  @Override
  protected List<Object[]> rows() {
    List<Object[]> rows = new ArrayList<>();
    rows.add(new Object[] {CatalogListing.CATALOG_NAME});
    for (String catalog : governed().catalogs(null)) {
      rows.add(new Object[] {catalog});
    }
    return rows;
  }
}
