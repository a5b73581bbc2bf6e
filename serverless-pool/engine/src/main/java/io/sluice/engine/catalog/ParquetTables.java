package io.sluice.engine.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.execution.datasources.parquet.ParquetFileFormat;
import org.apache.spark.sql.execution.datasources.v2.parquet.ParquetTable;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;
import scala.Option;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Managed Parquet tables: a directory of Parquet files at the location governance assigned, read
 * and written by Spark's own Parquet source with the columns governance records (a file written
 * before a column was added reads that column as NULL).
 */
final class ParquetTables {
  static final String FORMAT = "PARQUET";

  private ParquetTables() {}

  /** The table described by governance's {@code definition}, as Spark's Parquet table. */
  static Table load(String fullName, JsonNode definition) {
    String location = definition.get("storage_location").asText();
    return new ParquetTable(
        fullName,
        SparkSession.active(),
        new CaseInsensitiveStringMap(Map.of()),
        CollectionConverters.asScala(List.of(location)).toSeq(),
        Option.apply(schema(definition.path("columns"))),
        ParquetFileFormat.class);
  }

  /** The schema of governance's column list. */
  static StructType schema(JsonNode columns) {
    StructType schema = new StructType();
    for (JsonNode column : columns) {
      StructField field =
          new StructField(
              column.get("name").asText(),
              DataType.fromDDL(column.get("type_text").asText()),
              column.path("nullable").asBoolean(true),
              Metadata.empty());
      if (column.hasNonNull("comment")) {
        field = field.withComment(column.get("comment").asText());
      }
      schema = schema.add(field);
    }
    return schema;
  }
}
