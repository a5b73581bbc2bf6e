package io.sluice.gateway.session;

/**
 * Which protocol dialect a client speaks. Hive-family clients (Hive JDBC, beeline, Kyuubi) only
 * understand Hive protocol versions and no extension fields; Databricks-family clients (Databricks
 * JDBC, ODBC, ADBC, Node.js, Python) send {@code client_protocol_i64} and need a SPARK_CLI version
 * and the extension fields.
 */
public enum ClientFamily {
  HIVE,
  DATABRICKS
}
