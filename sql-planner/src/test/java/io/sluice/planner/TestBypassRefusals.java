package io.sluice.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way around the gateway that Spark SQL offers is refused (SQLSTATE 42501) wherever it is
 * written, text that is not Spark SQL is refused as a syntax error (42601), and Spark SQL the
 * gateway does not run is refused as unsupported (0A000). None of these reaches an engine.
 */
class TestBypassRefusals {
  private final SqlPlanner planner = new SqlPlanner();

  static Stream<Arguments> bypasses() {
    return Stream.of(
        // Files read or written as tables
        refused("SELECT * FROM parquet.`/data/secret`", "Reading or writing files by path"),
        refused("select * from csv.`file:///etc/passwd`", "files by path"),
        refused("SELECT * FROM delta.`s3a://bucket/table`", "files by path"),
        refused("SELECT * FROM json.`relative.json`", "Querying files directly"),
        refused("SELECT * FROM `parquet`.`data`", "Querying files directly"),
        refused("SELECT * FROM `org.apache.spark.sql.parquet`.`data`", "Querying files directly"),
        refused("SELECT * FROM t JOIN orc.`/x` ON true", "files by path"),
        refused("SELECT * FROM t WHERE id IN (SELECT id FROM text.`/x`)", "files by path"),
        refused("WITH c AS (SELECT * FROM avro.`/x`) SELECT * FROM c", "files by path"),
        refused("INSERT INTO parquet.`/tmp/out` SELECT 1", "files by path"),
        refused("SELECT * FROM read_files('/data/*.csv')", "read_files"),
        refused("SELECT * FROM t WITH ('path' = '/x')", "Read options"),
        refused("INSERT OVERWRITE DIRECTORY '/tmp/out' USING parquet SELECT 1", "DIRECTORY"),
        refused("INSERT OVERWRITE LOCAL DIRECTORY '/tmp/out' SELECT 1", "DIRECTORY"),
        refused("LOAD DATA LOCAL INPATH '/etc/passwd' INTO TABLE t", "LOAD DATA"),
        refused("load data inpath 'hdfs:///x' overwrite into table t", "LOAD DATA"),
        refused("CREATE TABLE t (id INT) USING parquet LOCATION '/data'", "LOCATION"),
        refused("CREATE TABLE t (id INT) LOCATION '/data'", "LOCATION"),
        refused("CREATE TABLE t USING parquet OPTIONS (path '/data') AS SELECT 1", "'path'"),
        refused("CREATE TABLE t (id INT) USING parquet OPTIONS ('path' '/data')", "'path'"),
        refused("CREATE TABLE t (id INT) USING jdbc OPTIONS (url 'jdbc:x')", "USING jdbc"),
        refused(
            "CREATE TABLE t (id INT) USING org.apache.spark.sql.execution.datasources.v2.FileTable",
            "Tables USING"),
        refused("CREATE SCHEMA s LOCATION '/data'", "LOCATION"),
        refused("ALTER TABLE t SET LOCATION '/data'", "LOCATION"),
        refused("ALTER TABLE t PARTITION (p = 1) SET LOCATION '/data'", "LOCATION"),
        refused("ALTER SCHEMA s SET LOCATION '/data'", "LOCATION"),
        refused("ALTER TABLE t ADD PARTITION (p = 1) LOCATION '/data'", "LOCATION"),
        refused("CREATE TABLE t2 LIKE t LOCATION '/data'", "LOCATION"),
        refused(
            "CREATE TEMPORARY VIEW v USING parquet OPTIONS (path '/data')",
            "CREATE TEMPORARY VIEW"),
        refused("REFRESH '/data/path'", "REFRESH"),
        // Code loaded or run on the engine
        refused("ADD JAR /tmp/evil.jar", "ADD JAR"),
        refused("add jar 'ivy://org.evil:evil:1.0'", "ADD JAR"),
        refused("ADD FILE /etc/passwd", "ADD JAR/FILE/ARCHIVE"),
        refused("ADD ARCHIVE /tmp/a.zip", "ADD JAR/FILE/ARCHIVE"),
        refused("CREATE FUNCTION f AS 'com.evil.Udf' USING JAR '/tmp/evil.jar'", "CREATE FUNCTION"),
        refused(
            "CREATE TEMPORARY FUNCTION f AS 'org.apache.hadoop.hive.ql.udf.generic.GenericUDFReflect'",
            "CREATE FUNCTION"),
        refused(
            "CREATE FUNCTION f(x INT) RETURNS INT LANGUAGE PYTHON RETURN x",
            "languages other than SQL"),
        refused("SELECT reflect('java.lang.Runtime', 'getRuntime')", "reflect"),
        refused("SELECT java_method('java.lang.System', 'exit', 0)", "java_method"),
        refused("SELECT try_reflect('java.lang.System', 'getenv', 'HOME')", "try_reflect"),
        refused("SELECT upper(REFLECT('a', 'b'))", "reflect"),
        refused("SELECT * FROM t WHERE x = (SELECT reflect('a', 'b'))", "reflect"),
        refused("SELECT transform(arr, x -> java_method('a', 'b', x)) FROM t", "java_method"),
        refused("SELECT TRANSFORM(a, b) USING 'cat' AS (c, d) FROM t", "TRANSFORM"),
        refused("SELECT TRANSFORM(*) USING '/bin/sh -c id' FROM t", "TRANSFORM"),
        refused("FROM t SELECT TRANSFORM(a) USING 'cat'", "TRANSFORM"),
        refused("FROM t MAP a USING 'cat'", "TRANSFORM"),
        refused("CREATE TABLE t (a INT) ROW FORMAT SERDE 'com.evil.SerDe'", "SerDe"),
        refused(
            "CREATE TABLE t (a INT) STORED AS INPUTFORMAT 'com.evil.In' OUTPUTFORMAT 'com.evil.Out'",
            "SerDe"),
        refused("ALTER TABLE t SET SERDE 'com.evil.SerDe'", "SET SERDE"),
        // Engine settings
        refused("SET spark.sql.caseSensitive = true", "spark.sql.caseSensitive"),
        refused("SET spark.sql.ansi.doubleQuotedIdentifiers=true", "doubleQuotedIdentifiers"),
        refused("SET spark.sql.variable.substitute = true", "spark.sql.variable.substitute"),
        refused("SET spark.sql.runSQLOnFiles=true", "runSQLOnFiles"),
        refused("set spark.executor.extraJavaOptions=-Dx", "extraJavaOptions"),
        refused("SET `spark.sql.extensions` = `com.evil.Ext`", "spark.sql.extensions"),
        refused("SET fs.s3a.secret.key = x", "fs.s3a.secret.key"),
        refused("SET spark.hadoop.fs.defaultFS=file:///", "fs.defaultFS"),
        refused("SET sluice.user = admin", "sluice.user"),
        refused("SET spark.sql.warehouse.dir", "spark.sql.warehouse.dir"),
        refused("SET", "Listing every setting"),
        refused("SET -v", "Listing every setting"),
        refused("RESET", "RESET of every setting"),
        refused("RESET spark.sql.caseSensitive", "spark.sql.caseSensitive"),
        // Variable substitution runs text the gateway never saw
        refused("SELECT * FROM `${hiveconf:table}`", "Variable substitution"),
        refused("SELECT '${env:AWS_SECRET_ACCESS_KEY}'", "Variable substitution"),
        // Global temporary views are shared by every session on an engine
        refused("SELECT * FROM global_temp.v", "Global temporary"),
        refused("CREATE GLOBAL TEMPORARY VIEW v AS SELECT 1", "Global temporary"),
        refused("SELECT * FROM spark_catalog.global_temp.v", "Global temporary"),
        refused("DROP VIEW global_temp.v", "Global temporary"),
        // EXECUTE IMMEDIATE with text the gateway cannot see, or hiding a bypass
        refused("EXECUTE IMMEDIATE sql_text", "from a variable"),
        refused("EXECUTE IMMEDIATE 'SELECT * FROM parquet.`/x`'", "files by path"),
        refused("EXECUTE IMMEDIATE 'ADD JAR /tmp/x.jar'", "ADD JAR"),
        refused("EXECUTE IMMEDIATE 'SELECT \\'a\\''", "escape sequences"),
        refused("SELECT * FROM IDENTIFIER(table_variable)", "string literal"),
        refused("SELECT * FROM IDENTIFIER('parquet.`/x`')", "files by path"),
        // Syntax errors
        syntax("SELEC 1"),
        syntax("SELECT a FROM t WHERE x ="),
        syntax("SELECT 1; DROP TABLE t"),
        syntax("DROP TABLE t; SELECT 1"),
        syntax("SELECT * FROM test-table"),
        syntax("SELECT 'unterminated"),
        syntax("SELECT 1 /* unclosed"),
        syntax("SELECT { 1 }"),
        syntax("   "),
        syntax("\u0000\u0001garbage"),
        syntax("SELECT 1 + {fn }"),
        // Spark SQL the gateway does not run
        unsupported("BEGIN SELECT 1; END"),
        unsupported("{t '12:00:00'}"),
        unsupported("LOCK TABLE t"),
        unsupported("CREATE INDEX i ON t (a)"),
        unsupported("EXPLAIN EXECUTE IMMEDIATE 'SELECT 1'"),
        unsupported("EXECUTE IMMEDIATE 'GRANT SELECT ON t TO bob'"));
  }

