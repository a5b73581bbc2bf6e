package io.sluice.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.protocol.thrift.TColumnDesc;
import io.sluice.protocol.thrift.TFetchOrientation;
import io.sluice.protocol.thrift.TGetOperationStatusReq;
import io.sluice.protocol.thrift.TOperationHandle;
import io.sluice.protocol.thrift.TPrimitiveTypeEntry;
import io.sluice.protocol.thrift.TSessionHandle;
import io.sluice.protocol.thrift.TTableSchema;
import io.sluice.protocol.thrift.TTypeId;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TestDataTypes {
  private static TestingEngineClient client;
  private static TSessionHandle session;

  @BeforeAll
  static void createTable() throws Exception {
    client = TestingEngineProcess.shared().connect();
    session = client.openHiveSession();
    client.run(session, "DROP TABLE IF EXISTS all_types");
    client.run(
        session,
        "CREATE TABLE all_types (c_boolean BOOLEAN, c_tinyint TINYINT, c_smallint SMALLINT,"
            + " c_int INT, c_bigint BIGINT, c_float FLOAT, c_double DOUBLE,"
            + " c_decimal DECIMAL(38,10), c_string STRING, c_binary BINARY, c_date DATE,"
            + " c_timestamp TIMESTAMP, c_array ARRAY<INT>, c_map MAP<STRING, INT>,"
            + " c_struct STRUCT<a: INT, b: STRING>) USING parquet");
  }

  @AfterAll
  static void disconnect() throws Exception {
    client.closeSession(session);
    client.close();
  }

  @Test
  void everyTypeRoundTripsWithSparkThriftServerValuesAndTypeIds() throws Exception {
    TOperationHandle insert =
        client.run(
            session,
            "INSERT INTO all_types VALUES (true, -7Y, 300S, 70000, 9000000000L,"
                + " CAST(1.1 AS FLOAT), 2.25,"
                + " CAST('12345678901234567890.0123456789' AS DECIMAL(38,10)), 'héllo', X'CAFE',"
                + " DATE'2024-02-29', TIMESTAMP'2024-02-29 13:45:56.123456', array(1, 2, NULL),"
                + " map('k', 1), named_struct('a', 1, 'b', 'x')),"
                + " (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,"
                + " NULL, NULL)");
    assertThat(
            client
                .raw()
                .GetOperationStatus(new TGetOperationStatusReq(insert))
                .getNumModifiedRows())
        .isEqualTo(2);

    TOperationHandle select =
        client.run(session, "SELECT * FROM all_types ORDER BY c_int NULLS LAST");
    TTableSchema schema = client.schema(select);
    List<List<Object>> rows = client.fetchAll(select);

    assertThat(schema.getColumns())
        .extracting(TColumnDesc::getColumnName)
        .containsExactly(
            "c_boolean",
            "c_tinyint",
            "c_smallint",
            "c_int",
            "c_bigint",
            "c_float",
            "c_double",
            "c_decimal",
            "c_string",
            "c_binary",
            "c_date",
            "c_timestamp",
            "c_array",
            "c_map",
            "c_struct");
    assertThat(schema.getColumns())
        .extracting(column -> primitive(column).getType())
        .containsExactly(
            TTypeId.BOOLEAN_TYPE,
            TTypeId.TINYINT_TYPE,
            TTypeId.SMALLINT_TYPE,
            TTypeId.INT_TYPE,
            TTypeId.BIGINT_TYPE,
            TTypeId.FLOAT_TYPE,
            TTypeId.DOUBLE_TYPE,
            TTypeId.DECIMAL_TYPE,
            TTypeId.STRING_TYPE,
            TTypeId.BINARY_TYPE,
            TTypeId.DATE_TYPE,
            TTypeId.TIMESTAMP_TYPE,
            TTypeId.ARRAY_TYPE,
            TTypeId.MAP_TYPE,
            TTypeId.STRUCT_TYPE);
    assertThat(schema.getColumns()).extracting(TColumnDesc::getPosition).startsWith(1, 2, 3);
    TPrimitiveTypeEntry decimal = primitive(schema.getColumns().get(7));
    assertThat(decimal.getTypeQualifiers().getQualifiers().get("precision").getI32Value())
        .isEqualTo(38);
    assertThat(decimal.getTypeQualifiers().getQualifiers().get("scale").getI32Value())
        .isEqualTo(10);

    assertThat(rows).hasSize(2);
    List<Object> values = rows.get(0);
    assertThat(values.subList(0, 9))
        .containsExactly(
            true,
            (byte) -7,
            (short) 300,
            70000,
            9000000000L,
            1.1d,
            2.25d,
            "12345678901234567890.0123456789",
            "héllo");
    assertThat((byte[]) values.get(9)).containsExactly((byte) 0xCA, (byte) 0xFE);
    assertThat(values.subList(10, 15))
        .containsExactly(
            "2024-02-29",
            "2024-02-29 13:45:56.123456",
            "[1,2,null]",
            "{\"k\":1}",
            "{\"a\":1,\"b\":\"x\"}");
    assertThat(rows.get(1)).containsOnlyNulls().hasSize(15);
  }

  @Test
  void typesWithoutATableColumnAreDescribedLikeSparkThriftServer() throws Exception {
    TOperationHandle select =
        client.run(
            session,
            "SELECT NULL AS n, TIMESTAMP_NTZ'2024-01-02 03:04:05' AS ntz,"
                + " INTERVAL '1-2' YEAR TO MONTH AS year_month,"
                + " INTERVAL '3 04:05:06' DAY TO SECOND AS day_time, CAST(1.5 AS DECIMAL(5,2)) AS d");

    TTableSchema schema = client.schema(select);
    List<List<Object>> rows = client.fetchAll(select);

    assertThat(schema.getColumns())
        .extracting(column -> primitive(column).getType())
        .containsExactly(
            TTypeId.NULL_TYPE,
            TTypeId.TIMESTAMP_TYPE,
            TTypeId.INTERVAL_YEAR_MONTH_TYPE,
            TTypeId.INTERVAL_DAY_TIME_TYPE,
            TTypeId.DECIMAL_TYPE);
    assertThat(rows)
        .containsExactly(
            Arrays.asList(null, "2024-01-02 03:04:05", "1-2", "3 04:05:06.000000000", "1.50"));
  }

  @Test
  void statementsWithoutOutputDescribeOneResultColumnAndNoRows() throws Exception {
    TOperationHandle create =
        client.run(session, "CREATE TABLE IF NOT EXISTS no_output_example (id INT) USING parquet");

    TTableSchema schema = client.schema(create);

    assertThat(schema.getColumns())
        .extracting(TColumnDesc::getColumnName)
        .containsExactly("Result");
    assertThat(primitive(schema.getColumns().get(0)).getType()).isEqualTo(TTypeId.STRING_TYPE);
    assertThat(
            RowSetReader.rows(client.fetch(create, TFetchOrientation.FETCH_NEXT, 100).getResults()))
        .isEmpty();
  }

  private static TPrimitiveTypeEntry primitive(TColumnDesc column) {
    return column.getTypeDesc().getTypes().get(0).getPrimitiveEntry();
  }
}
