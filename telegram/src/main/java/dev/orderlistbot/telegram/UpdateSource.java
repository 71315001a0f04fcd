package dev.orderlistbot.telegram;

import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;

/**
 * Where updates come from: long polling ({@link LongPolling}, the default) or Telegram's webhook
 * ({@link Webhook}). Either hands them to the same {@link UpdateDispatcher}, so ordering per chat,
 * acknowledgements and the handler executor are the same in both modes.
 *
 * <p>The platform calls {@link #start} once, then at shutdown {@link #stop}, lets the events
 * already handed on finish, and calls {@link #settle}.
 */
interface UpdateSource {

  /**
   * Starts receiving, handing each update to {@code dispatcher}.
   *
   * @throws dev.orderlistbot.core.port.out.ChatDeliveryException when Telegram refuses or cannot be
   *     reached
   * @throws java.io.UncheckedIOException when a local port cannot be listened on
   */
  void start(LongPollingUpdateConsumer dispatcher);

  /** Stops receiving new updates; returns once none is being received any more. Idempotent. */
  void stop();

  /** After the handed-on events ran: whatever must still be told to Telegram. */
  void settle();

  /** Releases what the source holds (HTTP clients, threads); called last, even when never started. */
  void release();

  /** A few words for the start-up log line, e.g. {@code polling for updates}. */
  String describe();
}
