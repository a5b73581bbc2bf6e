package io.sluice.jdbc.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.protocol.thrift.TCLIService;
import io.sluice.protocol.thrift.TFetchResultsResp;
import io.sluice.protocol.thrift.TRowSet;
import io.sluice.protocol.thrift.TSparkArrowBatch;
import io.sluice.protocol.thrift.TStatus;
import io.sluice.protocol.thrift.TStatusCode;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TMessage;
import org.apache.thrift.protocol.TMessageType;
import org.apache.thrift.transport.TMemoryBuffer;
import org.apache.thrift.transport.TMemoryInputTransport;
import org.junit.jupiter.api.Test;

/**
 * The Arrow batches of a FetchResults reply come out of the reader intact, whether a batch was
 * decoded from inside the transport's reused read chunk (and must be copied before the next chunk
 * overwrites it) or was larger than a chunk.
 */
class TestFetchResultsReaderArrow {
  @Test
  void keepsEveryBatchIntactAcrossReadChunks() throws Exception {
    List<byte[]> batches = new ArrayList<>();
    Random random = new Random(42);
    for (int index = 0; index < 400; index++) {
      batches.add(randomBytes(random, 100 + random.nextInt(1_500)));
    }
    batches.add(randomBytes(random, 300_000));
    batches.add(randomBytes(random, 10));
    List<TSparkArrowBatch> arrowBatches = new ArrayList<>();
    for (byte[] batch : batches) {
      arrowBatches.add(new TSparkArrowBatch(ByteBuffer.wrap(batch), 1));
    }
    TFetchResultsResp response =
        new TFetchResultsResp(new TStatus(TStatusCode.SUCCESS_STATUS))
            .setHasMoreRows(true)
            .setResults(new TRowSet(0, List.of()).setArrowBatches(arrowBatches));

    FetchResultsReader.FetchReply reply = FetchResultsReader.receive(replyProtocol(response), 3);

    assertThat(reply.status().getStatusCode()).isEqualTo(TStatusCode.SUCCESS_STATUS);
    assertThat(reply.arrowBatches()).hasSize(batches.size());
    for (int index = 0; index < batches.size(); index++) {
      ByteBuffer read = reply.arrowBatches().get(index);
      byte[] bytes = new byte[read.remaining()];
      read.duplicate().get(bytes);
      assertThat(bytes).as("batch %d", index).isEqualTo(batches.get(index));
    }
  }

  @Test
  void aColumnarReplyHasNoBatches() throws Exception {
    TFetchResultsResp response =
        new TFetchResultsResp(new TStatus(TStatusCode.SUCCESS_STATUS))
            .setResults(new TRowSet(0, List.of()));

    FetchResultsReader.FetchReply reply = FetchResultsReader.receive(replyProtocol(response), 2);

    assertThat(reply.arrowBatches()).isEmpty();
    assertThat(reply.page().rowCount()).isZero();
  }

  private static TBinaryProtocol replyProtocol(TFetchResultsResp response) throws Exception {
    TMemoryBuffer out = new TMemoryBuffer(1024);
    TBinaryProtocol writer = new TBinaryProtocol(out);
    writer.writeMessageBegin(new TMessage("FetchResults", TMessageType.REPLY, 1));
    new TCLIService.FetchResults_result().setSuccess(response).write(writer);
    writer.writeMessageEnd();
    // Slack after the reply: the memory transport counts the buffering transport's read-ahead
    // against the reply's size, where a socket would have the next reply's bytes.
    byte[] bytes = Arrays.copyOf(out.getArray(), out.length() + (1 << 20));
    return new TBinaryProtocol(
        new ReadBufferingTransport(
            new TMemoryInputTransport(ThriftTransports.THRIFT_CONFIGURATION, bytes)));
  }

  private static byte[] randomBytes(Random random, int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }
}
