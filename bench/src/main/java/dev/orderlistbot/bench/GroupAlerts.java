package dev.orderlistbot.bench;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * The load run's group phase ({@code --group-alerts K}): the first K traders write {@code /alerts
 * on} in one group, so the group gets each one's fill alert as well as their private notice.
 * Telegram allows 20 messages a minute in a group; the bot is to keep at least 95% of that (19 a
 * minute), with no 429 (the fake Bot API holds it to the limit and fails the run on any). It
 * measures the answers to {@code /alerts on} and the fill alerts as messages a minute, from the
 * first to the last of each. Not thread-safe: the run's thread only.
 */
final class GroupAlerts {
  static final String COMMAND = "/alerts@LoadTestBot on";
  private static final double AT_LEAST_PER_MINUTE = 0.95 * 20;

  private final int traders;
  private final List<String> failures;

  GroupAlerts(int traders, List<String> failures) {
    this.traders = traders;
    this.failures = failures;
  }

  boolean on() {
    return traders > 0;
  }

  /** The first {@code K} traders turn alerts on in the group; waits for the K answers. */
  void subscribe(FakeBotApi api, Traders all, Duration limit) throws InterruptedException {
    for (int i = 0; i < traders; i++) {
      api.userSendsInGroup(Traders.userId(i), Traders.GROUP_ID, COMMAND);
    }
    expectPace("group answers", all::groupAnswers, limit);
  }

  /** Waits for the K fill alerts in the group (after the fill) and checks their pace. */
  void awaitAlerts(Traders all, Duration limit) throws InterruptedException {
    expectPace("group alerts", all::groupAlerts, limit);
  }

  private void expectPace(String what, Supplier<List<Long>> arrivals, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (arrivals.get().size() < traders && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    List<Long> at = arrivals.get();
    if (at.size() < traders) {
      failures.add("only " + at.size() + " of " + traders + " " + what + " arrived within " + limit);
    }
    if (at.size() < 2) {
      ThousandUsersLoad.report(what, "%d of %d arrived".formatted(at.size(), traders));
      return;
    }
    double seconds = (at.getLast() - at.getFirst()) / 1e9;
    double perMinute = (at.size() - 1) / seconds * 60;
    ThousandUsersLoad.report(what, "%d of %d arrived; first to last %.1f s = %.2f a minute (Telegram allows 20, at least %.0f wanted)"
        .formatted(at.size(), traders, seconds, perMinute, AT_LEAST_PER_MINUTE));
    if (perMinute < AT_LEAST_PER_MINUTE) {
      failures.add(what + " went at %.2f a minute, under 95%% of Telegram's 20".formatted(perMinute));
    }
  }
}
