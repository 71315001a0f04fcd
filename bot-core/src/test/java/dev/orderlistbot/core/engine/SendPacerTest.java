package dev.orderlistbot.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.domain.ChatRef;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SendPacerTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private static final ChatRef PRIVATE = new ChatRef("telegram", "1001");
  private static final ChatRef GROUP = new ChatRef("telegram", "-100200300");

  private final SendPacer pacer = new SendPacer();
  private final DeliveryPolicy telegram = DeliveryPolicy.telegram();

  @Test
  void aPrivateChatGetsOneMessagePerSecondAndHearsWhenTheNextMayGo() {
    assertThat(pacer.reserve(PRIVATE, telegram, T0)).isEmpty();
    assertThat(pacer.reserve(PRIVATE, telegram, T0.plusMillis(500))).contains(T0.plusSeconds(1));
    assertThat(pacer.reserve(PRIVATE, telegram, T0.plusSeconds(1))).isEmpty();
  }

  @Test
  void aTelegramGroupGetsAtMostTwentyMessagesAMinute() {
    long sent =
        IntStream.range(0, 600)
            .filter(tenth -> pacer.reserve(GROUP, telegram, T0.plusMillis(100L * tenth)).isEmpty())
            .count();

    assertThat(sent).isEqualTo(20);
  }

  @Test
  void telegramAsAWholeSendsAtMostThirtyInAnySecondButFifteenAtOnce() {
    long atOnce =
        IntStream.range(0, 100).filter(i -> pacer.reserve(chat(i), telegram, T0).isEmpty()).count();
    long inTheSecond =
        IntStream.range(100, 1100)
            .filter(i -> pacer.reserve(chat(i), telegram, T0.plusMillis(i - 100L)).isEmpty())
            .count();

    assertThat(atOnce).isEqualTo(15);
    assertThat(atOnce + inTheSecond).isLessThanOrEqualTo(30);
  }

  @Test
  void sendersWhoBookAreServedInTheOrderTheyBookedEachAtItsOwnInstant() {
    DeliveryPolicy ceiling = DeliveryPolicy.telegramAtTheCeiling();

    assertThat(IntStream.range(0, 3).mapToObj(i -> pacer.book(chat(i), ceiling, T0)))
        .containsExactly(T0, T0.plusMillis(35), T0.plusMillis(70));
    assertThat(pacer.book(chat(0), ceiling, T0)).as("the first chat again, a second after its first").isEqualTo(T0.plusSeconds(1));
  }

  @Test
  void aPlatformWideHoldOffDelaysEveryBookingAndIsToldToThoseBookedBefore() {
    DeliveryPolicy ceiling = DeliveryPolicy.telegramAtTheCeiling();
    Instant booked = pacer.book(chat(1), ceiling, T0);

    pacer.holdOffPlatform("telegram", ceiling, T0.plusSeconds(3));

    assertThat(booked).isEqualTo(T0);
    assertThat(pacer.heldUntil("telegram")).isEqualTo(T0.plusSeconds(3));
    assertThat(pacer.book(chat(2), ceiling, T0)).isEqualTo(T0.plusSeconds(3));
    assertThat(pacer.book(chat(3), ceiling, T0)).isEqualTo(T0.plusSeconds(3).plusMillis(35));
  }

  @Test
  void otherPlatformsAreUnlimitedByDefault() {
    ChatRef console = new ChatRef("console", "local");
    DeliveryPolicy policy = DeliveryPolicy.defaultFor("console");

    assertThat(IntStream.range(0, 1000).filter(i -> pacer.reserve(console, policy, T0).isEmpty()).count())
        .isEqualTo(1000);
  }

  @Test
  void aRetryAfterHoldsTheChatBackEvenOnAnUnlimitedPlatform() {
    ChatRef console = new ChatRef("console", "local");
    DeliveryPolicy policy = DeliveryPolicy.unlimited();

    pacer.holdOff(console, policy, T0.plusSeconds(30));

    assertThat(pacer.reserve(console, policy, T0.plusSeconds(29))).isEqualTo(Optional.of(T0.plusSeconds(30)));
    assertThat(pacer.reserve(console, policy, T0.plusSeconds(30))).isEmpty();
  }

  @Test
  void aLimitNeedsABurstOfOneAtLeast() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DeliveryPolicy.Limit(0, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static ChatRef chat(int i) {
    return new ChatRef("telegram", String.valueOf(5000 + i));
  }
}
