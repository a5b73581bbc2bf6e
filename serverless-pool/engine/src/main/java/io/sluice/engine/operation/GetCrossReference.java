package io.sluice.engine.operation;

import static io.sluice.protocol.rowset.ColumnDescriptor.of;

import io.sluice.engine.session.EngineSession;
import io.sluice.protocol.rowset.ResultSchema;
import io.sluice.protocol.thrift.TOperationType;
import io.sluice.protocol.thrift.TTypeId;
import java.util.List;

/** GetCrossReference: Spark tables declare no foreign keys, so the result is always empty. */
public final class GetCrossReference extends MetadataOperation {
  static final ResultSchema SCHEMA =
      ResultSchema.of(
          of("PKTABLE_CAT", TTypeId.STRING_TYPE, "Parent key table catalog (may be null)"),
          of("PKTABLE_SCHEM", TTypeId.STRING_TYPE, "Parent key table schema (may be null)"),
          of("PKTABLE_NAME", TTypeId.STRING_TYPE, "Parent Key table name"),
          of("PKCOLUMN_NAME", TTypeId.STRING_TYPE, "Parent Key column name"),
          of("FKTABLE_CAT", TTypeId.STRING_TYPE, "Foreign key table catalog (may be null)"),
          of("FKTABLE_SCHEM", TTypeId.STRING_TYPE, "Foreign key table schema (may be null)"),
          of("FKTABLE_NAME", TTypeId.STRING_TYPE, "Foreign Key table name"),
          of("FKCOLUMN_NAME", TTypeId.STRING_TYPE, "Foreign Key column name"),
          // Hive spells this column KEQ_SEQ; clients read it by position, so the name stays.
          of("KEQ_SEQ", TTypeId.INT_TYPE, "Sequence number within primary key"),
          of(
              "UPDATE_RULE",
              TTypeId.INT_TYPE,
              "What happens to foreign key when parent key is updated"),
          of(
              "DELETE_RULE",
              TTypeId.INT_TYPE,
              "What happens to foreign key when parent key is deleted"),
          of("FK_NAME", TTypeId.STRING_TYPE, "Foreign key name (may be null)"),
          of("PK_NAME", TTypeId.STRING_TYPE, "Primary key name (may be null)"),
          of(
              "DEFERRABILITY",
              TTypeId.INT_TYPE,
              "Can the evaluation of foreign key constraints be deferred until commit"));

  public GetCrossReference(EngineSession session) {
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
