package dev.orderlistbot.bench;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The load run's rounds ({@code --rounds R}): each round is the same burst by the same traders in
 * the same bot process, counted by its own {@link Traders}, so the second round measures a bot whose
 * JIT compilers have already seen the burst once (a long-running bot) and the first a fresh one.
 * Between rounds one trader sets the paper price back to {@value #START_PRICE}, where every
 * take-profit of the next round's OCO rests again. Thread-safe.
 */
final class Rounds implements FakeBotApi.Listener {
  static final String START_PRICE = "30000";
  static final String RESET_PRICE = "/paper price BTCUSDT " + START_PRICE;

  private final Semaphore priceSet = new Semaphore(0);
  private volatile Traders current;

  Rounds(Traders first) {
    this.current = first;
  }

  Traders current() {
    return current;
  }

  @Override
  public void botMessage(FakeBotApi.BotMessage message) {
    if (message.chatId() == Traders.FIRST_ID && message.text().startsWith("Paper price of BTCUSDT set to 30")) {
      priceSet.release();
      return;
    }
    current.botMessage(message);
  }

  /**
   * Sets the paper price back to the start, waits for the bot's answer, and counts the next round's
   * messages in fresh {@link Traders}; answers them, or throws if the bot did not answer in time.
   */
  Traders next(FakeBotApi api, Duration limit) throws InterruptedException {
    api.userSends(Traders.userId(0), RESET_PRICE);
    if (!priceSet.tryAcquire(limit.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException("the bot did not answer " + RESET_PRICE + " within " + limit);
    }
    current = new Traders(current.count());
    return current;
  }
}
