package dev.orderlistbot.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CommandRateTest {
  private static final UserRef ALICE = new UserRef("telegram", "1001");
  private static final UserRef BOB = new UserRef("telegram", "1002");

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
  private final CommandRate rate = new CommandRate(clock, new EngineConfig.CommandLimit(3, Duration.ofSeconds(60)));

  @Test
  void aUserMaySendTheLimitWithinTheWindowAndNoMore() {
    assertThat(IntStream.range(0, 3).mapToObj(i -> rate.admit(ALICE))).allMatch(Optional::isEmpty);

    assertThat(rate.admit(ALICE)).isPresent();
  }

  @Test
  void theRefusalSaysWhenTheOldestCommandLeavesTheWindow() {
    rate.admit(ALICE);
    clock.advance(Duration.ofSeconds(10));
    rate.admit(ALICE);
    rate.admit(ALICE);
    clock.advance(Duration.ofMillis(5_500));

    assertThat(rate.admit(ALICE)).map(CommandRate.Refusal::retryIn).contains(Duration.ofMillis(44_500));
  }

  @Test
  void onlyTheFirstRefusalOfAWindowIsToldSoTheRepliesDoNotBecomeTheFlood() {
    IntStream.range(0, 3).forEach(i -> rate.admit(ALICE));

    assertThat(rate.admit(ALICE)).map(CommandRate.Refusal::tell).contains(true);
    assertThat(IntStream.range(0, 10).mapToObj(i -> rate.admit(ALICE)))
        .allSatisfy(r -> assertThat(r).map(CommandRate.Refusal::tell).contains(false));
  }

  @Test
  void aUserIsAdmittedAgainOnceTheWindowHasMovedOnAndIsToldAgainOnTheNextFlood() {
    IntStream.range(0, 4).forEach(i -> rate.admit(ALICE));
    clock.advance(Duration.ofSeconds(60));

    assertThat(IntStream.range(0, 3).mapToObj(i -> rate.admit(ALICE))).allMatch(Optional::isEmpty);
    assertThat(rate.admit(ALICE)).map(CommandRate.Refusal::tell).contains(true);
  }

  @Test
  void refusedCommandsDoNotPushTheRetryFurtherOut() {
    IntStream.range(0, 3).forEach(i -> rate.admit(ALICE));
    clock.advance(Duration.ofSeconds(30));
    IntStream.range(0, 50).forEach(i -> rate.admit(ALICE));
    clock.advance(Duration.ofSeconds(30));

    assertThat(rate.admit(ALICE)).isEmpty();
  }

  @Test
  void oneUsersFloodLeavesAnotherUserAlone() {
    IntStream.range(0, 100).forEach(i -> rate.admit(ALICE));

    assertThat(rate.admit(BOB)).isEmpty();
  }

  @Test
  void aCountedCommandIsNeverRefusedButFillsTheWindow() {
    IntStream.range(0, 5).forEach(i -> rate.count(ALICE));

    assertThat(rate.admit(ALICE)).isPresent();
    clock.advance(Duration.ofSeconds(60));
    assertThat(rate.admit(ALICE)).isEmpty();
  }
}
