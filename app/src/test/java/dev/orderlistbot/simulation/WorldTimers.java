package dev.orderlistbot.simulation;

import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.paper.PaperExchange;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Random;

/**
 * What happens around the bot on its own: the market moves (so lists fill, trigger and expire),
 * chat platforms go down and come back, and (with crashes on) the bot dies between tasks. All of it
 * stops when the faults heal, so the run can settle.
 */
final class WorldTimers {
  static final Symbol BTCUSDT = Symbol.of("BTCUSDT");

  private final SimScheduler scheduler;
  private final Random random;
  private final Faults faults;
  private final PaperExchange paper;
  private final SimChats chats;

  WorldTimers(SimScheduler scheduler, Faults faults, PaperExchange paper, SimChats chats) {
    this.scheduler = scheduler;
    this.random = scheduler.random();
    this.faults = faults;
    this.paper = paper;
    this.chats = chats;
  }

  BigDecimal price() {
    return paper.lastPrice(BTCUSDT).value();
  }

  void start() {
    later(Duration.ofSeconds(5 + random.nextInt(30)), this::movePrice);
    later(Duration.ofSeconds(30 + random.nextInt(120)), this::weather);
  }

  private void later(Duration delay, Runnable work) {
    scheduler.at(delay, "", SimScheduler.WORLD, work);
  }

  /** A step of at most 300 either way, kept between 27,000 and 33,000. */
  private void movePrice() {
    if (faults.healed()) {
      return;
    }
    long next = price().longValue() + random.nextInt(601) - 300;
    long bounded = Math.max(27_000, Math.min(33_000, next));
    paper.setPrice(BTCUSDT, Price.of(Long.toString(bounded)));
    later(Duration.ofSeconds(10 + random.nextInt(50)), this::movePrice);
  }

  /** Now and then a platform goes down for a few minutes; with crashes on, the bot may die here. */
  private void weather() {
    if (faults.healed()) {
      return;
    }
    for (String platform : new String[] {"telegram", "discord"}) {
      if (!chats.isDown(platform) && faults.strikes(Fault.CHAT_OUTAGE, 0.2)) {
        chats.down(platform, true);
        later(Duration.ofSeconds(60 + random.nextInt(300)), () -> chats.down(platform, false));
      }
    }
    later(Duration.ofSeconds(30 + random.nextInt(120)), this::weather);
    faults.crashPoint("between tasks");
  }
}
