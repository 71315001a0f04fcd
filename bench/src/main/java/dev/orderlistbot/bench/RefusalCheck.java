package dev.orderlistbot.bench;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load run's planned 429 ({@code --refuse-once SECONDS}): one fill notice to a private chat is
 * refused "retry after SECONDS" in the middle of the notices. Checks that the bot sent that chat's
 * notice again no sooner than it was told, and measures the pace of the notices in the five seconds
 * after the wait, to compare with the pace before the refusal. Thread-safe.
 */
final class RefusalCheck {
  private static final Duration AFTER = Duration.ofSeconds(5);

  private final int retryAfterSeconds;
  private final AtomicLong chat = new AtomicLong();
  private final AtomicLong atNanos = new AtomicLong();

  RefusalCheck(int retryAfterSeconds) {
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** Plans the refusal of the {@code nth} new message the fake Bot API receives from now. */
  void plan(FakeBotApi api, int nth) {
    api.refuseOnce(nth, retryAfterSeconds, (chatId, nanos) -> {
      chat.set(chatId);
      atNanos.set(nanos);
    });
  }

  /**
   * Reports what happened and adds to {@code failures} what went wrong; {@code fills} are the fill
   * notices' arrival instants by trader (0: none).
   */
  void check(long[] fills, List<String> failures) {
    if (atNanos.get() == 0) {
      failures.add("the planned 429 was never made (fewer new messages than planned)");
      return;
    }
    int trader = (int) (chat.get() - Traders.FIRST_ID);
    long refusedAt = atNanos.get();
    long resent = trader >= 0 && trader < fills.length ? fills[trader] : 0;
    long waited = resent - refusedAt;
    long asked = Duration.ofSeconds(retryAfterSeconds).toNanos();
    ThousandUsersLoad.report("429 planned", "chat %d refused, retry after %d s; its notice came %d ms later".formatted(
        chat.get(), retryAfterSeconds, ThousandUsersLoad.millis(waited)));
    if (resent == 0 || waited < asked) {
      failures.add("the refused notice was sent again " + ThousandUsersLoad.millis(waited) + " ms after a 429 that asked for "
          + retryAfterSeconds + " s");
    }
    long from = refusedAt + asked;
    double before = rate(fills, refusedAt - AFTER.toNanos(), refusedAt);
    double after = rate(fills, from, from + AFTER.toNanos());
    ThousandUsersLoad.report("pace", "%.1f notices a second in the %d s before the 429, %.1f in the %d s after its wait".formatted(
        before, AFTER.toSeconds(), after, AFTER.toSeconds()));
  }

  private static double rate(long[] fills, long from, long to) {
    long n = 0;
    for (long at : fills) {
      if (at >= from && at < to) {
        n++;
      }
    }
    return n * 1e9 / (to - from);
  }
}
