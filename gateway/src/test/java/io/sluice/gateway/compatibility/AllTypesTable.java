package io.sluice.gateway.compatibility;

import static java.util.Objects.requireNonNull;

import io.sluice.gateway.compatibility.CanonicalValues.SparkType;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A table with one column of every Spark type the scenarios cover, three rows (low values, high and
 * empty values, and NULL in every column), and the statements that create, fill and read it.
 *
 * <p>BIGINT values stay within ±(2^53 - 1) so that every client, including JavaScript, carries them
 * exactly; {@link #limitsQuery()} covers the full 64-bit and 38-digit ranges separately.
 */
public record AllTypesTable(String schema) {
  public static final String TABLE = "all_types";

  /** Column names in order, and their Spark types. */
  public static final List<Column> COLUMNS =
      List.of(
          new Column("id", "INT", SparkType.INT),
          new Column("c_tinyint", "TINYINT", SparkType.TINYINT),
          new Column("c_smallint", "SMALLINT", SparkType.SMALLINT),
          new Column("c_int", "INT", SparkType.INT),
          new Column("c_bigint", "BIGINT", SparkType.BIGINT),
          new Column("c_float", "FLOAT", SparkType.FLOAT),
          new Column("c_double", "DOUBLE", SparkType.DOUBLE),
          new Column("c_decimal", "DECIMAL(38,10)", SparkType.DECIMAL),
          new Column("c_string", "STRING", SparkType.STRING),
          new Column("c_binary", "BINARY", SparkType.BINARY),
          new Column("c_date", "DATE", SparkType.DATE),
          new Column("c_timestamp", "TIMESTAMP", SparkType.TIMESTAMP),
          new Column("c_array", "ARRAY<INT>", SparkType.ARRAY),
          new Column("c_map", "MAP<STRING,INT>", SparkType.MAP),
          new Column("c_struct", "STRUCT<a:INT,b:STRING>", SparkType.STRUCT));

  private static final List<String> ROWS =
      List.of(
          "(1, CAST(-128 AS TINYINT), CAST(-32768 AS SMALLINT), -2147483648,"
              + " CAST(-9007199254740991 AS BIGINT), CAST('-1.5' AS FLOAT),"
              + " CAST('0.30000000000000004' AS DOUBLE),"
              + " CAST('-1234567890123456789012345678.0123456789' AS DECIMAL(38,10)),"
              + " 'h\u00e9llo w\u00f6rld \u2713 \u4e16\u754c', X'00FF10',"
              + " DATE'2024-02-29', TIMESTAMP'2024-02-29 12:34:56.789',"
              + " array(1, NULL, 3), map('a', 1, 'b', 2), named_struct('a', 1, 'b', 'x'))",
          "(2, CAST(127 AS TINYINT), CAST(32767 AS SMALLINT), 2147483647,"
              + " CAST(9007199254740991 AS BIGINT), CAST('3.4028235E38' AS FLOAT),"
              + " CAST('1.7976931348623157E308' AS DOUBLE),"
              + " CAST('9999999999999999999999999999.9999999999' AS DECIMAL(38,10)),"
              + " '', X'', DATE'1970-01-01', TIMESTAMP'1999-12-31 23:59:59.123456',"
              + " CAST(array() AS ARRAY<INT>), CAST(map() AS MAP<STRING,INT>),"
              + " named_struct('a', CAST(NULL AS INT), 'b', 'y'))",
          "(NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,"
              + " NULL)");

  public AllTypesTable {
    requireNonNull(schema, "schema is null");
    if (!schema.matches("[a-z_][a-z0-9_]*")) {
      throw new IllegalArgumentException("Schema must be a plain lower-case identifier: " + schema);
    }
  }

  public String qualifiedName() {
    return schema + "." + TABLE;
  }

  /** Drops and recreates the schema and table, then inserts the rows. */
  public List<String> setupStatements() {
    String columns =
        COLUMNS.stream()
            .map(column -> column.name() + " " + column.sqlType())
            .collect(Collectors.joining(", "));
    return List.of(
        "CREATE SCHEMA IF NOT EXISTS " + schema,
        "DROP TABLE IF EXISTS " + qualifiedName(),
        "CREATE TABLE " + qualifiedName() + " (" + columns + ") USING parquet",
        "INSERT INTO " + qualifiedName() + " VALUES " + String.join(", ", ROWS));
  }

  public String dropSchemaStatement() {
    return "DROP SCHEMA IF EXISTS " + schema + " CASCADE";
  }

  /** Every column of every row, NULL row last. */
  public String selectAll() {
    return "SELECT "
        + COLUMNS.stream().map(Column::name).collect(Collectors.joining(", "))
        + " FROM "
        + qualifiedName()
        + " ORDER BY id NULLS LAST";
  }

  public List<SparkType> types() {
    return COLUMNS.stream().map(Column::type).toList();
  }

  public List<String> columnNames() {
    return COLUMNS.stream().map(Column::name).toList();
  }

  public static int rowCount() {
    return ROWS.size();
  }

  /** The 64-bit and 38-digit limits, which JavaScript numbers cannot carry. */
  public static String limitsQuery() {
    return "SELECT CAST(9223372036854775807 AS BIGINT) AS max_bigint,"
        + " CAST(-9223372036854775808 AS BIGINT) AS min_bigint,"
        + " CAST('99999999999999999999999999999999999999' AS DECIMAL(38,0)) AS max_decimal,"
        + " CAST('-0.00000000000000000000000000000000000001' AS DECIMAL(38,38)) AS tiny_decimal";
  }

  public static List<SparkType> limitsTypes() {
    return List.of(SparkType.BIGINT, SparkType.BIGINT, SparkType.DECIMAL, SparkType.DECIMAL);
  }

  /** One column: its name, its type as written in DDL, and how its values are compared. */
  public record Column(String name, String sqlType, SparkType type) {
    public Column {
      requireNonNull(name, "name is null");
      requireNonNull(sqlType, "sqlType is null");
      requireNonNull(type, "type is null");
    }
  }
}
