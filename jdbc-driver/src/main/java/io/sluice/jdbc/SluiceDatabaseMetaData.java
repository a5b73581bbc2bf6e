package io.sluice.jdbc;

import io.sluice.jdbc.client.Column;
import io.sluice.jdbc.client.HiveServerSession;
import io.sluice.jdbc.client.HiveServerSession.OperationStart;
import io.sluice.protocol.thrift.TGetCatalogsReq;
import io.sluice.protocol.thrift.TGetCatalogsResp;
import io.sluice.protocol.thrift.TGetColumnsReq;
import io.sluice.protocol.thrift.TGetColumnsResp;
import io.sluice.protocol.thrift.TGetCrossReferenceReq;
import io.sluice.protocol.thrift.TGetCrossReferenceResp;
import io.sluice.protocol.thrift.TGetFunctionsReq;
import io.sluice.protocol.thrift.TGetFunctionsResp;
import io.sluice.protocol.thrift.TGetInfoType;
import io.sluice.protocol.thrift.TGetPrimaryKeysReq;
import io.sluice.protocol.thrift.TGetPrimaryKeysResp;
import io.sluice.protocol.thrift.TGetSchemasReq;
import io.sluice.protocol.thrift.TGetSchemasResp;
import io.sluice.protocol.thrift.TGetTableTypesReq;
import io.sluice.protocol.thrift.TGetTableTypesResp;
import io.sluice.protocol.thrift.TGetTablesReq;
import io.sluice.protocol.thrift.TGetTablesResp;
import io.sluice.protocol.thrift.TGetTypeInfoReq;
import io.sluice.protocol.thrift.TGetTypeInfoResp;
import io.sluice.protocol.thrift.TTypeId;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.RowIdLifetime;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What the server holds (catalogs, schemas, tables, columns, types, functions: asked with the
 * HiveServer2 metadata calls) and what it can do. Capabilities answer for Spark SQL: the methods
 * answering {@code false} or {@code 0} after the hand-written ones below are features these servers
 * lack (transactions, stored procedures, updatable results, generated keys...) or limits they do
 * not impose.
 */
final class SluiceDatabaseMetaData implements DatabaseMetaData {
  private final SluiceConnection connection;

  SluiceDatabaseMetaData(SluiceConnection connection) {
    this.connection = connection;
  }

  private ResultSet run(String name, HiveServerSession.MetadataCall call) throws SQLException {
    return run(name, call, rows -> rows);
  }

  private ResultSet run(
      String name,
      HiveServerSession.MetadataCall call,
      SluiceStatement.RowSourceDecorator decorator)
      throws SQLException {
    SluiceStatement statement = (SluiceStatement) connection.createStatement();
    try {
      return statement.metadataResult(connection.session().metadata(name, call), decorator);
    } catch (SQLException e) {
      statement.close();
      throw e;
    }
  }

  private static ResultSet empty(String... columnNames) {
    List<Column> columns = new ArrayList<>();
    for (String name : columnNames) {
      columns.add(Column.of(name, TTypeId.STRING_TYPE));
    }
    return SluiceResultSet.empty(columns);
  }

  @Override
  public ResultSet getCatalogs() throws SQLException {
    return run(
        "GetCatalogs",
        (client, session) -> {
          TGetCatalogsResp response = client.GetCatalogs(new TGetCatalogsReq(session));
          return new OperationStart(response.getStatus(), response.getOperationHandle());
        });
  }

  @Override
  public ResultSet getSchemas() throws SQLException {
    return getSchemas(null, null);
  }

  @Override
  public ResultSet getSchemas(String catalog, String schemaPattern) throws SQLException {
    return run(
        "GetSchemas",
        (client, session) -> {
          TGetSchemasReq request = new TGetSchemasReq(session);
          if (catalog != null) {
            request.setCatalogName(catalog);
          }
          if (schemaPattern != null) {
            request.setSchemaName(schemaPattern);
          }
          TGetSchemasResp response = client.GetSchemas(request);
          return new OperationStart(response.getStatus(), response.getOperationHandle());
        });
  }

