package io.sluice.gateway.cli;

import io.sluice.protocol.thrift.TFetchResultsResp;
import io.sluice.protocol.thrift.TGetResultSetMetadataResp;
import io.sluice.protocol.thrift.TSparkRowSetType;
import io.sluice.protocol.thrift.TStatus;
import org.apache.thrift.TBase;
import org.apache.thrift.TFieldIdEnum;

/**
 * Removes the Databricks extension fields (ids from 0x501 up) from a response and its status, for
 * Hive-family clients, which know nothing of them.
 */
public final class ExtensionFields {
  private static final int FIRST_EXTENSION_ID = 0x501;
  private static final int MAX_EXTENSION_ID = 0xD19;

  private ExtensionFields() {}

  /**
   * Whether {@code response} describes or carries an Arrow result, which the engine sends only to
   * clients that asked for Arrow ({@code canReadArrowResult}), whatever protocol they speak.
   */
  public static boolean carriesArrowResult(TBase<?, ?> response) {
    if (response instanceof TGetResultSetMetadataResp metadata) {
      return metadata.getResultFormat() == TSparkRowSetType.ARROW_BASED_SET;
    }
    return response instanceof TFetchResultsResp fetched
        && fetched.isSetResults()
        && fetched.getResults().isSetArrowBatches();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  public static <T extends TBase<?, ?>> T strip(T response) {
    TBase struct = response;
    stripFields(struct);
    TFieldIdEnum statusField = struct.fieldForId(1);
    if (statusField != null && struct.getFieldValue(statusField) instanceof TStatus status) {
      stripFields(status);
    }
    return response;
  }

  @SuppressWarnings("rawtypes")
  private static void stripFields(TBase struct) {
    for (int id = FIRST_EXTENSION_ID; id <= 0x511; id++) {
      unset(struct, id);
    }
    unset(struct, MAX_EXTENSION_ID);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void unset(TBase struct, int id) {
    TFieldIdEnum field = struct.fieldForId(id);
    if (field != null && struct.isSet(field)) {
      struct.setFieldValue(field, null);
    }
  }
}
