package io.sluice.protocol.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An {@link EmbeddedChannel} on a {@link TestingByteBufAllocator}, with the few operations codec
 * tests need, all of them releasing the buffers they take out of the channel.
 */
final class TestingChannel {
  private final TestingByteBufAllocator allocator = new TestingByteBufAllocator();
  private final EmbeddedChannel channel = new EmbeddedChannel();

  TestingChannel(ChannelHandler... handlers) {
    channel.config().setAllocator(allocator);
    // Time moves only when a test says so.
    channel.freezeTime();
    channel.pipeline().addLast(handlers);
  }

  EmbeddedChannel channel() {
    return channel;
  }

  /** Sends the bytes to the server in one read. */
  void receive(byte[] bytes) {
    assertThat(channel.isOpen()).as("channel is open").isTrue();
    channel.writeInbound(allocator.copyOf(bytes));
  }

  /** Sends the bytes one read per byte, stopping early if the server closes the connection. */
  void receiveByteByByte(byte[] bytes) {
    for (byte value : bytes) {
      if (!channel.isOpen()) {
        return;
      }
      channel.writeInbound(allocator.buffer(1).writeByte(value));
    }
  }

  /** Writes a reply as the gateway's handler does, from the end of the pipeline. */
  void reply(byte[] message) {
    channel.writeOutbound(allocator.copyOf(message));
  }

  /** The complete messages that reached the end of the pipeline, each released. */
  List<byte[]> takeMessages() {
    List<byte[]> messages = new ArrayList<>();
    for (Object message = channel.readInbound(); message != null; message = channel.readInbound()) {
      assertThat(message).isInstanceOf(ByteBuf.class);
      ByteBuf buffer = (ByteBuf) message;
      messages.add(ByteBufUtil.getBytes(buffer));
      buffer.release();
    }
    return messages;
  }

  /** Everything written to the client so far, concatenated; the buffers are released. */
  byte[] takeSentBytes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (Object message = channel.readOutbound();
        message != null;
        message = channel.readOutbound()) {
      ByteBuf buffer = (ByteBuf) message;
      bytes.writeBytes(ByteBufUtil.getBytes(buffer));
      buffer.release();
    }
    return bytes.toByteArray();
  }

  void runPendingTasks() {
    channel.runPendingTasks();
  }

  /** Moves the event loop's clock forward and runs the timers that became due. */
  void advanceTime(Duration duration) {
    channel.advanceTimeBy(duration.toNanos(), TimeUnit.NANOSECONDS);
    channel.runScheduledPendingTasks();
    channel.runPendingTasks();
  }

  boolean isOpen() {
    return channel.isOpen();
  }

  /** Closes the channel and fails unless every buffer allocated through it has been released. */
  void closeAndCheckForLeaks() {
    channel.finishAndReleaseAll();
    channel.runPendingTasks();
    allocator.assertAllReleased();
  }
}