  @Override
  public ResultSet getTables(
      String catalog, String schemaPattern, String tableNamePattern, String[] types)
      throws SQLException {
    return run(
        "GetTables",
        (client, session) -> {
          TGetTablesReq request = new TGetTablesReq(session);
          if (catalog != null) {
            request.setCatalogName(catalog);
          }
          request.setSchemaName(schemaPattern == null ? "%" : schemaPattern);
          request.setTableName(tableNamePattern == null ? "%" : tableNamePattern);
          if (types != null) {
            request.setTableTypes(Arrays.asList(types));
          }
          TGetTablesResp response = client.GetTables(request);
          return new OperationStart(response.getStatus(), response.getOperationHandle());
        });
  }

  @Override
  public ResultSet getTableTypes() throws SQLException {
    return run(
        "GetTableTypes",
        (client, session) -> {
          TGetTableTypesResp response = client.GetTableTypes(new TGetTableTypesReq(session));
          return new OperationStart(response.getStatus(), response.getOperationHandle());
        });
  }

  /**
   * Spark-based servers (Spark's Thrift Server, Kyuubi's Spark engine, Sluice) number columns from
   * 0; JDBC numbers them from 1, so ORDINAL_POSITION is shifted for them.
   */
  @Override
  public ResultSet getColumns(
      String catalog, String schemaPattern, String tableNamePattern, String columnNamePattern)
      throws SQLException {
    boolean zeroBased = connection.dbmsName().toLowerCase(Locale.ROOT).contains("spark");
    return run(
        "GetColumns",
        (client, session) -> {
          TGetColumnsReq request = new TGetColumnsReq(session);
          if (catalog != null) {
            request.setCatalogName(catalog);
          }
          request.setSchemaName(schemaPattern == null ? "%" : schemaPattern);
          request.setTableName(tableNamePattern == null ? "%" : tableNamePattern);
          request.setColumnName(columnNamePattern == null ? "%" : columnNamePattern);
          TGetColumnsResp response = client.GetColumns(request);
          return new OperationStart(response.getStatus(), response.getOperationHandle());
        },
        rows -> zeroBased ? new OrdinalShiftingRows(rows, "ORDINAL_POSITION") : rows);
  }

  @Override
  public ResultSet getTypeInfo() throws SQLException {
    return run(
        "GetTypeInfo",
        (client, session) -> {
          TGetTypeInfoResp response = client.GetTypeInfo(new TGetTypeInfoReq(session));
          return new OperationStart(response.getStatus(), response.getOperationHandle());
        });
  }

  @Override
  public ResultSet getFunctions(String catalog, String schemaPattern, String functionNamePattern)
      throws SQLException {
    return run(
        "GetFunctions",
        (client, session) -> {
          TGetFunctionsReq request =
              new TGetFunctionsReq(
                  session, functionNamePattern == null ? "%" : functionNamePattern);
          if (catalog != null) {
            request.setCatalogName(catalog);
          }
          request.setSchemaName(schemaPattern == null ? "%" : schemaPattern);
          TGetFunctionsResp response = client.GetFunctions(request);
          return new OperationStart(response.getStatus(), response.getOperationHandle());
        });
  }

  /** Spark tables declare no keys; a server that cannot answer is taken to have none. */
  @Override
  public ResultSet getPrimaryKeys(String catalog, String schema, String table) throws SQLException {
    try {
      return run(
          "GetPrimaryKeys",
          (client, session) -> {
            TGetPrimaryKeysReq request = new TGetPrimaryKeysReq(session);
            request.setCatalogName(catalog);
            request.setSchemaName(schema);
            request.setTableName(table);
            TGetPrimaryKeysResp response = client.GetPrimaryKeys(request);
            return new OperationStart(response.getStatus(), response.getOperationHandle());
          });
    } catch (SQLException e) {
      if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
        throw e;
      }
      return empty("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "KEY_SEQ", "PK_NAME");
    }
  }

