package io.sluice.protocol.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.AbstractByteBufAllocator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledHeapByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * An allocator that remembers every buffer it hands out, so that a test can check that each one was
 * released exactly as often as it was retained. Unlike the leak detector it does not depend on the
 * garbage collector, so a leak fails the test that caused it.
 */
final class TestingByteBufAllocator extends AbstractByteBufAllocator {
  private final List<ByteBuf> allocated = new ArrayList<>();

  TestingByteBufAllocator() {
    super(false);
  }

  @Override
  protected ByteBuf newHeapBuffer(int initialCapacity, int maxCapacity) {
    ByteBuf buffer = new UnpooledHeapByteBuf(this, initialCapacity, maxCapacity);
    allocated.add(buffer);
    return buffer;
  }

  @Override
  protected ByteBuf newDirectBuffer(int initialCapacity, int maxCapacity) {
    return newHeapBuffer(initialCapacity, maxCapacity);
  }

  @Override
  public boolean isDirectBufferPooled() {
    return false;
  }

  ByteBuf copyOf(byte[] bytes) {
    return buffer(bytes.length).writeBytes(bytes);
  }

  int allocatedCount() {
    return allocated.size();
  }

  void assertAllReleased() {
    for (int index = 0; index < allocated.size(); index++) {
      assertThat(allocated.get(index).refCnt())
          .as("reference count of buffer %d of %d", index + 1, allocated.size())
          .isZero();
    }
  }
}
