package dev.orderlistbot.binance;

import java.time.Duration;

/**
 * One WebSocket connection as the subscriptions on it see it: {@link UserDataConnection} in
 * production, a fake where a test drives the subscriptions without a network. It tells its {@link
 * Listener} when it opened, each whole text frame, and when it was lost.
 *
 * <p><b>Threading.</b> Every method is called, and every {@link Listener} call made, on the
 * stream's serial sequence.
 */
interface UserDataLink {
  /** Starts opening the connection (in the background); the listener hears when it opened. */
  void connect();

  /** Whether the connection is open now: only then is anything sent. */
  boolean isOpen();

  /** Sends {@code text} after whatever was sent before it. Only while {@link #isOpen()}. */
  void send(String text);

  /**
   * Runs {@code task} after {@code delay} unless the connection was lost (or replaced) in the
   * meantime.
   */
  void whileCurrent(Duration delay, Runnable task);

  /** Takes the connection for lost: reconnects after the back-off. */
  void drop(String why);

  /** Ends the connection on purpose and opens a new one after {@code delay}. */
  void replace(String why, Duration delay);

  /** Ends the connection and opens a new one after the back-off, counting this as a failure. */
  void replaceAfterBackoff(String why);

  /** Closes the connection for good. */
  void shutdown();

  /** What a connection tells the subscriptions on it. */
  interface Listener {
    /** The connection (re)opened: nothing is subscribed on it yet. */
    void opened();

    /** A whole text frame arrived. */
    void frame(String text);

    /** The connection was lost, replaced or shut down: every subscription on it ended. */
    void lost();
  }

  /** Makes connection number {@code index} (not yet connected), reporting to {@code listener}. */
  @FunctionalInterface
  interface Opener {
    UserDataLink open(int index, Listener listener);
  }
}
