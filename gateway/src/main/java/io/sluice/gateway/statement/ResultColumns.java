package io.sluice.gateway.statement;

import io.sluice.protocol.thrift.TColumn;
import io.sluice.protocol.thrift.TColumnDesc;
import io.sluice.protocol.thrift.TPrimitiveTypeEntry;
import io.sluice.protocol.thrift.TRowSet;
import io.sluice.protocol.thrift.TTableSchema;
import io.sluice.protocol.thrift.TTypeDesc;
import io.sluice.protocol.thrift.TTypeEntry;
import io.sluice.protocol.thrift.TTypeId;
import io.sluice.protocol.thrift.TTypeQualifierValue;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Results as the Statement Execution API gives them: the manifest's column descriptions with
 * Databricks' type names, and rows as JSON arrays of strings (null for SQL NULL) read from the
 * engine's column-based row sets.
 */
final class ResultColumns {
  private ResultColumns() {}

  static List<Map<String, Object>> describe(TTableSchema schema) {
    List<Map<String, Object>> columns = new ArrayList<>();
    if (schema == null || !schema.isSetColumns()) {
      return columns;
    }
    for (TColumnDesc column : schema.getColumns()) {
      Map<String, Object> description = new LinkedHashMap<>();
      TTypeId type = typeId(column);
      description.put("name", column.getColumnName());
      description.put("position", columns.size());
      description.put("type_name", typeName(type));
      description.put("type_text", typeText(column, type));
      if (type == TTypeId.DECIMAL_TYPE) {
        qualifier(column, "precision").ifPresent(value -> description.put("type_precision", value));
        qualifier(column, "scale").ifPresent(value -> description.put("type_scale", value));
      }
      columns.add(description);
    }
    return columns;
  }

  /** The rows of a column-based row set as strings, read with the column types of the schema. */
  static List<List<String>> rows(TRowSet rowSet, TTableSchema schema) {
    List<List<String>> rows = new ArrayList<>();
    if (rowSet == null || !rowSet.isSetColumns() || rowSet.getColumns().isEmpty()) {
      return rows;
    }
    List<TColumn> columns = rowSet.getColumns();
    List<List<String>> columnValues = new ArrayList<>();
    for (int index = 0; index < columns.size(); index++) {
      TTypeId type =
          schema != null && index < schema.getColumnsSize()
              ? typeId(schema.getColumns().get(index))
              : TTypeId.STRING_TYPE;
      columnValues.add(strings(columns.get(index), type));
    }
    int rowCount = columnValues.get(0).size();
    for (int row = 0; row < rowCount; row++) {
      List<String> values = new ArrayList<>(columnValues.size());
      for (List<String> column : columnValues) {
        values.add(row < column.size() ? column.get(row) : null);
      }
      rows.add(values);
    }
    return rows;
  }

  private static List<String> strings(TColumn column, TTypeId type) {
    List<String> strings = new ArrayList<>();
    switch (column.getSetField()) {
      case BOOL_VAL ->
          add(strings, column.getBoolVal().getValues(), column.getBoolVal().getNulls());
      case BYTE_VAL ->
          add(strings, column.getByteVal().getValues(), column.getByteVal().getNulls());
      case I16_VAL -> add(strings, column.getI16Val().getValues(), column.getI16Val().getNulls());
      case I32_VAL -> add(strings, column.getI32Val().getValues(), column.getI32Val().getNulls());
      case I64_VAL -> add(strings, column.getI64Val().getValues(), column.getI64Val().getNulls());
      case DOUBLE_VAL -> {
        List<Double> values = column.getDoubleVal().getValues();
        byte[] nulls = column.getDoubleVal().getNulls();
        for (int index = 0; index < values.size(); index++) {
          double value = values.get(index);
          strings.add(
              isNull(nulls, index)
                  ? null
                  : type == TTypeId.FLOAT_TYPE
                      ? Float.toString((float) value)
                      : Double.toString(value));
        }
      }
      case STRING_VAL ->
          add(strings, column.getStringVal().getValues(), column.getStringVal().getNulls());
      case BINARY_VAL -> {
        List<ByteBuffer> values = column.getBinaryVal().getValues();
        byte[] nulls = column.getBinaryVal().getNulls();
        for (int index = 0; index < values.size(); index++) {
          ByteBuffer value = values.get(index).duplicate();
          byte[] bytes = new byte[value.remaining()];
          value.get(bytes);
          strings.add(isNull(nulls, index) ? null : Base64.getEncoder().encodeToString(bytes));
        }
      }
    }
    return strings;
  }

