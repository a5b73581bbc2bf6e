package io.sluice.engine.operation;

import static io.sluice.protocol.rowset.ColumnDescriptor.of;

import io.sluice.engine.metadata.CatalogListing;
import io.sluice.engine.metadata.CatalogListing.ListedTable;
import io.sluice.engine.metadata.NamePattern;
import io.sluice.engine.metadata.SparkColumnFacts;
import io.sluice.engine.session.EngineSession;
import io.sluice.protocol.rowset.ResultSchema;
import io.sluice.protocol.thrift.TOperationType;
import io.sluice.protocol.thrift.TTypeId;
import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.catalyst.util.CharVarcharUtils;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * GetColumns: one row per matching column, with Spark's Thrift server's conventions: DATA_TYPE,
 * COLUMN_SIZE, DECIMAL_DIGITS, NUM_PREC_RADIX, NULLABLE and ORDINAL_POSITION are INT, and
 * ORDINAL_POSITION counts from 0.
 */
public final class GetColumns extends MetadataOperation {
  static final ResultSchema SCHEMA =
      ResultSchema.of(
          of("TABLE_CAT", TTypeId.STRING_TYPE, "Catalog name. NULL if not applicable"),
          of("TABLE_SCHEM", TTypeId.STRING_TYPE, "Schema name"),
          of("TABLE_NAME", TTypeId.STRING_TYPE, "Table name"),
          of("COLUMN_NAME", TTypeId.STRING_TYPE, "Column name"),
          of("DATA_TYPE", TTypeId.INT_TYPE, "SQL type from java.sql.Types"),
          of("TYPE_NAME", TTypeId.STRING_TYPE, "Data source dependent type name"),
          of("COLUMN_SIZE", TTypeId.INT_TYPE, "Column size"),
          of("BUFFER_LENGTH", TTypeId.TINYINT_TYPE, "Unused"),
          of("DECIMAL_DIGITS", TTypeId.INT_TYPE, "The number of fractional digits"),
          of("NUM_PREC_RADIX", TTypeId.INT_TYPE, "Radix (typically either 10 or 2)"),
          of("NULLABLE", TTypeId.INT_TYPE, "Is NULL allowed"),
          of("REMARKS", TTypeId.STRING_TYPE, "Comment describing column (may be null)"),
          of("COLUMN_DEF", TTypeId.STRING_TYPE, "Default value (may be null)"),
          of("SQL_DATA_TYPE", TTypeId.INT_TYPE, "Unused"),
          of("SQL_DATETIME_SUB", TTypeId.INT_TYPE, "Unused"),
          of("CHAR_OCTET_LENGTH", TTypeId.INT_TYPE, "For char types the maximum number of bytes"),
          of("ORDINAL_POSITION", TTypeId.INT_TYPE, "Index of column in table (starting at 0)"),
          of("IS_NULLABLE", TTypeId.STRING_TYPE, "\"NO\" when the column cannot hold NULL"),
          of("SCOPE_CATALOG", TTypeId.STRING_TYPE, "Unused"),
          of("SCOPE_SCHEMA", TTypeId.STRING_TYPE, "Unused"),
          of("SCOPE_TABLE", TTypeId.STRING_TYPE, "Unused"),
          of("SOURCE_DATA_TYPE", TTypeId.SMALLINT_TYPE, "Unused"),
          of(
              "IS_AUTO_INCREMENT",
              TTypeId.STRING_TYPE,
              "Indicates whether this column is auto incremented."));

  private final String catalogName;
  private final String schemaPattern;
  private final String tablePattern;
  private final String columnPattern;

  public GetColumns(
      EngineSession session,
      String catalogName,
      String schemaPattern,
      String tablePattern,
      String columnPattern) {
    super(session, TOperationType.GET_COLUMNS);
    this.catalogName = catalogName;
    this.schemaPattern = schemaPattern;
    this.tablePattern = tablePattern;
    this.columnPattern = columnPattern;
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
    NamePattern columns = NamePattern.of(columnPattern);
    for (ListedTable table :
        catalog().tables(NamePattern.of(schemaPattern), NamePattern.of(tablePattern))) {
      StructType schema = CharVarcharUtils.getRawSchema(table.table().schema());
      StructField[] fields = schema.fields();
      for (int position = 0; position < fields.length; position++) {
        StructField field = fields[position];
        if (columns.matches(field.name())) {
          rows.add(row(table, field, position));
        }
      }
    }
    return rows;
  }

  private static Object[] row(ListedTable table, StructField field, int position) {
    DataType type = field.dataType();
    return new Object[] {
      CatalogListing.CATALOG_NAME,
      table.database(),
      table.name(),
      field.name(),
      SparkColumnFacts.javaSqlType(type),
      type.sql(),
      SparkColumnFacts.columnSize(type),
      null,
      SparkColumnFacts.decimalDigits(type),
      SparkColumnFacts.numericPrecisionRadix(type),
      field.nullable() ? DatabaseMetaData.columnNullable : DatabaseMetaData.columnNoNulls,
      field.getComment().isDefined() ? field.getComment().get() : "",
      null,
      null,
      null,
      null,
      position,
      field.nullable() ? "YES" : "NO",
      null,
      null,
      null,
      null,
      "NO"
    };
  }
}
