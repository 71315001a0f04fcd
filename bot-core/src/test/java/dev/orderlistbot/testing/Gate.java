package dev.orderlistbot.testing;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Holds whoever reaches it until the test opens it: a chat send that hangs (a platform that stopped
 * answering), for the tests that prove nothing else waits for it. Shared by every module's tests
 * (bot-core's test-jar). Thread-safe.
 */
public final class Gate {
  private final CountDownLatch reached = new CountDownLatch(1);
  private final CountDownLatch opened = new CountDownLatch(1);

  /** Blocks the calling thread until {@link #open()} (or until it is interrupted). */
  public void pass() {
    reached.countDown();
    try {
      opened.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Waits up to {@code timeout} for a first thread to reach the gate; true if one did. */
  public boolean awaitReached(Duration timeout) throws InterruptedException {
    return reached.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Lets everyone through, now and from now on. */
  public void open() {
    opened.countDown();
  }
}