  private static void add(List<String> strings, List<?> values, byte[] nulls) {
    for (int index = 0; index < values.size(); index++) {
      strings.add(isNull(nulls, index) ? null : String.valueOf(values.get(index)));
    }
  }

  /** Bit {@code index} of the null bitmap, least significant bit first. */
  private static boolean isNull(byte[] nulls, int index) {
    int position = index / 8;
    return nulls != null && position < nulls.length && (nulls[position] & (1 << (index % 8))) != 0;
  }

  private static TTypeId typeId(TColumnDesc column) {
    TTypeDesc description = column.getTypeDesc();
    if (description == null || !description.isSetTypes() || description.getTypes().isEmpty()) {
      return TTypeId.STRING_TYPE;
    }
    TTypeEntry entry = description.getTypes().get(0);
    if (entry.isSetPrimitiveEntry()) {
      return entry.getPrimitiveEntry().getType();
    }
    if (entry.isSetArrayEntry()) {
      return TTypeId.ARRAY_TYPE;
    }
    if (entry.isSetMapEntry()) {
      return TTypeId.MAP_TYPE;
    }
    if (entry.isSetStructEntry()) {
      return TTypeId.STRUCT_TYPE;
    }
    return TTypeId.STRING_TYPE;
  }

  private static java.util.Optional<Integer> qualifier(TColumnDesc column, String name) {
    TTypeEntry entry = column.getTypeDesc().getTypes().get(0);
    if (!entry.isSetPrimitiveEntry()) {
      return java.util.Optional.empty();
    }
    TPrimitiveTypeEntry primitive = entry.getPrimitiveEntry();
    if (!primitive.isSetTypeQualifiers()) {
      return java.util.Optional.empty();
    }
    TTypeQualifierValue value = primitive.getTypeQualifiers().getQualifiers().get(name);
    return value != null && value.isSetI32Value()
        ? java.util.Optional.of(value.getI32Value())
        : java.util.Optional.empty();
  }

  /** Databricks' {@code ColumnInfoTypeName} for a protocol type. */
  static String typeName(TTypeId type) {
    return switch (type) {
      case BOOLEAN_TYPE -> "BOOLEAN";
      case TINYINT_TYPE -> "BYTE";
      case SMALLINT_TYPE -> "SHORT";
      case INT_TYPE -> "INT";
      case BIGINT_TYPE -> "LONG";
      case FLOAT_TYPE -> "FLOAT";
      case DOUBLE_TYPE -> "DOUBLE";
      case CHAR_TYPE -> "CHAR";
      case DECIMAL_TYPE -> "DECIMAL";
      case DATE_TYPE -> "DATE";
      case TIMESTAMP_TYPE -> "TIMESTAMP";
      case BINARY_TYPE -> "BINARY";
      case ARRAY_TYPE -> "ARRAY";
      case MAP_TYPE -> "MAP";
      case STRUCT_TYPE -> "STRUCT";
      case INTERVAL_DAY_TIME_TYPE, INTERVAL_YEAR_MONTH_TYPE -> "INTERVAL";
      case NULL_TYPE -> "NULL";
      case USER_DEFINED_TYPE -> "USER_DEFINED_TYPE";
      default -> "STRING";
    };
  }

  private static String typeText(TColumnDesc column, TTypeId type) {
    return switch (type) {
      case TINYINT_TYPE -> "TINYINT";
      case SMALLINT_TYPE -> "SMALLINT";
      case BIGINT_TYPE -> "BIGINT";
      case DECIMAL_TYPE ->
          "DECIMAL("
              + qualifier(column, "precision").orElse(10)
              + ","
              + qualifier(column, "scale").orElse(0)
              + ")";
      case INTERVAL_DAY_TIME_TYPE -> "INTERVAL DAY TO SECOND";
      case INTERVAL_YEAR_MONTH_TYPE -> "INTERVAL YEAR TO MONTH";
      case VARCHAR_TYPE, STRING_TYPE -> "STRING";
      default -> typeName(type);
    };
  }
}
