package io.sluice.engine.result;

import io.sluice.protocol.thrift.TExecuteStatementReq;
import io.sluice.protocol.thrift.TSparkArrowTypes;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;

/**
 * What a client said about reading Arrow results (the Databricks fields {@code canReadArrowResult}
 * and {@code useArrowNativeTypes} of ExecuteStatement), and whether a result of a given schema may
 * therefore be sent as Arrow record batches.
 *
 * <p>A result goes as Arrow only when the client can read Arrow and every column's type is one it
 * takes natively. Numbers, booleans, strings, binary and dates always are; decimals and timestamps
 * only when the client says so. Nested and interval types never are: in the columnar form they
 * travel as the text every client already parses, and sending them natively would change what those
 * clients return. Nor is the NULL type: Arrow Java cannot slice its vectors, which paging needs. A
 * result with any other column is sent in columns, as before.
 */
public record ArrowResultRequest(boolean canReadArrow, boolean timestamps, boolean decimals) {
  public static final ArrowResultRequest NONE = new ArrowResultRequest(false, false, false);

  public static ArrowResultRequest of(TExecuteStatementReq request) {
    if (!request.isCanReadArrowResult()) {
      return NONE;
    }
    TSparkArrowTypes types =
        request.isSetUseArrowNativeTypes() ? request.getUseArrowNativeTypes() : null;
    return new ArrowResultRequest(
        true,
        types != null && types.isTimestampAsArrow(),
        types != null && types.isDecimalAsArrow());
  }

  /** Whether a result with {@code schema} is sent as Arrow. */
  public boolean accepts(StructType schema) {
    if (!canReadArrow || schema.fields().length == 0) {
      return false;
    }
    for (StructField field : schema.fields()) {
      if (!acceptsType(field.dataType())) {
        return false;
      }
    }
    return true;
  }

  private boolean acceptsType(DataType type) {
    if (type instanceof BooleanType
        || type instanceof ByteType
        || type instanceof ShortType
        || type instanceof IntegerType
        || type instanceof LongType
        || type instanceof FloatType
        || type instanceof DoubleType
        || type instanceof StringType
        || type instanceof BinaryType
        || type instanceof DateType) {
      return true;
    }
    if (type instanceof DecimalType) {
      return decimals;
    }
    return (type instanceof TimestampType || type instanceof TimestampNTZType) && timestamps;
  }
}
