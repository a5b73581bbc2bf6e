package io.sluice.engine.operation;

import io.sluice.engine.session.EngineSession;
import io.sluice.protocol.rowset.ColumnDescriptor;
import io.sluice.protocol.rowset.ResultSchema;
import io.sluice.protocol.thrift.TOperationType;
import io.sluice.protocol.thrift.TTypeId;
import java.util.List;

/** GetTableTypes: TABLE and VIEW, the types GetTables reports. */
public final class GetTableTypes extends MetadataOperation {
  static final ResultSchema SCHEMA =
      ResultSchema.of(ColumnDescriptor.of("TABLE_TYPE", TTypeId.STRING_TYPE, "Table type name."));

  public GetTableTypes(EngineSession session) {
    super(session, TOperationType.GET_TABLE_TYPES);
  }

  @Override
  protected ResultSchema schema() {
    return SCHEMA;
  }

  @Override
  protected List<Object[]> rows() {
    return List.of(new Object[] {"TABLE"}, new Object[] {"VIEW"});
  }
}
