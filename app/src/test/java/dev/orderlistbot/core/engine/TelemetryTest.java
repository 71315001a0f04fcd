package dev.orderlistbot.core.engine;

import static dev.orderlistbot.core.engine.TestBot.ALICE;
import static dev.orderlistbot.core.engine.TestBot.dm;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.chat.ChatEvent;
import dev.orderlistbot.core.chat.MessageRef;
import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.TradingEnvironment;
import dev.orderlistbot.core.engine.RecordingTelemetry.Placement;
import dev.orderlistbot.core.port.out.ChatDeliveryException;
import dev.orderlistbot.core.port.out.EngineTelemetry.PlacementOutcome;
import dev.orderlistbot.core.port.out.EngineTelemetry.RetryReason;
import dev.orderlistbot.core.port.out.ExchangeError;
import dev.orderlistbot.core.port.out.OutboxMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the engine and the dispatcher report for the operator's metrics (issue 9). */
class TelemetryTest {
  private static final String OCO = "/oco BTCUSDT sell 0.01 tp 32000 sl 29000/28900";

  @TempDir Path dir;
  private TestBot bot;
  private FakeExchange exchange;
  private final ChatRef alice = dm(ALICE);

  @BeforeEach
  void start() {
    bot = TestBot.withFakeExchange(dir, TradingEnvironment.PAPER, new RecordingEventSource());
    exchange = (FakeExchange) bot.exchange;
  }

  @AfterEach
  void stop() {
    bot.close();
  }

  private void confirm() {
    bot.say(ALICE, OCO);
    MessageRef preview = bot.lastButtons(alice);
    bot.press(ALICE, preview, Replies.CONFIRM);
  }

  @Test
  void aPlacedListIsCountedAsPlacedWithoutACode() {
    confirm();

    assertThat(bot.telemetry.placements).containsExactly(new Placement(PlacementOutcome.PLACED, ExchangeError.NO_CODE));
  }

  @Test
  void theConfirmationLatencyIsTheClockTimeFromThePressToTheAnswer() {
    bot.say(ALICE, OCO);
    MessageRef preview = bot.lastButtons(alice);
    bot.clock.advance(Duration.ofSeconds(20)); // the trader reads the preview: not part of the latency
    exchange.whilePlacing = () -> bot.clock.advance(Duration.ofMillis(750));

    bot.press(ALICE, preview, Replies.CONFIRM);

    assertThat(bot.telemetry.confirmations).containsExactly(Duration.ofMillis(750));
  }

  @Test
  void anExchangeRefusalIsCountedWithBinancesCode() {
    exchange.placeMode = FakeExchange.PlaceMode.REFUSE;

    confirm();

    assertThat(bot.telemetry.placements).containsExactly(new Placement(PlacementOutcome.REFUSED, -2010));
    assertThat(bot.telemetry.confirmations).hasSize(1);
  }

  @Test
  void anOutcomeStillUnknownAfterTheLookUpIsCountedAsUnknown() {
    exchange.placeMode = FakeExchange.PlaceMode.LOSE_THEN_UNKNOWN;

    confirm();

    assertThat(bot.telemetry.placements).containsExactly(new Placement(PlacementOutcome.UNKNOWN, ExchangeError.NO_CODE));
    assertThat(bot.telemetry.confirmations).hasSize(1);
  }

  @Test
  void anUnknownOutcomeFoundByTheLookUpIsCountedAsPlaced() {
    exchange.placeMode = FakeExchange.PlaceMode.RECORD_THEN_UNKNOWN;

    confirm();

    assertThat(bot.telemetry.placements).extracting(Placement::outcome).containsExactly(PlacementOutcome.PLACED);
  }

  @Test
  void anExceptionWhilePlacingIsCountedAsAnError() {
    exchange.placeMode = FakeExchange.PlaceMode.THROW;

    confirm();

    assertThat(bot.telemetry.placements).extracting(Placement::outcome).containsExactly(PlacementOutcome.ERROR);
  }

  @Test
  void aListTheChecksRefuseIsCountedAsAPreTradeRefusalAndNoPressIsTimed() {
    bot.say(ALICE, "/oco BTCUSDT sell 0.01 tp 29500 sl 29000");

    assertThat(bot.telemetry.placements)
        .containsExactly(new Placement(PlacementOutcome.PRE_TRADE_REFUSED, ExchangeError.NO_CODE));
    assertThat(bot.telemetry.confirmations).isEmpty();
  }

  @Test
  void aSecondPressOnAHandledPreviewCountsNothingMore() {
    bot.say(ALICE, OCO);
    ChatEvent.ButtonPressed press = bot.pressEvent(ALICE, bot.lastButtons(alice), Replies.CONFIRM);

    bot.engine().handle(press);
    bot.engine().handle(press);

    assertThat(bot.telemetry.placements).hasSize(1);
    assertThat(bot.telemetry.confirmations).hasSize(1);
  }

  @Test
  void aSendThePlatformDefersIsCountedAsARetryWithItsReason() {
    bot.stores(s -> s.outbox().enqueue(new OutboxMessage("n:1", alice, "one")));
    bot.telegram.failNextSend(ChatDeliveryException.retryLater("429 Too Many Requests", Optional.of(Duration.ofSeconds(30)), null));
    assertThat(bot.dispatcher().drainOnce()).isZero();

    bot.clock.advance(Duration.ofSeconds(31));
    bot.telegram.failNextSend(ChatDeliveryException.retryLater("502 Bad Gateway", Optional.empty(), null));
    assertThat(bot.dispatcher().drainOnce()).isZero();

    assertThat(bot.telemetry.retries).containsExactly(RetryReason.RETRY_AFTER, RetryReason.TRANSIENT);
  }

  @Test
  void aMessageHeldBackByTheRateLimitOrAStoppedPlatformIsCountedAsPostponed() {
    bot.stores(s -> s.outbox().enqueue(new OutboxMessage("n:1", alice, "one")));
    bot.stores(s -> s.outbox().enqueue(new OutboxMessage("n:2", alice, "two")));
    bot.stores(s -> s.outbox().enqueue(new OutboxMessage("n:3", new ChatRef("discord", "42"), "three")));

    assertThat(bot.dispatcher().drainOnce()).isEqualTo(1);

    assertThat(bot.telemetry.retries).containsExactlyInAnyOrder(RetryReason.RATE_LIMITED, RetryReason.PLATFORM_DOWN);
  }

  @Test
  void aDeliveredMessageCountsNoRetry() {
    bot.stores(s -> s.outbox().enqueue(new OutboxMessage("n:1", alice, "one")));

    assertThat(bot.dispatcher().drainOnce()).isEqualTo(1);

    assertThat(bot.telemetry.retries).isEmpty();
    assertThat(bot.telemetry.delivered).hasValue(1);
  }

  @Test
  void aNoticeSentByTheDrainAnEventTriggersIsCountedDelivered() {
    bot.stores(s -> s.outbox().enqueue(new OutboxMessage("n:1", alice, "one")));

    bot.dispatcher().trigger();

    assertThat(bot.telegram.texts(alice)).containsExactly("one");
    assertThat(bot.telemetry.delivered).hasValue(1);
  }
}
