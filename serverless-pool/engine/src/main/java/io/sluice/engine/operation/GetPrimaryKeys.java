package io.sluice.engine.operation;

import io.sluice.engine.session.EngineSession;
import io.sluice.protocol.rowset.ColumnDescriptor;
import io.sluice.protocol.rowset.ResultSchema;
import io.sluice.protocol.thrift.TOperationType;
import io.sluice.protocol.thrift.TTypeId;
import java.util.List;

/** GetPrimaryKeys: Spark tables declare no primary keys, so the result is always empty. */
public final class GetPrimaryKeys extends MetadataOperation {
  static final ResultSchema SCHEMA =
      ResultSchema.of(
          ColumnDescriptor.of("TABLE_CAT", TTypeId.STRING_TYPE, "Table catalog (may be null)"),
          ColumnDescriptor.of("TABLE_SCHEM", TTypeId.STRING_TYPE, "Table schema (may be null)"),
          ColumnDescriptor.of("TABLE_NAME", TTypeId.STRING_TYPE, "Table name"),
          ColumnDescriptor.of("COLUMN_NAME", TTypeId.STRING_TYPE, "Column name"),
          ColumnDescriptor.of("KEY_SEQ", TTypeId.INT_TYPE, "Sequence number within primary key"),
          ColumnDescriptor.of("PK_NAME", TTypeId.STRING_TYPE, "Primary key name (may be null)"));

  public GetPrimaryKeys(EngineSession session) {
    super(session, TOperationType.UNKNOWN);
  }

  @Override
  protected ResultSchema schema() {
    return SCHEMA;
  }

  @Override
  protected List<Object[]> rows() {
    return List.of();
  }
}