  private static Arguments refused(String sql, String messagePart) {
    return Arguments.of(sql, SqlStates.INSUFFICIENT_PRIVILEGE, messagePart);
  }

  private static Arguments syntax(String sql) {
    return Arguments.of(sql, SqlStates.SYNTAX_ERROR, "Syntax error");
  }

  private static Arguments unsupported(String sql) {
    return Arguments.of(sql, SqlStates.FEATURE_NOT_SUPPORTED, "");
  }

  @Test
  void aStatementTooDeepToParseIsASyntaxErrorNotACrash() {
    String sql = "SELECT " + "(".repeat(100_000) + "1" + ")".repeat(100_000);
    PlanningException refusal =
        catchThrowableOfType(
            PlanningException.class, () -> planner.analyze(sql, SessionContext.initial("default")));
    assertThat(refusal).isNotNull();
    assertThat(refusal.sqlState()).isEqualTo(SqlStates.SYNTAX_ERROR);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("bypasses")
  void refuses(String sql, String sqlState, String messagePart) {
    PlanningException refusal =
        catchThrowableOfType(
            PlanningException.class, () -> planner.analyze(sql, SessionContext.initial("default")));
    assertThat(refusal).as(sql).isNotNull();
    assertThat(refusal.sqlState()).as(refusal.getMessage()).isEqualTo(sqlState);
    assertThat(refusal.getMessage()).contains(messagePart);
  }
}
