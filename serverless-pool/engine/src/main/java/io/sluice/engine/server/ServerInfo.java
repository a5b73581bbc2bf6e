package io.sluice.engine.server;

import io.sluice.engine.session.EngineSession;
import io.sluice.protocol.thrift.TGetInfoType;
import io.sluice.protocol.thrift.TGetInfoValue;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The GetInfo answers: Spark SQL's name and version, SQL keywords and a few ODBC facts. */
final class ServerInfo {
  static final String PRODUCT_NAME = "Spark SQL";
  private static final short MAXIMUM_NAME_LENGTH = 128;
  private static final Logger LOG = LoggerFactory.getLogger(ServerInfo.class);

  private final String sparkVersion;
  private volatile String keywords;

  ServerInfo(String sparkVersion) {
    this.sparkVersion = sparkVersion;
  }

  /** The value of {@code type} for {@code session}, or empty when the engine does not answer it. */
  Optional<TGetInfoValue> value(TGetInfoType type, EngineSession session) {
    if (type == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(
        switch (type) {
          case CLI_SERVER_NAME, CLI_DBMS_NAME -> TGetInfoValue.stringValue(PRODUCT_NAME);
          case CLI_DBMS_VER -> TGetInfoValue.stringValue(sparkVersion);
          case CLI_ODBC_KEYWORDS -> TGetInfoValue.stringValue(keywords(session));
          case CLI_MAX_COLUMN_NAME_LEN, CLI_MAX_SCHEMA_NAME_LEN, CLI_MAX_TABLE_NAME_LEN ->
              TGetInfoValue.smallIntValue(MAXIMUM_NAME_LENGTH);
          case CLI_USER_NAME ->
              TGetInfoValue.stringValue(session.user() == null ? "" : session.user());
          case CLI_IDENTIFIER_QUOTE_CHAR -> TGetInfoValue.stringValue("`");
          case CLI_SEARCH_PATTERN_ESCAPE -> TGetInfoValue.stringValue("\\");
          case CLI_DATA_SOURCE_READ_ONLY -> TGetInfoValue.stringValue("N");
          case CLI_TXN_CAPABLE -> TGetInfoValue.smallIntValue((short) 0);
          default -> null;
        });
  }

  /** Values for an OpenSession's {@code getInfos}, one per requested type (empty if unknown). */
  List<TGetInfoValue> values(List<TGetInfoType> types, EngineSession session) {
    return types.stream()
        .map(type -> value(type, session).orElseGet(() -> TGetInfoValue.stringValue("")))
        .collect(Collectors.toList());
  }

  private String keywords(EngineSession session) {
    String known = keywords;
    if (known == null) {
      try {
        known =
            session.spark().sql("SELECT keyword FROM sql_keywords()").collectAsList().stream()
                .map((Row row) -> row.getString(0))
                .collect(Collectors.joining(","));
      } catch (Exception unavailable) {
        LOG.warn("Could not list SQL keywords: {}", unavailable.getMessage());
        return "";
      }
      keywords = known;
    }
    return known;
  }
}
