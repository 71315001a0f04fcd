package dev.orderlistbot.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.domain.ChatRef;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SendWindowsTest {
  private static final Instant T0 = Instant.parse("2026-12-04T09:00:00Z");
  private static final FloodLimits TELEGRAM = FloodLimits.telegram();

  private final SendWindows windows = new SendWindows();

  @Test
  void aSendStillInFlightKeepsItsChatClosedUntilASecondAfterItsAnswer() {
    ChatRef chat = chat(1);
    assertThat(windows.tryStart(chat, windows.join(chat), TELEGRAM, T0)).isEmpty();
    long next = windows.join(chat);

    assertThat(windows.tryStart(chat, next, TELEGRAM, T0.plusSeconds(5))).contains(T0.plusSeconds(6));
    windows.answered(chat, TELEGRAM, T0.plusSeconds(5).plusMillis(300));

    assertThat(windows.tryStart(chat, next, TELEGRAM, T0.plusSeconds(6))).contains(T0.plusSeconds(6).plusMillis(300));
    assertThat(windows.tryStart(chat, next, TELEGRAM, T0.plusSeconds(6).plusMillis(300))).isEmpty();
  }

  @Test
  void aChatsSendsStartInTheOrderTheyJoinedItsLine() {
    ChatRef chat = chat(1);
    long first = windows.join(chat);
    long second = windows.join(chat);

    assertThat(windows.tryStart(chat, second, TELEGRAM, T0)).isPresent();
    assertThat(windows.tryStart(chat, first, TELEGRAM, T0)).isEmpty();
  }

  @Test
  void aSenderThatStopsWaitingLeavesTheLineToTheNext() {
    ChatRef chat = chat(1);
    long gone = windows.join(chat);
    long next = windows.join(chat);

    windows.leave(chat, gone);

    assertThat(windows.tryStart(chat, next, TELEGRAM, T0)).isEmpty();
  }

  @Test
  void theThirtyFirstSendWaitsForTheFirstCountedAnswerToLeaveTheSecond() {
    for (int i = 0; i < 30; i++) {
      ChatRef chat = chat(i);
      assertThat(windows.tryStart(chat, windows.join(chat), TELEGRAM, T0.plusMillis(10L * i))).isEmpty();
      windows.answered(chat, TELEGRAM, T0.plusMillis(10L * i + 5));
    }
    ChatRef last = chat(30);
    long ticket = windows.join(last);

    assertThat(windows.tryStart(last, ticket, TELEGRAM, T0.plusMillis(400))).contains(T0.plusMillis(1_005));
    assertThat(windows.tryStart(last, ticket, TELEGRAM, T0.plusMillis(1_005))).isEmpty();
  }

  @Test
  void whenThirtyAreInFlightTheNextLooksAgainNoSoonerThanASecondLater() {
    for (int i = 0; i < 30; i++) {
      ChatRef chat = chat(i);
      assertThat(windows.tryStart(chat, windows.join(chat), TELEGRAM, T0)).isEmpty();
    }
    ChatRef waiting = chat(30);

    assertThat(windows.tryStart(waiting, windows.join(waiting), TELEGRAM, T0.plusMillis(50)))
        .contains(T0.plusMillis(1_050));
  }

  @Test
  void threeInstancesWithOneTokenEachKeepTenOfTheThirty() {
    FloodLimits third = TELEGRAM.sharedBy(3);
    for (int i = 0; i < 10; i++) {
      ChatRef chat = chat(i);
      assertThat(windows.tryStart(chat, windows.join(chat), third, T0)).isEmpty();
      windows.answered(chat, third, T0);
    }
    ChatRef eleventh = chat(10);

    assertThat(windows.tryStart(eleventh, windows.join(eleventh), third, T0)).contains(T0.plusSeconds(1));
  }

  @Test
  void aGroupTakesTwentyAMinute() {
    ChatRef group = new ChatRef("telegram", "-100123");
    for (int i = 0; i < 20; i++) {
      assertThat(windows.tryStart(group, windows.join(group), TELEGRAM, T0.plusSeconds(i))).isEmpty();
      windows.answered(group, TELEGRAM, T0.plusSeconds(i));
    }

    Optional<Instant> twentyFirst = windows.tryStart(group, windows.join(group), TELEGRAM, T0.plusSeconds(20));

    assertThat(twentyFirst).contains(T0.plusSeconds(60));
  }

  @Test
  void noLimitsLetEverySendGoAtOnce() {
    FloodLimits none = FloodLimits.none();
    for (int i = 0; i < 100; i++) {
      ChatRef chat = chat(1);
      assertThat(windows.tryStart(chat, windows.join(chat), none, T0)).isEmpty();
    }
  }

  private static ChatRef chat(int i) {
    return new ChatRef("telegram", Long.toString(1_000_000L + i));
  }
}
