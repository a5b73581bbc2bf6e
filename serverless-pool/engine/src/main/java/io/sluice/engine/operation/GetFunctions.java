package io.sluice.engine.operation;

import io.sluice.engine.metadata.CatalogListing;
import io.sluice.engine.metadata.NamePattern;
import io.sluice.engine.session.EngineSession;
import io.sluice.protocol.rowset.ColumnDescriptor;
import io.sluice.protocol.rowset.ResultSchema;
import io.sluice.protocol.thrift.TOperationType;
import io.sluice.protocol.thrift.TTypeId;
import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.catalyst.FunctionIdentifier;
import org.apache.spark.sql.catalyst.catalog.SessionCatalog;
import org.apache.spark.sql.catalyst.expressions.ExpressionInfo;
import scala.Tuple2;
import scala.jdk.javaapi.CollectionConverters;

/** GetFunctions: built-in, temporary and permanent functions visible in each matching database. */
public final class GetFunctions extends MetadataOperation {
  static final ResultSchema SCHEMA =
      ResultSchema.of(
          ColumnDescriptor.of(
              "FUNCTION_CAT", TTypeId.STRING_TYPE, "Function catalog (may be null)"),
          ColumnDescriptor.of(
              "FUNCTION_SCHEM", TTypeId.STRING_TYPE, "Function schema (may be null)"),
          ColumnDescriptor.of(
              "FUNCTION_NAME",
              TTypeId.STRING_TYPE,
              "Function name. This is the name used to invoke the function"),
          ColumnDescriptor.of(
              "REMARKS", TTypeId.STRING_TYPE, "Explanatory comment on the function"),
          ColumnDescriptor.of("FUNCTION_TYPE", TTypeId.INT_TYPE, "Kind of function."),
          ColumnDescriptor.of(
              "SPECIFIC_NAME",
              TTypeId.STRING_TYPE,
              "The name which uniquely identifies this function within its schema"));

  private final String catalogName;
  private final String schemaPattern;
  private final String functionPattern;

  public GetFunctions(
      EngineSession session, String catalogName, String schemaPattern, String functionPattern) {
    super(session, TOperationType.GET_FUNCTIONS);
    this.catalogName = catalogName;
    this.schemaPattern = schemaPattern;
    this.functionPattern = functionPattern;
  }

  @Override
  protected ResultSchema schema() {
    return SCHEMA;
  }

  @Override
  protected List<Object[]> rows() {
    List<Object[]> rows = new ArrayList<>();
    if (!CatalogListing.selectsSessionCatalog(catalogName)) {
      return rows;
    }
    SessionCatalog catalog = session().spark().sessionState().catalog();
    NamePattern functions = NamePattern.of(functionPattern);
    for (String database : catalog().databases(NamePattern.of(schemaPattern))) {
      for (Tuple2<FunctionIdentifier, String> listed :
          CollectionConverters.asJava(catalog.listFunctions(database, "*"))) {
        FunctionIdentifier function = listed._1();
        if (!functions.matches(function.funcName())) {
          continue;
        }
        ExpressionInfo info;
        try {
          info = catalog.lookupFunctionInfo(function);
        } catch (Exception unavailable) {
          continue;
        }
        rows.add(
            new Object[] {
              CatalogListing.CATALOG_NAME,
              database,
              function.funcName(),
              "Usage: " + info.getUsage() + "\nExtended Usage:" + info.getExtended(),
              DatabaseMetaData.functionResultUnknown,
              info.getClassName()
            });
      }
    }
    return rows;
  }
}
