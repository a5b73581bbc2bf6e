package io.sluice.engine.result;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.util.List;
import org.apache.arrow.flatbuf.RecordBatch;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.ReadChannel;
import org.apache.arrow.vector.ipc.WriteChannel;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.ipc.message.MessageMetadataResult;
import org.apache.arrow.vector.ipc.message.MessageSerializer;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.SQLExecution$;
import org.apache.spark.sql.internal.SQLConf;
import org.apache.spark.sql.util.ArrowUtils;
import scala.Option;

/**
 * Runs a query straight into Arrow record batches with Spark's own converters: each task turns its
 * rows into IPC record-batch messages, and only those bytes reach the engine's driver. No row is
 * turned into a Java object on the way, which is where collecting rows spends its time.
 */
public final class ArrowBatches {
  private ArrowBatches() {}

  /** Runs {@code result} and collects its rows as Arrow batches. */
  public static ArrowResultPages collect(Dataset<Row> result, SparkSession spark) {
    SQLConf conf = spark.sessionState().conf();
    Schema schema =
        ArrowUtils.toArrowSchema(
            result.schema(), conf.sessionLocalTimeZone(), true, conf.arrowUseLargeVarTypes());
    org.apache.spark.sql.classic.Dataset<Row> dataset =
        (org.apache.spark.sql.classic.Dataset<Row>) result;
    // Like Dataset.collect, the job runs as one SQL execution, seen in Spark's UI and listeners.
    List<byte[]> batches =
        SQLExecution$.MODULE$.withNewExecutionId(
            dataset.queryExecution(),
            Option.apply("collectArrowBatches"),
            () -> dataset.toArrowBatchRdd().toJavaRDD().collect());
    int[] rows = new int[batches.size()];
    for (int batch = 0; batch < rows.length; batch++) {
      rows[batch] = rowCount(batches.get(batch));
    }
    return new ArrowResultPages(
        SparkResultSchemas.describe(result.schema()), schema, batches, rows);
  }

  /** The row count in an encapsulated record-batch message's header. */
  static int rowCount(byte[] batch) {
    try {
      MessageMetadataResult message =
          MessageSerializer.readMessage(
              new ReadChannel(Channels.newChannel(new ByteArrayInputStream(batch))));
      RecordBatch header = (RecordBatch) message.getMessage().header(new RecordBatch());
      return Math.toIntExact(header.length());
    } catch (IOException e) {
      throw new UncheckedIOException("Spark wrote an unreadable Arrow batch", e);
    }
  }

  /**
   * The rows {@code [offset, offset + length)} of an encapsulated record-batch message, as a new
   * one: the batch is loaded, sliced and written again.
   */
  static byte[] slice(Schema schema, byte[] batch, int offset, int length) {
    try (BufferAllocator allocator =
            ArrowUtils.rootAllocator().newChildAllocator("sluice-result-slice", 0, Long.MAX_VALUE);
        VectorSchemaRoot whole = VectorSchemaRoot.create(schema, allocator);
        ArrowRecordBatch record =
            MessageSerializer.deserializeRecordBatch(
                new ReadChannel(Channels.newChannel(new ByteArrayInputStream(batch))), allocator)) {
      new VectorLoader(whole).load(record);
      try (VectorSchemaRoot part = whole.slice(offset, length);
          ArrowRecordBatch sliced = new VectorUnloader(part).getRecordBatch()) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        MessageSerializer.serialize(new WriteChannel(Channels.newChannel(bytes)), sliced);
        return bytes.toByteArray();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Spark wrote an unreadable Arrow batch", e);
    }
  }

  /** {@code schema} as one encapsulated IPC schema message. */
  static byte[] encode(Schema schema) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      MessageSerializer.serialize(new WriteChannel(Channels.newChannel(bytes)), schema);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
