package dev.orderlistbot.binance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60));

  @Test
  void theWaitDoublesWithEachFailureFromTheInitialOne() {
    assertThat(backoff.after(0)).isEqualTo(Duration.ofSeconds(1));
    assertThat(backoff.after(1)).isEqualTo(Duration.ofSeconds(2));
    assertThat(backoff.after(2)).isEqualTo(Duration.ofSeconds(4));
    assertThat(backoff.after(5)).isEqualTo(Duration.ofSeconds(32));
  }

  @Test
  void theWaitStopsAtTheLongestHoweverManyFailures() {
    assertThat(backoff.after(6)).isEqualTo(Duration.ofSeconds(60));
    assertThat(backoff.after(29)).isEqualTo(Duration.ofSeconds(60));
    assertThat(backoff.after(30)).isEqualTo(Duration.ofSeconds(60));
    assertThat(backoff.after(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void theDefaultSettingsWaitOneSecondFirst() {
    assertThat(Backoff.of(BinanceUserDataStream.Settings.defaults()).after(0)).isEqualTo(Duration.ofSeconds(1));
    assertThat(Backoff.of(BinanceUserDataStream.Settings.defaults()).after(10)).isEqualTo(Duration.ofSeconds(60));
  }
}
