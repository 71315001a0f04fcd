package dev.orderlistbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RecentUpdatesTest {
  private final AtomicLong now = new AtomicLong();
  private final RecentUpdates recent = new RecentUpdates(Duration.ofMinutes(10), 3, now::get);

  @Test
  void anUpdateIdIsNewOnlyTheFirstTimeWithinTheWindow() {
    assertThat(recent.firstTime(7)).isTrue();
    now.addAndGet(Duration.ofMinutes(9).toNanos());

    assertThat(recent.firstTime(7)).isFalse();
    assertThat(recent.firstTime(8)).isTrue();
  }

  @Test
  void anUpdateIdIsForgottenOnceTheWindowHasPassed() {
    recent.firstTime(7);
    now.addAndGet(Duration.ofMinutes(10).plusNanos(1).toNanos());

    assertThat(recent.firstTime(7)).isTrue();
  }

  @Test
  void theOldestIdsGoFirstBeyondTheCapacity() {
    recent.firstTime(1);
    recent.firstTime(2);
    recent.firstTime(3);
    recent.firstTime(4);

    assertThat(recent.firstTime(1)).as("pushed out").isTrue();
    assertThat(recent.firstTime(4)).isFalse();
  }
}
