package io.sluice.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.protocol.thrift.TColumnDesc;
import io.sluice.protocol.thrift.TGetCatalogsReq;
import io.sluice.protocol.thrift.TGetColumnsReq;
import io.sluice.protocol.thrift.TGetCrossReferenceReq;
import io.sluice.protocol.thrift.TGetFunctionsReq;
import io.sluice.protocol.thrift.TGetPrimaryKeysReq;
import io.sluice.protocol.thrift.TGetResultSetMetadataReq;
import io.sluice.protocol.thrift.TGetSchemasReq;
import io.sluice.protocol.thrift.TGetTableTypesReq;
import io.sluice.protocol.thrift.TGetTablesReq;
import io.sluice.protocol.thrift.TGetTypeInfoReq;
import io.sluice.protocol.thrift.TOperationHandle;
import io.sluice.protocol.thrift.TSessionHandle;
import io.sluice.protocol.thrift.TSparkRowSetType;
import io.sluice.protocol.thrift.TTableSchema;
import io.sluice.protocol.thrift.TTypeId;
import java.sql.Types;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TestMetadata {
  private static TestingEngineClient client;
  private static TSessionHandle session;

  @BeforeAll
  static void createObjects() throws Exception {
    client = TestingEngineProcess.shared().connect();
    session = client.openHiveSession();
    client.run(session, "CREATE DATABASE IF NOT EXISTS metadata_db");
    client.run(session, "DROP TABLE IF EXISTS metadata_db.orders");
    client.run(
        session,
        "CREATE TABLE metadata_db.orders (order_id BIGINT COMMENT 'the key',"
            + " amount DECIMAL(10,2), note STRING, placed TIMESTAMP, flags ARRAY<STRING>)"
            + " USING parquet COMMENT 'all orders'");
    client.run(
        session,
        "CREATE OR REPLACE VIEW metadata_db.big_orders AS"
            + " SELECT * FROM metadata_db.orders WHERE amount > 100");
  }

  @AfterAll
  static void disconnect() throws Exception {
    client.closeSession(session);
    client.close();
  }

  @Test
  void getCatalogsListsTheSessionCatalog() throws Exception {
    Result result =
        result(client.raw().GetCatalogs(new TGetCatalogsReq(session)).getOperationHandle());

    assertThat(result.names()).containsExactly("TABLE_CAT");
    assertThat(result.types()).containsExactly(TTypeId.STRING_TYPE);
    assertThat(result.rows()).containsExactly(List.of("spark_catalog"));
  }

  @Test
  void getSchemasListsDatabasesWithTheirCatalog() throws Exception {
    Result all = result(client.raw().GetSchemas(new TGetSchemasReq(session)).getOperationHandle());
    Result matching =
        result(
            client
                .raw()
                .GetSchemas(new TGetSchemasReq(session).setSchemaName("metadata\\_%"))
                .getOperationHandle());

    assertThat(all.names()).containsExactly("TABLE_SCHEM", "TABLE_CATALOG");
    assertThat(all.types()).containsExactly(TTypeId.STRING_TYPE, TTypeId.STRING_TYPE);
    assertThat(all.rows())
        .contains(
            List.of("default", "spark_catalog"),
            List.of("metadata_db", "spark_catalog"),
            List.of("global_temp", "spark_catalog"));
    assertThat(matching.rows()).containsExactly(List.of("metadata_db", "spark_catalog"));
  }

  @Test
  void getTablesListsACreatedTableAndViewByType() throws Exception {
    Result all =
        result(
            client
                .raw()
                .GetTables(new TGetTablesReq(session).setSchemaName("metadata_db"))
                .getOperationHandle());
    Result viewsOnly =
        result(
            client
                .raw()
                .GetTables(
                    new TGetTablesReq(session)
                        .setCatalogName("spark_catalog")
                        .setSchemaName("metadata%")
                        .setTableName("%")
                        .setTableTypes(List.of("VIEW")))
                .getOperationHandle());
    Result otherCatalog =
        result(
            client
                .raw()
                .GetTables(new TGetTablesReq(session).setCatalogName("other_catalog"))
                .getOperationHandle());

    assertThat(all.names())
        .containsExactly(
            "TABLE_CAT",
            "TABLE_SCHEM",
            "TABLE_NAME",
            "TABLE_TYPE",
            "REMARKS",
            "TYPE_CAT",
            "TYPE_SCHEM",
            "TYPE_NAME",
            "SELF_REFERENCING_COL_NAME",
            "REF_GENERATION");
    assertThat(all.types()).containsOnly(TTypeId.STRING_TYPE);
    assertThat(all.rows())
        .contains(
            Arrays.asList(
                "spark_catalog",
                "metadata_db",
                "orders",
                "TABLE",
                "all orders",
                null,
                null,
                null,
                null,
                null));
    assertThat(viewsOnly.rows()).extracting(row -> row.get(2)).containsExactly("big_orders");
    assertThat(viewsOnly.rows()).extracting(row -> row.get(3)).containsExactly("VIEW");
    assertThat(otherCatalog.rows()).isEmpty();
  }

  @Test
  void getTableTypesListsTableAndView() throws Exception {
    Result result =
        result(client.raw().GetTableTypes(new TGetTableTypesReq(session)).getOperationHandle());

    assertThat(result.names()).containsExactly("TABLE_TYPE");
    assertThat(result.rows()).containsExactly(List.of("TABLE"), List.of("VIEW"));
  }

  @Test
  void getColumnsDescribesEachColumnLikeSparkThriftServer() throws Exception {
    Result result =
        result(
            client
                .raw()
                .GetColumns(
                    new TGetColumnsReq(session)
                        .setSchemaName("metadata_db")
                        .setTableName("orders")
                        .setColumnName("%"))
                .getOperationHandle());
    Result oneColumn =
        result(
            client
                .raw()
                .GetColumns(
                    new TGetColumnsReq(session)
                        .setSchemaName("metadata_db")
                        .setTableName("ord_rs")
                        .setColumnName("AMOUNT"))
                .getOperationHandle());

    assertThat(result.names())
        .containsExactly(
            "TABLE_CAT",
            "TABLE_SCHEM",
            "TABLE_NAME",
            "COLUMN_NAME",
            "DATA_TYPE",
            "TYPE_NAME",
            "COLUMN_SIZE",
            "BUFFER_LENGTH",
            "DECIMAL_DIGITS",
            "NUM_PREC_RADIX",
            "NULLABLE",
            "REMARKS",
            "COLUMN_DEF",
            "SQL_DATA_TYPE",
            "SQL_DATETIME_SUB",
            "CHAR_OCTET_LENGTH",
            "ORDINAL_POSITION",
            "IS_NULLABLE",
            "SCOPE_CATALOG",
            "SCOPE_SCHEMA",
            "SCOPE_TABLE",
            "SOURCE_DATA_TYPE",
            "IS_AUTO_INCREMENT");
    assertThat(result.types())
        .containsExactly(
            TTypeId.STRING_TYPE,
            TTypeId.STRING_TYPE,
            TTypeId.STRING_TYPE,
            TTypeId.STRING_TYPE,
            TTypeId.INT_TYPE,
            TTypeId.STRING_TYPE,
            TTypeId.INT_TYPE,
            TTypeId.TINYINT_TYPE,
            TTypeId.INT_TYPE,
            TTypeId.INT_TYPE,
            TTypeId.INT_TYPE,
            TTypeId.STRING_TYPE,
            TTypeId.STRING_TYPE,
            TTypeId.INT_TYPE,
            TTypeId.INT_TYPE,
            TTypeId.INT_TYPE,
            TTypeId.INT_TYPE,
            TTypeId.STRING_TYPE,
            TTypeId.STRING_TYPE,
            TTypeId.STRING_TYPE,
            TTypeId.STRING_TYPE,
            TTypeId.SMALLINT_TYPE,
            TTypeId.STRING_TYPE);
    assertThat(result.rows()).hasSize(5);
    // Spark stores data source table columns as nullable, whatever the DDL said.
    assertThat(result.rows().get(0))
        .containsExactly(
            "spark_catalog",
            "metadata_db",
            "orders",
            "order_id",
            Types.BIGINT,
            "BIGINT",
            8,
            null,
            0,
            10,
            1,
            "the key",
            null,
            null,
            null,
            null,
            0,
            "YES",
            null,
            null,
            null,
            null,
            "NO");
    assertThat(result.rows().get(1).subList(3, 18))
        .containsExactly(
            "amount",
            Types.DECIMAL,
            "DECIMAL(10,2)",
            8,
            null,
            2,
            10,
            1,
            "",
            null,
            null,
            null,
            null,
            1,
            "YES");
    assertThat(result.rows())
        .extracting(row -> row.get(3), row -> row.get(4), row -> row.get(16))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("order_id", Types.BIGINT, 0),
            org.assertj.core.groups.Tuple.tuple("amount", Types.DECIMAL, 1),
            org.assertj.core.groups.Tuple.tuple("note", Types.VARCHAR, 2),
            org.assertj.core.groups.Tuple.tuple("placed", Types.TIMESTAMP, 3),
            org.assertj.core.groups.Tuple.tuple("flags", Types.ARRAY, 4));
    assertThat(oneColumn.rows()).extracting(row -> row.get(3)).containsExactly("amount");
  }

  @Test
  void getColumnsReportsTemporaryViewsAndNonNullableColumns() throws Exception {
    client.run(session, "CREATE OR REPLACE TEMPORARY VIEW session_numbers AS SELECT 7L AS seven");

    Result result =
        result(
            client
                .raw()
                .GetColumns(new TGetColumnsReq(session).setTableName("session\\_numbers"))
                .getOperationHandle());

    assertThat(result.rows()).hasSize(1);
    List<Object> row = result.rows().get(0);
    assertThat(Arrays.asList(row.get(1), row.get(3), row.get(10), row.get(17)))
        .containsExactly(null, "seven", 0, "NO");
  }

  @Test
  void getTypeInfoListsSparkTypes() throws Exception {
    Result result =
        result(client.raw().GetTypeInfo(new TGetTypeInfoReq(session)).getOperationHandle());

    assertThat(result.names())
        .startsWith("TYPE_NAME", "DATA_TYPE", "PRECISION")
        .endsWith("NUM_PREC_RADIX")
        .hasSize(18);
    assertThat(result.types().subList(6, 10))
        .containsExactly(
            TTypeId.SMALLINT_TYPE,
            TTypeId.BOOLEAN_TYPE,
            TTypeId.SMALLINT_TYPE,
            TTypeId.BOOLEAN_TYPE);
    assertThat(result.rows()).hasSize(20);
    assertThat(result.rows())
        .filteredOn(row -> row.get(0).equals("DECIMAL"))
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.get(1)).isEqualTo(Types.DECIMAL);
              assertThat(row.get(2)).isEqualTo(38);
              assertThat(row.get(17)).isEqualTo(10);
            });
  }

  @Test
  void getFunctionsFindsBuiltInFunctions() throws Exception {
    Result result =
        result(
            client
                .raw()
                .GetFunctions(new TGetFunctionsReq(session, "substr%").setSchemaName("default"))
                .getOperationHandle());

    assertThat(result.names())
        .containsExactly(
            "FUNCTION_CAT",
            "FUNCTION_SCHEM",
            "FUNCTION_NAME",
            "REMARKS",
            "FUNCTION_TYPE",
            "SPECIFIC_NAME");
    assertThat(result.types().get(4)).isEqualTo(TTypeId.INT_TYPE);
    assertThat(result.rows()).extracting(row -> row.get(2)).contains("substr", "substring");
    assertThat(result.rows()).extracting(row -> row.get(1)).containsOnly("default");
  }

  @Test
  void primaryAndForeignKeysAreEmptyWithHiveSchemas() throws Exception {
    Result primaryKeys =
        result(
            client
                .raw()
                .GetPrimaryKeys(
                    new TGetPrimaryKeysReq(session)
                        .setSchemaName("metadata_db")
                        .setTableName("orders"))
                .getOperationHandle());
    Result crossReference =
        result(
            client
                .raw()
                .GetCrossReference(new TGetCrossReferenceReq(session))
                .getOperationHandle());

    assertThat(primaryKeys.names())
        .containsExactly(
            "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "KEY_SEQ", "PK_NAME");
    assertThat(primaryKeys.types().get(4)).isEqualTo(TTypeId.INT_TYPE);
    assertThat(primaryKeys.rows()).isEmpty();
    assertThat(crossReference.names()).hasSize(14).contains("PKTABLE_NAME", "FKCOLUMN_NAME");
    assertThat(crossReference.rows()).isEmpty();
  }

  @Test
  void databricksSessionsGetTheColumnarResultFormat() throws Exception {
    TSessionHandle databricks = client.openDatabricksSession();
    TOperationHandle catalogs =
        client
            .raw()
            .GetCatalogs(new TGetCatalogsReq(databricks).setRunAsync(true))
            .getOperationHandle();
    client.awaitTerminal(catalogs, TestingEngineClient.seconds(30));

    assertThat(
            client
                .raw()
                .GetResultSetMetadata(new TGetResultSetMetadataReq(catalogs))
                .getResultFormat())
        .isEqualTo(TSparkRowSetType.COLUMN_BASED_SET);
    assertThat(
            client
                .raw()
                .GetResultSetMetadata(
                    new TGetResultSetMetadataReq(
                        client
                            .raw()
                            .GetCatalogs(new TGetCatalogsReq(session))
                            .getOperationHandle()))
                .isSetResultFormat())
        .isFalse();
    client.closeSession(databricks);
  }

  private record Result(TTableSchema schema, List<List<Object>> rows) {
    List<String> names() {
      return schema.getColumns().stream().map(TColumnDesc::getColumnName).toList();
    }

    List<TTypeId> types() {
      return schema.getColumns().stream()
          .map(column -> column.getTypeDesc().getTypes().get(0).getPrimitiveEntry().getType())
          .toList();
    }
  }

  private static Result result(TOperationHandle operation) throws Exception {
    client.awaitTerminal(operation, TestingEngineClient.seconds(60));
    return new Result(client.schema(operation), client.fetchAll(operation));
  }
}
