package io.sluice.protocol.transport;

import static java.util.Objects.requireNonNull;

import io.netty.channel.Channel;
import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a channel when a timeout elapses unless it is cancelled first. The timer runs on the
 * channel's own event loop; all methods must be called from that event loop.
 */
public final class ConnectionDeadline {
  private static final Logger log = LoggerFactory.getLogger(ConnectionDeadline.class);

  private final Duration timeout;
  private final String description;
  private Future<?> expiry;

  /**
   * @param timeout how long after {@link #start} the channel is closed
   * @param description what the client failed to do in time, for the log
   */
  public ConnectionDeadline(Duration timeout, String description) {
    this.timeout = requireNonNull(timeout, "timeout is null");
    this.description = requireNonNull(description, "description is null");
  }

  /** Starts the timer, unless it is already running. */
  public void start(Channel channel) {
    if (expiry == null) {
      expiry =
          channel
              .eventLoop()
              .schedule(() -> expire(channel), timeout.toNanos(), TimeUnit.NANOSECONDS);
    }
  }

  public boolean isRunning() {
    return expiry != null;
  }

  /** Stops the timer if it runs; it may be started again. */
  public void cancel() {
    if (expiry != null) {
      expiry.cancel(false);
      expiry = null;
    }
  }

  private void expire(Channel channel) {
    expiry = null;
    if (channel.isOpen()) {
      log.debug(
          "Closing connection {}: {} within {}", channel.remoteAddress(), description, timeout);
      channel.close();
    }
  }
}