  @Override
  public ResultSet getImportedKeys(String catalog, String schema, String table)
      throws SQLException {
    return crossReference(null, null, null, catalog, schema, table);
  }

  @Override
  public ResultSet getExportedKeys(String catalog, String schema, String table)
      throws SQLException {
    return crossReference(catalog, schema, table, null, null, null);
  }

  @Override
  public ResultSet getCrossReference(
      String parentCatalog,
      String parentSchema,
      String parentTable,
      String foreignCatalog,
      String foreignSchema,
      String foreignTable)
      throws SQLException {
    return crossReference(
        parentCatalog, parentSchema, parentTable, foreignCatalog, foreignSchema, foreignTable);
  }

  /** Spark tables declare no keys; a server that cannot answer is taken to have none. */
  private ResultSet crossReference(
      String parentCatalog,
      String parentSchema,
      String parentTable,
      String foreignCatalog,
      String foreignSchema,
      String foreignTable)
      throws SQLException {
    try {
      return run(
          "GetCrossReference",
          (client, session) -> {
            TGetCrossReferenceReq request = new TGetCrossReferenceReq(session);
            request.setParentCatalogName(parentCatalog);
            request.setParentSchemaName(parentSchema);
            request.setParentTableName(parentTable);
            request.setForeignCatalogName(foreignCatalog);
            request.setForeignSchemaName(foreignSchema);
            request.setForeignTableName(foreignTable);
            TGetCrossReferenceResp response = client.GetCrossReference(request);
            return new OperationStart(response.getStatus(), response.getOperationHandle());
          });
    } catch (SQLException e) {
      if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
        throw e;
      }
      return empty(
          "PKTABLE_CAT",
          "PKTABLE_SCHEM",
          "PKTABLE_NAME",
          "PKCOLUMN_NAME",
          "FKTABLE_CAT",
          "FKTABLE_SCHEM",
          "FKTABLE_NAME",
          "FKCOLUMN_NAME",
          "KEY_SEQ",
          "UPDATE_RULE",
          "DELETE_RULE",
          "FK_NAME",
          "PK_NAME",
          "DEFERRABILITY");
    }
  }

  // Objects these servers do not have: the answers are truthfully empty.

  @Override
  public ResultSet getProcedures(String catalog, String schemaPattern, String procedureNamePattern)
      throws SQLException {
    return empty(
        "PROCEDURE_CAT",
        "PROCEDURE_SCHEM",
        "PROCEDURE_NAME",
        "RESERVED1",
        "RESERVED2",
        "RESERVED3",
        "REMARKS",
        "PROCEDURE_TYPE",
        "SPECIFIC_NAME");
  }

  @Override
  public ResultSet getProcedureColumns(
      String catalog, String schemaPattern, String procedureNamePattern, String columnNamePattern)
      throws SQLException {
    return empty(
        "PROCEDURE_CAT",
        "PROCEDURE_SCHEM",
        "PROCEDURE_NAME",
        "COLUMN_NAME",
        "COLUMN_TYPE",
        "DATA_TYPE",
        "TYPE_NAME",
        "PRECISION",
        "LENGTH",
        "SCALE",
        "RADIX",
        "NULLABLE",
        "REMARKS",
        "COLUMN_DEF",
        "SQL_DATA_TYPE",
        "SQL_DATETIME_SUB",
        "CHAR_OCTET_LENGTH",
        "ORDINAL_POSITION",
        "IS_NULLABLE",
        "SPECIFIC_NAME");
  }

  @Override
  public ResultSet getColumnPrivileges(
      String catalog, String schema, String table, String columnNamePattern) throws SQLException {
    return empty(
        "TABLE_CAT",
        "TABLE_SCHEM",
        "TABLE_NAME",
        "COLUMN_NAME",
        "GRANTOR",
        "GRANTEE",
        "PRIVILEGE",
        "IS_GRANTABLE");
  }

  @Override
  public ResultSet getTablePrivileges(String catalog, String schemaPattern, String tableNamePattern)
      throws SQLException {
    return empty(
        "TABLE_CAT",
        "TABLE_SCHEM",
        "TABLE_NAME",
        "GRANTOR",
        "GRANTEE",
        "PRIVILEGE",
        "IS_GRANTABLE");
  }

  @Override
  public ResultSet getBestRowIdentifier(
      String catalog, String schema, String table, int scope, boolean nullable)
      throws SQLException {
    return empty(
        "SCOPE",
        "COLUMN_NAME",
        "DATA_TYPE",
        "TYPE_NAME",
        "COLUMN_SIZE",
        "BUFFER_LENGTH",
        "DECIMAL_DIGITS",
        "PSEUDO_COLUMN");
  }

  @Override
  public ResultSet getVersionColumns(String catalog, String schema, String table)
      throws SQLException {
    return empty(
        "SCOPE",
        "COLUMN_NAME",
        "DATA_TYPE",
        "TYPE_NAME",
        "COLUMN_SIZE",
        "BUFFER_LENGTH",
        "DECIMAL_DIGITS",
        "PSEUDO_COLUMN");
  }

  @Override
  public ResultSet getIndexInfo(
      String catalog, String schema, String table, boolean unique, boolean approximate)
      throws SQLException {
    return empty(
        "TABLE_CAT",
        "TABLE_SCHEM",
        "TABLE_NAME",
        "NON_UNIQUE",
        "INDEX_QUALIFIER",
        "INDEX_NAME",
        "TYPE",
        "ORDINAL_POSITION",
        "COLUMN_NAME",
        "ASC_OR_DESC",
        "CARDINALITY",
        "PAGES",
        "FILTER_CONDITION");
  }

  @Override
  public ResultSet getUDTs(
      String catalog, String schemaPattern, String typeNamePattern, int[] types)
      throws SQLException {
    return empty(
        "TYPE_CAT", "TYPE_SCHEM", "TYPE_NAME", "CLASS_NAME", "DATA_TYPE", "REMARKS", "BASE_TYPE");
  }

  @Override
  public ResultSet getSuperTypes(String catalog, String schemaPattern, String typeNamePattern)
      throws SQLException {
    return empty(
        "TYPE_CAT",
        "TYPE_SCHEM",
        "TYPE_NAME",
        "SUPERTYPE_CAT",
        "SUPERTYPE_SCHEM",
        "SUPERTYPE_NAME");
  }

  @Override
  public ResultSet getSuperTables(String catalog, String schemaPattern, String tableNamePattern)
      throws SQLException {
    return empty("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "SUPERTABLE_NAME");
  }

  @Override
  public ResultSet getAttributes(
      String catalog, String schemaPattern, String typeNamePattern, String attributeNamePattern)
      throws SQLException {
    return empty(
        "TYPE_CAT",
        "TYPE_SCHEM",
        "TYPE_NAME",
        "ATTR_NAME",
        "DATA_TYPE",
        "ATTR_TYPE_NAME",
        "ATTR_SIZE",
        "DECIMAL_DIGITS",
        "NUM_PREC_RADIX",
        "NULLABLE",
        "REMARKS",
        "ATTR_DEF",
        "SQL_DATA_TYPE",
        "SQL_DATETIME_SUB",
        "CHAR_OCTET_LENGTH",
        "ORDINAL_POSITION",
        "IS_NULLABLE",
        "SCOPE_CATALOG",
        "SCOPE_SCHEMA",
        "SCOPE_TABLE",
        "SOURCE_DATA_TYPE");
  }

  @Override
  public ResultSet getClientInfoProperties() throws SQLException {
    return empty("NAME", "MAX_LEN", "DEFAULT_VALUE", "DESCRIPTION");
  }

  @Override
  public ResultSet getFunctionColumns(
      String catalog, String schemaPattern, String functionNamePattern, String columnNamePattern)
      throws SQLException {
    throw new SQLFeatureNotSupportedException(
        "The HiveServer2 protocol does not describe function parameters");
  }

  @Override
  public ResultSet getPseudoColumns(
      String catalog, String schemaPattern, String tableNamePattern, String columnNamePattern)
      throws SQLException {
    return empty(
        "TABLE_CAT",
        "TABLE_SCHEM",
        "TABLE_NAME",
        "COLUMN_NAME",
        "DATA_TYPE",
        "COLUMN_SIZE",
        "DECIMAL_DIGITS",
        "NUM_PREC_RADIX",
        "COLUMN_USAGE",
        "REMARKS",
        "CHAR_OCTET_LENGTH",
        "IS_NULLABLE");
  }

  // Who and what.

  @Override
  public String getURL() {
    return connection.url();
  }

  @Override
  public String getUserName() {
    return io.sluice.jdbc.client.Credentials.from(connection.config()).user();
  }

  @Override
  public Connection getConnection() {
    return connection;
  }

  @Override
  public String getDatabaseProductName() throws SQLException {
    return connection.dbmsName();
  }

  @Override
  public String getDatabaseProductVersion() throws SQLException {
    return connection.session().info(TGetInfoType.CLI_DBMS_VER);
  }

  @Override
  public int getDatabaseMajorVersion() throws SQLException {
    return versionPart(getDatabaseProductVersion(), 0);
  }

  @Override
  public int getDatabaseMinorVersion() throws SQLException {
    return versionPart(getDatabaseProductVersion(), 1);
  }

  private static int versionPart(String version, int index) {
    String[] parts = version.split("[^0-9]+");
    int seen = 0;
    for (String part : parts) {
      if (part.isEmpty()) {
        continue;
      }
      if (seen++ == index) {
        return Integer.parseInt(part);
      }
    }
    return 0;
  }

  @Override
  public String getDriverName() {
    return SluiceDriver.NAME;
  }

  @Override
  public String getDriverVersion() {
    return SluiceDriver.MAJOR_VERSION + "." + SluiceDriver.MINOR_VERSION;
  }

  @Override
  public int getDriverMajorVersion() {
    return SluiceDriver.MAJOR_VERSION;
  }

  @Override
  public int getDriverMinorVersion() {
    return SluiceDriver.MINOR_VERSION;
  }

  @Override
  public int getJDBCMajorVersion() {
    return 4;
  }

  @Override
  public int getJDBCMinorVersion() {
    return 2;
  }

  @Override
  public int getSQLStateType() {
    return sqlStateSQL;
  }

  // Names and quoting (Spark SQL).

  @Override
  public String getIdentifierQuoteString() {
    return "`";
  }

  @Override
  public String getSearchStringEscape() {
    return "\\";
  }

  @Override
  public String getCatalogSeparator() {
    return ".";
  }

  @Override
  public String getCatalogTerm() {
    return "catalog";
  }

  @Override
  public String getSchemaTerm() {
    return "schema";
  }

  @Override
  public String getProcedureTerm() {
    return "procedure";
  }

  @Override
  public boolean isCatalogAtStart() {
    return true;
  }

  @Override
  public String getExtraNameCharacters() {
    return "";
  }

  @Override
  public String getSQLKeywords() {
    return "CACHE,CLUSTER,DISTRIBUTE,EXPLAIN,LATERAL,LIMIT,MSCK,OPTIMIZE,PIVOT,QUALIFY,REFRESH,"
        + "SORT,TABLESAMPLE,UNCACHE,UNPIVOT,VACUUM";
  }

  @Override
  public String getNumericFunctions() {
    return "ABS,ACOS,ASIN,ATAN,ATAN2,CEILING,COS,COT,DEGREES,EXP,FLOOR,LOG,LOG10,MOD,PI,POWER,"
        + "RADIANS,RAND,ROUND,SIGN,SIN,SQRT,TAN,TRUNCATE";
  }

  @Override
  public String getStringFunctions() {
    return "ASCII,CHAR,CONCAT,LCASE,LEFT,LENGTH,LOCATE,LTRIM,REPEAT,REPLACE,RIGHT,RTRIM,SPACE,"
        + "SUBSTRING,UCASE";
  }

  @Override
  public String getSystemFunctions() {
    return "IFNULL,USER";
  }

  @Override
  public String getTimeDateFunctions() {
    return "CURDATE,CURRENT_DATE,CURRENT_TIMESTAMP,DAYOFMONTH,DAYOFWEEK,DAYOFYEAR,HOUR,MINUTE,"
        + "MONTH,NOW,QUARTER,SECOND,WEEK,YEAR";
  }

  // What Spark SQL does (true) and what it does not (the false answers below).

  @Override
  public boolean storesLowerCaseIdentifiers() {
    return true;
  }

  @Override
  public boolean storesLowerCaseQuotedIdentifiers() {
    return true;
  }

  @Override
  public boolean supportsMixedCaseQuotedIdentifiers() {
    return false;
  }

  @Override
  public boolean nullsAreSortedLow() {
    return true;
  }

  @Override
  public boolean supportsAlterTableWithAddColumn() {
    return true;
  }

  @Override
  public boolean supportsColumnAliasing() {
    return true;
  }

  @Override
  public boolean nullPlusNonNullIsNull() {
    return true;
  }

  @Override
  public boolean supportsTableCorrelationNames() {
    return true;
  }

  @Override
  public boolean supportsExpressionsInOrderBy() {
    return true;
  }

  @Override
  public boolean supportsOrderByUnrelated() {
    return true;
  }

  @Override
  public boolean supportsGroupBy() {
    return true;
  }

  @Override
  public boolean supportsGroupByUnrelated() {
    return true;
  }

  @Override
  public boolean supportsGroupByBeyondSelect() {
    return true;
  }

  @Override
  public boolean supportsLikeEscapeClause() {
    return true;
  }

  @Override
  public boolean supportsNonNullableColumns() {
    return true;
  }

  @Override
  public boolean supportsMinimumSQLGrammar() {
    return true;
  }

  @Override
  public boolean supportsANSI92EntryLevelSQL() {
    return true;
  }

  @Override
  public boolean supportsOuterJoins() {
    return true;
  }

  @Override
  public boolean supportsFullOuterJoins() {
    return true;
  }

  @Override
  public boolean supportsLimitedOuterJoins() {
    return true;
  }

  @Override
  public boolean supportsSchemasInDataManipulation() {
    return true;
  }

  @Override
  public boolean supportsSchemasInTableDefinitions() {
    return true;
  }

  @Override
  public boolean supportsCatalogsInDataManipulation() {
    return true;
  }

  @Override
  public boolean supportsCatalogsInTableDefinitions() {
    return true;
  }

  @Override
  public boolean supportsSubqueriesInComparisons() {
    return true;
  }

  @Override
  public boolean supportsSubqueriesInExists() {
    return true;
  }

  @Override
  public boolean supportsSubqueriesInIns() {
    return true;
  }

  @Override
  public boolean supportsCorrelatedSubqueries() {
    return true;
  }

  @Override
  public boolean supportsUnion() {
    return true;
  }

  @Override
  public boolean supportsUnionAll() {
    return true;
  }

  @Override
  public boolean supportsBatchUpdates() {
    return true;
  }

  @Override
  public boolean supportsResultSetType(int type) {
    return type == ResultSet.TYPE_FORWARD_ONLY;
  }

  @Override
  public boolean supportsResultSetConcurrency(int type, int concurrency) {
    return type == ResultSet.TYPE_FORWARD_ONLY && concurrency == ResultSet.CONCUR_READ_ONLY;
  }

  @Override
  public boolean supportsResultSetHoldability(int holdability) {
    return holdability == ResultSet.CLOSE_CURSORS_AT_COMMIT;
  }

  @Override
  public int getResultSetHoldability() {
    return ResultSet.CLOSE_CURSORS_AT_COMMIT;
  }

  @Override
  public boolean supportsTransactionIsolationLevel(int level) {
    return level == Connection.TRANSACTION_NONE;
  }

  @Override
  public int getDefaultTransactionIsolation() {
    return Connection.TRANSACTION_NONE;
  }

  @Override
  public boolean autoCommitFailureClosesAllResultSets() {
    return false;
  }

  @Override
  public RowIdLifetime getRowIdLifetime() {
    return RowIdLifetime.ROWID_UNSUPPORTED;
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    throw new SQLException("Not a wrapper for " + type.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return type.isInstance(this);
  }

  // Features these servers lack, and limits they do not impose.

  @Override
  public boolean allProceduresAreCallable() {
    return false;
  }

  @Override
  public boolean allTablesAreSelectable() {
    return false;
  }

  @Override
  public boolean isReadOnly() {
    return false;
  }

  @Override
  public boolean nullsAreSortedHigh() {
    return false;
  }

  @Override
  public boolean nullsAreSortedAtStart() {
    return false;
  }

  @Override
  public boolean nullsAreSortedAtEnd() {
    return false;
  }

  @Override
  public boolean usesLocalFiles() {
    return false;
  }

  @Override
  public boolean usesLocalFilePerTable() {
    return false;
  }

  @Override
  public boolean supportsMixedCaseIdentifiers() {
    return false;
  }

  @Override
  public boolean storesUpperCaseIdentifiers() {
    return false;
  }

  @Override
  public boolean storesMixedCaseIdentifiers() {
    return false;
  }

  @Override
  public boolean storesUpperCaseQuotedIdentifiers() {
    return false;
  }

  @Override
  public boolean storesMixedCaseQuotedIdentifiers() {
    return false;
  }

  @Override
  public boolean supportsAlterTableWithDropColumn() {
    return false;
  }

  @Override
  public boolean supportsConvert() {
    return false;
  }

  @Override
  public boolean supportsConvert(int value0, int value1) {
    return false;
  }

  @Override
  public boolean supportsDifferentTableCorrelationNames() {
    return false;
  }

  @Override
  public boolean supportsMultipleResultSets() {
    return false;
  }

  @Override
  public boolean supportsMultipleTransactions() {
    return false;
  }

  @Override
  public boolean supportsCoreSQLGrammar() {
    return false;
  }

  @Override
  public boolean supportsExtendedSQLGrammar() {
    return false;
  }

  @Override
  public boolean supportsANSI92IntermediateSQL() {
    return false;
  }

  @Override
  public boolean supportsANSI92FullSQL() {
    return false;
  }

  @Override
  public boolean supportsIntegrityEnhancementFacility() {
    return false;
  }

  @Override
  public boolean supportsSchemasInProcedureCalls() {
    return false;
  }

  @Override
  public boolean supportsSchemasInIndexDefinitions() {
    return false;
  }

  @Override
  public boolean supportsSchemasInPrivilegeDefinitions() {
    return false;
  }

  @Override
  public boolean supportsCatalogsInProcedureCalls() {
    return false;
  }

  @Override
  public boolean supportsCatalogsInIndexDefinitions() {
    return false;
  }

  @Override
  public boolean supportsCatalogsInPrivilegeDefinitions() {
    return false;
  }

  @Override
  public boolean supportsPositionedDelete() {
    return false;
  }

  @Override
  public boolean supportsPositionedUpdate() {
    return false;
  }

  @Override
  public boolean supportsSelectForUpdate() {
    return false;
  }

  @Override
  public boolean supportsStoredProcedures() {
    return false;
  }

  @Override
  public boolean supportsSubqueriesInQuantifieds() {
    return false;
  }

  @Override
  public boolean supportsOpenCursorsAcrossCommit() {
    return false;
  }

  @Override
  public boolean supportsOpenCursorsAcrossRollback() {
    return false;
  }

  @Override
  public boolean supportsOpenStatementsAcrossCommit() {
    return false;
  }

  @Override
  public boolean supportsOpenStatementsAcrossRollback() {
    return false;
  }

  @Override
  public int getMaxBinaryLiteralLength() {
    return 0;
  }

  @Override
  public int getMaxCharLiteralLength() {
    return 0;
  }

  @Override
  public int getMaxColumnNameLength() {
    return 0;
  }

  @Override
  public int getMaxColumnsInGroupBy() {
    return 0;
  }

  @Override
  public int getMaxColumnsInIndex() {
    return 0;
  }

  @Override
  public int getMaxColumnsInOrderBy() {
    return 0;
  }

  @Override
  public int getMaxColumnsInSelect() {
    return 0;
  }

  @Override
  public int getMaxColumnsInTable() {
    return 0;
  }

  @Override
  public int getMaxConnections() {
    return 0;
  }

  @Override
  public int getMaxCursorNameLength() {
    return 0;
  }

  @Override
  public int getMaxIndexLength() {
    return 0;
  }

  @Override
  public int getMaxSchemaNameLength() {
    return 0;
  }

  @Override
  public int getMaxProcedureNameLength() {
    return 0;
  }

  @Override
  public int getMaxCatalogNameLength() {
    return 0;
  }

  @Override
  public int getMaxRowSize() {
    return 0;
  }

  @Override
  public boolean doesMaxRowSizeIncludeBlobs() {
    return false;
  }

  @Override
  public int getMaxStatementLength() {
    return 0;
  }

  @Override
  public int getMaxStatements() {
    return 0;
  }

  @Override
  public int getMaxTableNameLength() {
    return 0;
  }

  @Override
  public int getMaxTablesInSelect() {
    return 0;
  }

  @Override
  public int getMaxUserNameLength() {
    return 0;
  }

  @Override
  public boolean supportsTransactions() {
    return false;
  }

  @Override
  public boolean supportsDataDefinitionAndDataManipulationTransactions() {
    return false;
  }

  @Override
  public boolean supportsDataManipulationTransactionsOnly() {
    return false;
  }

  @Override
  public boolean dataDefinitionCausesTransactionCommit() {
    return false;
  }

  @Override
  public boolean dataDefinitionIgnoredInTransactions() {
    return false;
  }

  @Override
  public boolean ownUpdatesAreVisible(int value0) {
    return false;
  }

  @Override
  public boolean ownDeletesAreVisible(int value0) {
    return false;
  }

  @Override
  public boolean ownInsertsAreVisible(int value0) {
    return false;
  }

  @Override
  public boolean othersUpdatesAreVisible(int value0) {
    return false;
  }

  @Override
  public boolean othersDeletesAreVisible(int value0) {
    return false;
  }

  @Override
  public boolean othersInsertsAreVisible(int value0) {
    return false;
  }

  @Override
  public boolean updatesAreDetected(int value0) {
    return false;
  }

  @Override
  public boolean deletesAreDetected(int value0) {
    return false;
  }

  @Override
  public boolean insertsAreDetected(int value0) {
    return false;
  }

  @Override
  public boolean supportsSavepoints() {
    return false;
  }

  @Override
  public boolean supportsNamedParameters() {
    return false;
  }

  @Override
  public boolean supportsMultipleOpenResults() {
    return false;
  }

  @Override
  public boolean supportsGetGeneratedKeys() {
    return false;
  }

  @Override
  public boolean locatorsUpdateCopy() {
    return false;
  }

  @Override
  public boolean supportsStatementPooling() {
    return false;
  }

  @Override
  public boolean supportsStoredFunctionsUsingCallSyntax() {
    return false;
  }

  @Override
  public boolean generatedKeyAlwaysReturned() {
    return false;
  }
}
