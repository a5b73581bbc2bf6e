package io.sluice.engine.metadata;

import java.sql.DatabaseMetaData;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * The GetTypeInfo rows: the types Spark's Thrift server lists, with Hive's attributes for each
 * (maximum precision, searchability, signedness and so on).
 */
public final class TypeInfoRows {
  private enum Kind {
    PRIMITIVE,
    COMPLEX
  }

  private record TypeInfo(String name, int javaSqlType, Integer maximumPrecision, Kind kind) {
    boolean numeric() {
      return maximumPrecision != null;
    }
  }

  private static final List<TypeInfo> TYPES =
      List.of(
          new TypeInfo("VOID", Types.NULL, null, Kind.PRIMITIVE),
          new TypeInfo("BOOLEAN", Types.BOOLEAN, null, Kind.PRIMITIVE),
          new TypeInfo("STRING", Types.VARCHAR, null, Kind.PRIMITIVE),
          new TypeInfo("BINARY", Types.BINARY, null, Kind.PRIMITIVE),
          new TypeInfo("TINYINT", Types.TINYINT, 3, Kind.PRIMITIVE),
          new TypeInfo("SMALLINT", Types.SMALLINT, 5, Kind.PRIMITIVE),
          new TypeInfo("INT", Types.INTEGER, 10, Kind.PRIMITIVE),
          new TypeInfo("BIGINT", Types.BIGINT, 19, Kind.PRIMITIVE),
          new TypeInfo("FLOAT", Types.FLOAT, 7, Kind.PRIMITIVE),
          new TypeInfo("DOUBLE", Types.DOUBLE, 15, Kind.PRIMITIVE),
          new TypeInfo("DECIMAL", Types.DECIMAL, 38, Kind.PRIMITIVE),
          new TypeInfo("DATE", Types.DATE, null, Kind.PRIMITIVE),
          new TypeInfo("TIMESTAMP", Types.TIMESTAMP, null, Kind.PRIMITIVE),
          new TypeInfo("ARRAY", Types.ARRAY, null, Kind.COMPLEX),
          new TypeInfo("MAP", Types.JAVA_OBJECT, null, Kind.COMPLEX),
          new TypeInfo("STRUCT", Types.STRUCT, null, Kind.COMPLEX),
          new TypeInfo("CHAR", Types.CHAR, null, Kind.PRIMITIVE),
          new TypeInfo("VARCHAR", Types.VARCHAR, null, Kind.PRIMITIVE),
          new TypeInfo("INTERVAL_YEAR_MONTH", Types.OTHER, null, Kind.PRIMITIVE),
          new TypeInfo("INTERVAL_DAY_TIME", Types.OTHER, null, Kind.PRIMITIVE));

  private TypeInfoRows() {}

  /** One row per type, in the GetTypeInfo column order. */
  public static List<Object[]> rows() {
    List<Object[]> rows = new ArrayList<>(TYPES.size());
    for (TypeInfo type : TYPES) {
      boolean primitive = type.kind() == Kind.PRIMITIVE;
      rows.add(
          new Object[] {
            type.name(), // TYPE_NAME
            type.javaSqlType(), // DATA_TYPE
            type.maximumPrecision(), // PRECISION
            null, // LITERAL_PREFIX
            null, // LITERAL_SUFFIX
            null, // CREATE_PARAMS
            (short) DatabaseMetaData.typeNullable, // NULLABLE
            type.name().equals("STRING"), // CASE_SENSITIVE
            (short) (primitive ? DatabaseMetaData.typeSearchable : DatabaseMetaData.typePredNone),
            !type.numeric(), // UNSIGNED_ATTRIBUTE
            false, // FIXED_PREC_SCALE
            false, // AUTO_INCREMENT
            null, // LOCAL_TYPE_NAME
            (short) 0, // MINIMUM_SCALE
            (short) 0, // MAXIMUM_SCALE
            null, // SQL_DATA_TYPE
            null, // SQL_DATETIME_SUB
            type.numeric() ? 10 : null // NUM_PREC_RADIX
          });
    }
    return rows;
  }
}
