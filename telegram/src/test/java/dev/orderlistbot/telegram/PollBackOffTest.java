package dev.orderlistbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PollBackOffTest {

  @Test
  void waitsGrowFromHalfASecondAndNeverPassHalfAMinuteHoweverLongTheOutage() {
    PollBackOff backOff = new PollBackOff();
    List<Long> waits = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      waits.add(backOff.nextBackOffMillis());
    }

    assertThat(waits.getFirst()).isBetween(400L, 600L);
    assertThat(waits).allMatch(w -> w > 0 && w <= PollBackOff.MAX_MILLIS);
    assertThat(waits.getLast()).isGreaterThan(20_000L);
  }

  @Test
  void aSuccessfulPollStartsOverFromHalfASecond() {
    PollBackOff backOff = new PollBackOff();
    for (int i = 0; i < 50; i++) {
      backOff.nextBackOffMillis();
    }

    backOff.reset();

    assertThat(backOff.nextBackOffMillis()).isLessThanOrEqualTo(600L);
  }
}
