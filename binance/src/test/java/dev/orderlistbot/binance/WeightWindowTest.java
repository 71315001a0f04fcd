package dev.orderlistbot.binance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class WeightWindowTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  private final WeightWindow window = new WeightWindow();

  @Test
  void spendsUpToTheBudgetInSixtySecondsAndNoMore() {
    for (int i = 0; i < 5; i++) {
      assertThat(window.trySpend(20, 100, T0.plusSeconds(i))).isEmpty();
    }

    assertThat(window.trySpend(20, 100, T0.plusSeconds(10))).contains(T0.plusSeconds(60));
    assertThat(window.spent(T0.plusSeconds(10))).isEqualTo(100);
  }

  @Test
  void theRefusalNamesTheSecondWhenEnoughWeightHasLeftTheWindow() {
    window.trySpend(20, 100, T0);
    window.trySpend(20, 100, T0.plusSeconds(5));
    window.trySpend(60, 100, T0.plusSeconds(7));

    assertThat(window.trySpend(30, 100, T0.plusSeconds(8))).contains(T0.plusSeconds(65));
  }

  @Test
  void weightLeavesTheWindowSixtySecondsAfterItWasSpent() {
    window.trySpend(100, 100, T0);

    assertThat(window.trySpend(20, 100, T0.plusSeconds(59))).isPresent();
    assertThat(window.trySpend(20, 100, T0.plusSeconds(60))).isEmpty();
  }

  @Test
  void aRefusedReadSpendsNothing() {
    window.trySpend(100, 100, T0);
    for (int i = 0; i < 50; i++) {
      window.trySpend(20, 100, T0.plusSeconds(30));
    }

    assertThat(window.spent(T0.plusSeconds(30))).isEqualTo(100);
    assertThat(window.trySpend(100, 100, T0.plusSeconds(60))).isEmpty();
  }

  @Test
  void aRefundGivesTheWeightBack() {
    window.trySpend(100, 100, T0);
    window.refund(100, T0);

    assertThat(window.trySpend(100, 100, T0.plusSeconds(1))).isEmpty();
  }
}
