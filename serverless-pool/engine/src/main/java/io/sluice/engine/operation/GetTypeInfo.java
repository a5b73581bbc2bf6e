package io.sluice.engine.operation;

import io.sluice.engine.metadata.TypeInfoRows;
import io.sluice.engine.session.EngineSession;
import io.sluice.protocol.rowset.ColumnDescriptor;
import io.sluice.protocol.rowset.ResultSchema;
import io.sluice.protocol.thrift.TOperationType;
import io.sluice.protocol.thrift.TTypeId;
import java.util.List;

/** GetTypeInfo: the SQL types Spark supports, with their JDBC attributes. */
public final class GetTypeInfo extends MetadataOperation {
  static final ResultSchema SCHEMA =
      ResultSchema.of(
          ColumnDescriptor.of("TYPE_NAME", TTypeId.STRING_TYPE, "Type name"),
          ColumnDescriptor.of("DATA_TYPE", TTypeId.INT_TYPE, "SQL data type from java.sql.Types"),
          ColumnDescriptor.of("PRECISION", TTypeId.INT_TYPE, "Maximum precision"),
          ColumnDescriptor.of(
              "LITERAL_PREFIX",
              TTypeId.STRING_TYPE,
              "Prefix used to quote a literal (may be null)"),
          ColumnDescriptor.of(
              "LITERAL_SUFFIX",
              TTypeId.STRING_TYPE,
              "Suffix used to quote a literal (may be null)"),
          ColumnDescriptor.of(
              "CREATE_PARAMS",
              TTypeId.STRING_TYPE,
              "Parameters used in creating the type (may be null)"),
          ColumnDescriptor.of("NULLABLE", TTypeId.SMALLINT_TYPE, "Can you use NULL for this type"),
          ColumnDescriptor.of("CASE_SENSITIVE", TTypeId.BOOLEAN_TYPE, "Is it case sensitive"),
          ColumnDescriptor.of(
              "SEARCHABLE", TTypeId.SMALLINT_TYPE, "Can you use \"WHERE\" based on this type"),
          ColumnDescriptor.of("UNSIGNED_ATTRIBUTE", TTypeId.BOOLEAN_TYPE, "Is it unsigned"),
          ColumnDescriptor.of("FIXED_PREC_SCALE", TTypeId.BOOLEAN_TYPE, "Can it be a money value"),
          ColumnDescriptor.of(
              "AUTO_INCREMENT", TTypeId.BOOLEAN_TYPE, "Can it be used for an auto-increment value"),
          ColumnDescriptor.of(
              "LOCAL_TYPE_NAME",
              TTypeId.STRING_TYPE,
              "Localized version of type name (may be null)"),
          ColumnDescriptor.of("MINIMUM_SCALE", TTypeId.SMALLINT_TYPE, "Minimum scale supported"),
          ColumnDescriptor.of("MAXIMUM_SCALE", TTypeId.SMALLINT_TYPE, "Maximum scale supported"),
          ColumnDescriptor.of("SQL_DATA_TYPE", TTypeId.INT_TYPE, "Unused"),
          ColumnDescriptor.of("SQL_DATETIME_SUB", TTypeId.INT_TYPE, "Unused"),
          ColumnDescriptor.of("NUM_PREC_RADIX", TTypeId.INT_TYPE, "Usually 2 or 10"));

  public GetTypeInfo(EngineSession session) {
    super(session, TOperationType.GET_TYPE_INFO);
  }

  @Override
  protected ResultSchema schema() {
    return SCHEMA;
  }

  @Override
  protected List<Object[]> rows() {
    return TypeInfoRows.rows();
  }
}
