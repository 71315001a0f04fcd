package dev.orderlistbot.core.engine;

import static dev.orderlistbot.core.engine.TestBot.ALICE;
import static dev.orderlistbot.core.engine.TestBot.dm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderlistbot.core.chat.ChatEvent;
import dev.orderlistbot.core.chat.MessageRef;
import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.TradingEnvironment;
import dev.orderlistbot.core.port.out.ChatDeliveryException;
import dev.orderlistbot.core.port.out.OrderListState;
import dev.orderlistbot.core.port.out.TrackedOrderList;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, defects 6 and 7: a placement whose outcome nobody knows (the process died between the
 * Confirm and the exchange's answer, the answer and the look-up were lost, the request never
 * arrived) is settled by looking its client id up, and the trader is told the truth on the preview;
 * placement results go through the outbox, so a rate-limited edit is retried, not lost.
 */
class PlacementSettlementTest {
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

  @Test
  void aConfirmWhoseProcessDiedBeforeTheSendIsToldNotPlacedOnceTheRequestCouldNoLongerExecute() {
    bot.say(ALICE, OCO);
    MessageRef preview = bot.lastButtons(alice);
    exchange.whilePlacing = () -> {
      throw new OutOfMemoryError("the process dies before the request leaves");
    };
    ChatEvent.ButtonPressed confirm = bot.pressEvent(ALICE, preview, Replies.CONFIRM);
    assertThatThrownBy(() -> bot.engine().handle(confirm)).isInstanceOf(OutOfMemoryError.class);
    exchange.whilePlacing = () -> {};

    bot.restart();
    bot.engine().settlePlacements();
    String soon = bot.telegram.now(preview).text();
    bot.clock.advance(PlacementSettlement.FINAL_AFTER);
    bot.engine().settlePlacements();
    bot.engine().handle(confirm);

    assertThat(soon).as("not final while the request could still execute").startsWith("Placing…");
    assertThat(bot.telegram.now(preview).text()).startsWith("❌ Not placed").contains("nothing was placed");
    assertThat(bot.lastReply(ALICE)).isEqualTo(Replies.alreadyConfirmed());
    assertThat(exchange.allLists()).isEmpty();
    assertThat(onlyList().state()).isEqualTo(OrderListState.REJECTED);
  }

  @Test
  void aListPlacedWhoseAnswerAndLookUpWereLostIsToldPlacedAfterAllWithoutBeingSentAgain() {
    exchange.placeMode = FakeExchange.PlaceMode.RECORD_THEN_UNKNOWN;
    exchange.lookupFailures.set(1);
    bot.say(ALICE, OCO);
    MessageRef preview = bot.lastButtons(alice);

    bot.press(ALICE, preview, Replies.CONFIRM);
    String first = bot.telegram.now(preview).text();
    bot.engine().settlePlacements();

    assertThat(first).contains("cannot tell whether it was placed");
    assertThat(bot.telegram.now(preview).text()).startsWith("✅ Placed on PAPER after all").contains("#8821");
    assertThat(exchange.placeCalls).hasValue(1);
    assertThat(onlyList().state()).isEqualTo(OrderListState.EXECUTING);
  }

  @Test
  void aRequestThatNeverReachedTheExchangeIsToldNotPlacedOnceAndOnlyAfterTheWindow() {
    exchange.placeMode = FakeExchange.PlaceMode.LOSE_THEN_UNKNOWN;
    bot.say(ALICE, OCO);
    MessageRef preview = bot.lastButtons(alice);
    bot.press(ALICE, preview, Replies.CONFIRM);

    bot.engine().settlePlacements();
    assertThat(onlyList().state()).isEqualTo(OrderListState.UNKNOWN);
    bot.clock.advance(PlacementSettlement.FINAL_AFTER);
    bot.engine().settlePlacements();
    int shown = bot.telegram.history().size();
    bot.engine().settlePlacements();

    assertThat(bot.telegram.now(preview).text()).startsWith("❌ Not placed");
    assertThat(bot.telegram.history()).as("told once").hasSize(shown);
    assertThat(onlyList().state()).isEqualTo(OrderListState.REJECTED);
    assertThat(exchange.placeCalls).hasValue(1);
  }

  @Test
  void aPlacementResultThatHitsARateLimitIsShownOnceThePlatformTakesItAgain() {
    bot.say(ALICE, OCO);
    MessageRef preview = bot.lastButtons(alice);
    ChatDeliveryException tooMany = ChatDeliveryException.retryLater("429 Too Many Requests", Optional.of(Duration.ofSeconds(30)), null);
    bot.telegram.failNextEdits(2, tooMany);
    bot.telegram.failNextSends(1, tooMany);

    bot.press(ALICE, preview, Replies.CONFIRM);
    boolean shownAtOnce = bot.telegram.now(preview).text().startsWith("✅");
    bot.clock.advance(Duration.ofSeconds(31));
    bot.dispatcher().drainOnce();

    assertThat(shownAtOnce).as("the platform refused it at first").isFalse();
    assertThat(bot.telegram.now(preview).text()).startsWith("✅ Placed on PAPER").contains("#8821");
    assertThat(exchange.placeCalls).hasValue(1);
  }

  private TrackedOrderList onlyList() {
    assertThat(exchange.clientIdsSent).hasSize(1);
    return bot.transactor().inTransaction(s -> s.orderLists().findByListClientOrderId(exchange.clientIdsSent.getFirst())).orElseThrow();
  }
}
