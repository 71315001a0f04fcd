package dev.orderlistbot.telegram;

import java.util.concurrent.ThreadLocalRandom;
import org.telegram.telegrambots.longpolling.interfaces.BackOff;

/**
 * The wait between failed {@code getUpdates} calls during a Telegram outage: from half a second,
 * growing by half each time, never beyond {@link #MAX_MILLIS}, with a little jitter. TelegramBots'
 * own back-off jumps to 15 minutes once an outage has lasted 15 minutes, which would leave the bot
 * deaf for that long after Telegram is back; this one keeps trying every half minute at most.
 */
final class PollBackOff implements BackOff {
  static final long INITIAL_MILLIS = 500;
  static final long MAX_MILLIS = 30_000;

  private long current = INITIAL_MILLIS;

  @Override
  public synchronized void reset() {
    current = INITIAL_MILLIS;
  }

  @Override
  public synchronized long nextBackOffMillis() {
    long wait = current;
    current = Math.min(MAX_MILLIS, current + current / 2);
    long jitter = ThreadLocalRandom.current().nextLong(wait / 4 + 1);
    return Math.min(MAX_MILLIS, wait - wait / 8 + jitter);
  }
}
