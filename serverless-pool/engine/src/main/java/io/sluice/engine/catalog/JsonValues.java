package io.sluice.engine.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.util.ArrayBasedMapData;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampType;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * JSON values as the gateway sends relation rows, in Spark's internal form: timestamps and dates as
 * ISO-8601 text, structs (rows too) as arrays of their fields' values, maps as objects.
 */
final class JsonValues {
  private JsonValues() {}

  static Object toCatalyst(JsonNode value, DataType type) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return null;
    }
    if (type instanceof StringType) {
      return UTF8String.fromString(value.asText());
    }
    if (type instanceof IntegerType) {
      return value.asInt();
    }
    if (type instanceof LongType) {
      return value.asLong();
    }
    if (type instanceof BooleanType) {
      return value.asBoolean();
    }
    if (type instanceof TimestampType) {
      return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.parse(value.asText()));
    }
    if (type instanceof DateType) {
      return (int) LocalDate.parse(value.asText()).toEpochDay();
    }
    if (type instanceof StructType struct) {
      Object[] fields = new Object[struct.fields().length];
      for (int index = 0; index < fields.length; index++) {
        fields[index] = toCatalyst(value.get(index), struct.fields()[index].dataType());
      }
      return new GenericInternalRow(fields);
    }
    if (type instanceof MapType map) {
      List<Object> keys = new ArrayList<>();
      List<Object> values = new ArrayList<>();
      Iterator<Map.Entry<String, JsonNode>> entries = value.fields();
      while (entries.hasNext()) {
        Map.Entry<String, JsonNode> entry = entries.next();
        keys.add(UTF8String.fromString(entry.getKey()));
        values.add(toCatalyst(entry.getValue(), map.valueType()));
      }
      return new ArrayBasedMapData(
          new GenericArrayData(keys.toArray()), new GenericArrayData(values.toArray()));
    }
    throw new IllegalArgumentException("Relations of the gateway have no columns of type " + type);
  }
}
