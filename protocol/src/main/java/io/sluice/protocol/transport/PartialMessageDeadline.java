package io.sluice.protocol.transport;

import io.netty.channel.Channel;
import java.time.Duration;

/**
 * Closes a connection whose client leaves a message (or SASL frame) half sent for too long.
 *
 * <p>The timer starts when a read leaves incomplete bytes buffered and is not restarted by later
 * bytes of the same message, so a client trickling one byte at a time cannot hold the connection
 * open. Completing a message cancels it; if bytes of the next message are already buffered, a new
 * timer starts for that message.
 */
final class PartialMessageDeadline {
  private final ConnectionDeadline deadline;
  private boolean messageCompleted;

  PartialMessageDeadline(Duration timeout) {
    this.deadline = new ConnectionDeadline(timeout, "did not finish sending a message");
  }

  /** Records that a complete message was decoded. */
  void messageCompleted() {
    messageCompleted = true;
  }

  /** Updates the timer after a read, given whether incomplete bytes remain buffered. */
  void readComplete(Channel channel, boolean incompleteBytesBuffered) {
    if (messageCompleted || !incompleteBytesBuffered) {
      deadline.cancel();
      messageCompleted = false;
    }
    if (incompleteBytesBuffered) {
      deadline.start(channel);
    }
  }

  void cancel() {
    deadline.cancel();
  }
}
