package dev.orderlistbot.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StrangerRepliesTest {
  private static final UserRef MALLORY = new UserRef("telegram", "666");
  private static final UserRef TRUDY = new UserRef("telegram", "667");

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
  private final StrangerReplies replies = new StrangerReplies(clock, Duration.ofHours(1), 3);

  @Test
  void aStrangerIsToldOnceAnHour() {
    assertThat(replies.shouldTell(MALLORY)).isTrue();
    clock.advance(Duration.ofMinutes(59));
    assertThat(replies.shouldTell(MALLORY)).isFalse();
    clock.advance(Duration.ofMinutes(1));
    assertThat(replies.shouldTell(MALLORY)).isTrue();
    assertThat(replies.shouldTell(MALLORY)).isFalse();
  }

  @Test
  void eachStrangerIsToldOnceOnTheirOwn() {
    assertThat(replies.shouldTell(MALLORY)).isTrue();

    assertThat(replies.shouldTell(TRUDY)).isTrue();
    assertThat(replies.shouldTell(TRUDY)).isFalse();
  }

  @Test
  void aFloodOfDistinctStrangersIsRememberedOnlyUpToTheCap() {
    IntStream.range(0, 1_000).forEach(i -> replies.shouldTell(new UserRef("telegram", "s" + i)));

    assertThat(replies.remembered()).isEqualTo(3);
  }

  @Test
  void strangersWhoseHourIsOverAreForgottenAsOthersArrive() {
    replies.shouldTell(MALLORY);
    replies.shouldTell(TRUDY);
    clock.advance(Duration.ofHours(1));

    replies.shouldTell(new UserRef("telegram", "668"));

    assertThat(replies.remembered()).isEqualTo(1);
  }
}
