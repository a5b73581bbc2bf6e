package io.sluice.gateway.cli;

import io.sluice.protocol.thrift.TGetInfoType;
import io.sluice.protocol.thrift.TGetInfoValue;
import java.util.Optional;

/** Answers to GetInfo, given by the gateway without waking an engine. */
public final class ServerInfo {
  public static final String SERVER_NAME = "Sluice";
  public static final String DBMS_NAME = "Spark SQL";
  public static final String SPARK_VERSION = "4.0.2";

  private ServerInfo() {}

  public static Optional<TGetInfoValue> value(TGetInfoType type) {
    if (type == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(
        switch (type) {
          case CLI_SERVER_NAME -> TGetInfoValue.stringValue(SERVER_NAME);
          case CLI_DBMS_NAME -> TGetInfoValue.stringValue(DBMS_NAME);
          case CLI_DBMS_VER -> TGetInfoValue.stringValue(SPARK_VERSION);
          case CLI_IDENTIFIER_QUOTE_CHAR -> TGetInfoValue.stringValue("`");
          case CLI_SEARCH_PATTERN_ESCAPE -> TGetInfoValue.stringValue("\\");
          case CLI_MAX_COLUMN_NAME_LEN,
              CLI_MAX_SCHEMA_NAME_LEN,
              CLI_MAX_TABLE_NAME_LEN,
              CLI_MAX_CATALOG_NAME_LEN,
              CLI_MAX_IDENTIFIER_LEN ->
              TGetInfoValue.lenValue(128);
          case CLI_TXN_CAPABLE -> TGetInfoValue.smallIntValue((short) 0);
          case CLI_DATA_SOURCE_READ_ONLY -> TGetInfoValue.stringValue("N");
          default -> null;
        });
  }
}
