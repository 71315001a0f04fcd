package dev.orderlistbot.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderlistbot.core.chat.MessageRef;
import dev.orderlistbot.core.chat.OutboundMessage;
import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.port.out.ChatDeliveryException;
import dev.orderlistbot.core.port.out.ChatPlatform;
import dev.orderlistbot.testing.MutableClock;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PacedChatPlatformTest {
  private static final Instant T0 = Instant.parse("2026-12-04T04:00:00Z");

  private final MutableClock clock = new MutableClock(T0);
  private final Recording telegram = new Recording();
  // waiting moves the test's clock to the instant waited for
  private final PacedChatPlatform paced =
      new PacedChatPlatform(telegram, DeliveryPolicy.telegramAtTheCeiling(), FloodLimits.telegram(), clock, at -> {
        if (at.isAfter(clock.instant())) {
          clock.set(at);
        }
      });

  @Test
  void aBurstOfAnswersToAThousandChatsLeavesAtTheCeilingAndNoneIsLost() {
    for (int i = 0; i < 1_000; i++) {
      paced.send(chat(i), OutboundMessage.text("PREVIEW " + i));
    }

    assertThat(telegram.sent).hasSize(1_000);
    for (int i = 0; i < telegram.sent.size(); i++) {
      Instant from = telegram.sent.get(i);
      long inTheSecond = telegram.sent.stream().filter(at -> !at.isBefore(from) && at.isBefore(from.plusSeconds(1))).count();
      assertThat(inTheSecond).as("messages in the second from the %dth", i).isLessThanOrEqualTo(29);
    }
    Duration all = Duration.between(telegram.sent.getFirst(), telegram.sent.getLast());
    assertThat(999_000.0 / all.toMillis()).as("messages a second").isGreaterThanOrEqualTo(28.5);
  }

  @Test
  void threeInstancesSendingWithOneTokenEachKeepToAThirdOfThePace() {
    PacedChatPlatform oneOfThree =
        new PacedChatPlatform(telegram, DeliveryPolicy.telegramAtTheCeiling(), FloodLimits.telegram(), clock, at -> clock.set(at), () -> 3);

    for (int i = 0; i < 10; i++) {
      oneOfThree.send(chat(i), OutboundMessage.text("notice " + i));
    }

    assertThat(Duration.between(telegram.sent.getFirst(), telegram.sent.getLast())).isEqualTo(Duration.ofMillis(9 * 105));
  }

  @Test
  void aPrivateChatHearsAtMostOneMessageASecond() {
    paced.send(chat(1), OutboundMessage.text("a"));
    paced.send(chat(1), OutboundMessage.text("b"));

    assertThat(Duration.between(telegram.sent.get(0), telegram.sent.get(1))).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void aPrivateChatsNextMessageWaitsASecondFromThePreviousOnesAnswerNotFromWhenItLeft() {
    // the preview's photo takes 400 ms to upload: Telegram counts it when it has it all
    telegram.uploads.add(Duration.ofMillis(400));
    paced.send(chat(1), OutboundMessage.text("PREVIEW with its chart"));
    paced.send(chat(1), OutboundMessage.text("placed"));

    assertThat(Duration.between(telegram.sent.get(0), telegram.sent.get(1))).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void sendsThatArriveLateStillMakeAtMostThirtyInAnySecondWhereTelegramCountsThem() throws Exception {
    // two photos leave first and are still uploading while 28 texts go at the pace; they arrive
    // together with the last text, so one more message a pace later would be Telegram's 31st
    telegram.holdInFlight("photo a", "photo b");
    Thread a = Thread.ofPlatform().start(() -> paced.send(chat(1_001), OutboundMessage.text("photo a")));
    telegram.awaitInFlight("photo a");
    Thread b = Thread.ofPlatform().start(() -> paced.send(chat(1_002), OutboundMessage.text("photo b")));
    telegram.awaitInFlight("photo b");
    for (int i = 0; i < 28; i++) {
      paced.send(chat(i), OutboundMessage.text("text " + i));
    }
    telegram.releaseInFlight();
    a.join();
    b.join();
    for (int i = 28; i < 60; i++) {
      paced.send(chat(i), OutboundMessage.text("text " + i));
    }

    List<Instant> arrivals = telegram.arrivalsInOrder();
    assertThat(arrivals).hasSize(62);
    for (Instant last : arrivals) {
      long inTheSecond = arrivals.stream().filter(at -> !at.isAfter(last) && at.isAfter(last.minusSeconds(1))).count();
      assertThat(inTheSecond).as("messages Telegram counts in the second up to %s", last).isLessThanOrEqualTo(30);
    }
  }

  @Test
  void aTooManyRequestsAnswerHoldsTheWholePlatformUntilItsRetryAfterAndTheMessageGoesOnceMore() {
    telegram.refusals.add(Duration.ofSeconds(3));

    paced.send(chat(1), OutboundMessage.text("refused, then sent"));
    paced.send(chat(2), OutboundMessage.text("another chat"));

    assertThat(telegram.sent).containsExactly(T0.plusSeconds(3), T0.plusSeconds(3).plusMillis(35));
    assertThat(telegram.texts).containsExactly("refused, then sent", "another chat");
  }

  @Test
  void aSendWaitingForRoomInItsChatsWindowStaysBehindAHoldAnotherSendMetMeanwhile() {
    // "b" waits until a second after "a"'s answer (its photo took 400 ms to upload); while it waits,
    // another chat's send is told to wait 30 s: "b" must not start inside that hold
    Instant bsRoom = T0.plusMillis(1_400);
    boolean[] otherRefused = {false};
    AtomicReference<PacedChatPlatform> self = new AtomicReference<>();
    PacedChatPlatform pacedWithAHoldMeanwhile =
        new PacedChatPlatform(telegram, DeliveryPolicy.telegramAtTheCeiling(), FloodLimits.telegram(), clock, at -> {
          if (at.equals(bsRoom) && !otherRefused[0]) {
            otherRefused[0] = true;
            telegram.refusals.add(Duration.ofSeconds(30));
            assertThatThrownBy(() -> self.get().send(chat(2), OutboundMessage.text("refused for 30 s")))
                .isInstanceOf(ChatDeliveryException.class);
          }
          if (at.isAfter(clock.instant())) {
            clock.set(at);
          }
        });
    self.set(pacedWithAHoldMeanwhile);
    telegram.uploads.add(Duration.ofMillis(400));

    pacedWithAHoldMeanwhile.send(chat(1), OutboundMessage.text("a"));
    pacedWithAHoldMeanwhile.send(chat(1), OutboundMessage.text("b"));

    assertThat(otherRefused[0]).as("the other send was refused while b waited for room").isTrue();
    assertThat(telegram.sent.getLast()).as("b arrives").isAfterOrEqualTo(T0.plusSeconds(31));
  }

  @Test
  void aLongerRetryAfterIsLeftToTheCallerButStillHoldsThePlatform() {
    telegram.refusals.add(Duration.ofSeconds(30));

    assertThatThrownBy(() -> paced.send(chat(1), OutboundMessage.text("notice")))
        .isInstanceOfSatisfying(ChatDeliveryException.class, e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(30)));
    paced.send(chat(2), OutboundMessage.text("next"));

    assertThat(telegram.sent).containsExactly(T0.plusSeconds(30));
  }

  @Test
  void anAnswerAskedToWaitLongerThanThePlatformWaitsOutArrivesAfterTheWaitOnce() {
    telegram.refusals.add(Duration.ofSeconds(30));
    ChatOut out = new ChatOut(ChatPlatforms.of(paced));

    Optional<MessageRef> preview = out.send(chat(1), OutboundMessage.text("PREVIEW"));

    assertThat(preview).isPresent();
    assertThat(telegram.sent).containsExactly(T0.plusSeconds(30));
    assertThat(telegram.texts).containsExactly("PREVIEW");
  }

  @Test
  void anAnswerRefusedAgainOnThePlatformsOwnRetryGoesOnceMoreAfterTheSecondWait() {
    telegram.refusals.add(Duration.ofSeconds(1));
    telegram.refusals.add(Duration.ofSeconds(1));
    ChatOut out = new ChatOut(ChatPlatforms.of(paced));

    assertThat(out.send(chat(1), OutboundMessage.text("PREVIEW"))).isPresent();
    assertThat(telegram.attempts).isEqualTo(3);
    assertThat(telegram.sent).containsExactly(T0.plusSeconds(2));
  }

  @Test
  void anAnswerRefusedAgainAndAgainIsSentWhileTheWaitsAskedAddUpToTwoMinutes() {
    telegram.refusals.add(Duration.ofSeconds(30));
    telegram.refusals.add(Duration.ofSeconds(30));
    telegram.refusals.add(Duration.ofSeconds(30));
    ChatOut out = new ChatOut(ChatPlatforms.of(paced));

    assertThat(out.send(chat(1), OutboundMessage.text("PREVIEW"))).isPresent();
    assertThat(telegram.attempts).isEqualTo(4);
    assertThat(telegram.sent).containsExactly(T0.plusSeconds(90));
  }

  @Test
  void anAnswerWhoseWaitsPassTwoMinutesIsDroppedNotSentForever() {
    telegram.refusals.add(Duration.ofSeconds(60));
    telegram.refusals.add(Duration.ofSeconds(60));
    telegram.refusals.add(Duration.ofSeconds(60));
    ChatOut out = new ChatOut(ChatPlatforms.of(paced));

    assertThat(out.send(chat(1), OutboundMessage.text("PREVIEW"))).isEmpty();
    assertThat(telegram.attempts).isEqualTo(3);
    assertThat(telegram.sent).isEmpty();
  }

  @Test
  void aRefusalForGoodIsNotSentAgain() {
    telegram.forGood = true;

    assertThatThrownBy(() -> paced.send(chat(1), OutboundMessage.text("blocked"))).isInstanceOf(ChatDeliveryException.class);
    assertThat(telegram.attempts).isEqualTo(1);
  }

  @Test
  void editsAndDeletionsAreNotHeldBack() {
    paced.send(chat(1), OutboundMessage.text("a"));
    paced.edit(new MessageRef(chat(1), "1"), OutboundMessage.text("a, edited"));
    paced.delete(new MessageRef(chat(1), "1"));

    assertThat(clock.instant()).isEqualTo(T0);
    assertThat(telegram.edits).isEqualTo(1);
  }

  @Test
  void everyMethodOfAChatPlatformIsPassedOnNotLeftToItsDefault() {
    List<String> missing = new ArrayList<>();
    for (Method method : ChatPlatform.class.getMethods()) {
      boolean passedOn = Arrays.stream(PacedChatPlatform.class.getDeclaredMethods())
          .anyMatch(own -> own.getName().equals(method.getName()) && Arrays.equals(own.getParameterTypes(), method.getParameterTypes()));
      if (!passedOn) {
        missing.add(method.getName() + Arrays.toString(method.getParameterTypes()));
      }
    }

    assertThat(missing).isEmpty();
  }

  private static ChatRef chat(int i) {
    return new ChatRef("telegram", Long.toString(1_000_000L + i));
  }

  /** Telegram as the test sees it: when each message arrived, and 429s to answer first. */
  private final class Recording implements ChatPlatform {
    final List<Instant> sent = new ArrayList<>();
    final List<String> texts = new ArrayList<>();
    final Deque<Duration> refusals = new ArrayDeque<>();
    /** How long each next send takes to reach Telegram whole (none left: at once). */
    final Deque<Duration> uploads = new ArrayDeque<>();
    private final Map<String, CountDownLatch> inFlight = new ConcurrentHashMap<>();
    private final CountDownLatch release = new CountDownLatch(1);
    boolean forGood;
    int attempts;
    int edits;

    /** Sends of these texts stay in flight, arriving only once {@link #releaseInFlight} is called. */
    void holdInFlight(String... held) {
      for (String text : held) {
        inFlight.put(text, new CountDownLatch(1));
      }
    }

    void awaitInFlight(String text) throws InterruptedException {
      assertThat(inFlight.get(text).await(10, TimeUnit.SECONDS)).as("%s in flight", text).isTrue();
    }

    void releaseInFlight() {
      release.countDown();
    }

    synchronized List<Instant> arrivalsInOrder() {
      return sent.stream().sorted().toList();
    }

    @Override
    public String platform() {
      return "telegram";
    }

    @Override
    public MessageRef send(ChatRef chat, OutboundMessage message) {
      CountDownLatch held = inFlight.get(message.text());
      if (held != null) {
        held.countDown();
        try {
          assertThat(release.await(10, TimeUnit.SECONDS)).as("released").isTrue();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError(e);
        }
      }
      return arrive(chat, message);
    }

    private synchronized MessageRef arrive(ChatRef chat, OutboundMessage message) {
      attempts++;
      if (forGood) {
        throw new ChatDeliveryException("Forbidden: bot was blocked by the user", false, Optional.empty(), null);
      }
      Duration refused = refusals.poll();
      if (refused != null) {
        throw new ChatDeliveryException("Too Many Requests", true, Optional.of(refused), null);
      }
      Duration upload = uploads.poll();
      if (upload != null) {
        clock.advance(upload);
      }
      sent.add(clock.instant());
      texts.add(message.text());
      return new MessageRef(chat, Integer.toString(sent.size()));
    }

    @Override
    public void edit(MessageRef message, OutboundMessage replacement) {
      edits++;
    }

    @Override
    public boolean delete(MessageRef message) {
      return true;
    }
  }
}
