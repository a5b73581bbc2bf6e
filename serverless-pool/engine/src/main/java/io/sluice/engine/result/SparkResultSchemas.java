package io.sluice.engine.result;

import io.sluice.protocol.rowset.ColumnDescriptor;
import io.sluice.protocol.rowset.ResultSchema;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.catalyst.util.CharVarcharUtils;
import org.apache.spark.sql.types.CharType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.VarcharType;

/**
 * Describes a Spark result schema as Thrift columns, like Spark's Thrift server: char/varchar
 * columns keep their declared length, decimals carry precision and scale, and a statement without
 * output columns (DDL, most commands) is described as one string column named {@code Result}.
 */
public final class SparkResultSchemas {
  private SparkResultSchemas() {}

  /** The schema a statement result with {@code schema} is sent with. */
  public static StructType effectiveSchema(StructType schema) {
    if (schema.fields().length == 0) {
      return new StructType().add("Result", DataTypes.StringType);
    }
    return schema;
  }

  public static ResultSchema describe(StructType schema) {
    StructType raw = CharVarcharUtils.getRawSchema(schema);
    List<ColumnDescriptor> columns = new ArrayList<>(raw.fields().length);
    for (StructField field : raw.fields()) {
      columns.add(describe(field));
    }
    return new ResultSchema(columns);
  }

  private static ColumnDescriptor describe(StructField field) {
    DataType type = field.dataType();
    String comment = field.getComment().isDefined() ? field.getComment().get() : "";
    if (type instanceof DecimalType decimal) {
      return ColumnDescriptor.decimal(field.name(), decimal.precision(), decimal.scale(), comment);
    }
    if (type instanceof CharType || type instanceof VarcharType) {
      return ColumnDescriptor.characters(
          field.name(), SparkTypeIds.of(type), type.defaultSize(), comment);
    }
    return ColumnDescriptor.of(field.name(), SparkTypeIds.of(type), comment);
  }
}
