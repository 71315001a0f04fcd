package dev.orderlistbot.core.engine;

import static dev.orderlistbot.core.engine.TestBot.ALICE;
import static dev.orderlistbot.core.engine.TestBot.BOB;
import static dev.orderlistbot.core.engine.TestBot.dm;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.chat.Button;
import dev.orderlistbot.core.chat.ChatEvent;
import dev.orderlistbot.core.chat.MessageRef;
import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.TradingEnvironment;
import dev.orderlistbot.core.domain.order.ListKind;
import dev.orderlistbot.core.port.out.AuditAction;
import dev.orderlistbot.core.port.out.AuditEntry;
import dev.orderlistbot.core.port.out.OrderListState;
import dev.orderlistbot.core.port.out.TrackedOrderList;
import dev.orderlistbot.db.testing.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** A trader's message becomes exactly one order list, confirmed by that trader, or a clear refusal. */
@ParameterizedClass(name = "on {0}")
@EnumSource(TestDatabases.class)
class ConfirmationTest {
  private static final String OCO = "/oco BTCUSDT sell 0.01 tp 32000 sl 29000/28900";

  @Parameter TestDatabases databases;
  @TempDir Path dir;
  private TestBot bot;
  private FakeExchange exchange;
  private final ChatRef alice = dm(ALICE);

  @BeforeEach
  void start() {
    bot = TestBot.withFakeExchange(databases.fresh(dir), TradingEnvironment.PAPER, new RecordingEventSource());
    exchange = (FakeExchange) bot.exchange;
  }

  @AfterEach
  void stop() {
    if (bot != null) {
      bot.close();
    }
  }

  @Test
  void thePreviewShowsTheListItsFiguresAndTheEnvironmentWithConfirmAndCancel() {
    bot.say(ALICE, OCO);

    MessageRef preview = bot.lastButtons(alice);
    String text = bot.telegram.now(preview).text();
    assertThat(text)
        .contains("PREVIEW · PAPER")
        .contains("OCO SELL 0.01 BTC · BTCUSDT")
        .contains("take-profit: LIMIT_MAKER SELL at 32,000 (+6.67% from last)")
        .contains("stop-loss: STOP_LOSS_LIMIT SELL stop 29,000 limit 28,900 (-3.33% from last)")
        .contains("Notional: 300 USDT (last price 30,000)")
        .contains("Reward:risk 1.82")
        .contains("60 s");
    assertThat(bot.telegram.now(preview).buttons()).extracting(Button::label).containsExactly("Confirm", "Cancel");
    assertThat(bot.telegram.now(preview).buttons())
        .allSatisfy(b -> assertThat(b.token().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(64))
        .allSatisfy(b -> assertThat(b.token()).doesNotContain("BTC").doesNotContain("32000"));
    assertThat(exchange.placeCalls).hasValue(0);
  }

  @Test
  void confirmPlacesOnceWithTheTradersAccountAndShowsTheIds() {
    bot.say(ALICE, OCO);
    MessageRef preview = bot.lastButtons(alice);

    bot.press(ALICE, preview, Replies.CONFIRM);

    assertThat(bot.telegram.texts(alice)).contains("Placing… (PAPER)");
    assertThat(bot.telegram.now(preview).text())
        .startsWith("✅ Placed on PAPER: OCO SELL 0.01 BTCUSDT.")
        .contains("Order list #8821")
        .contains("take-profit #1001, stop-loss #1002");
    // Confirm and Cancel are gone: the preview is the list's card now, with the card's buttons
    assertThat(bot.telegram.now(preview).buttons()).extracting(Button::label).containsExactly("Cancel list", "Close at market");
    assertThat(exchange.placeCalls).hasValue(1);
    assertThat(exchange.apiKeysSeen).contains("paper-telegram-1001");
    TrackedOrderList tracked = bot.tracked(8821).orElseThrow();
    assertThat(tracked.owner()).isEqualTo(ALICE);
    assertThat(tracked.chat()).isEqualTo(alice);
    assertThat(tracked.kind()).isEqualTo(ListKind.OCO);
    assertThat(tracked.state()).isEqualTo(OrderListState.EXECUTING);
    List<AuditEntry> audit = bot.audit(ALICE);
    assertThat(audit).anySatisfy(e -> {
      assertThat(e.action()).isEqualTo(AuditAction.ORDER_LIST_CONFIRMED);
      assertThat(e.chat()).contains(alice);
      assertThat(e.subject()).contains("OCO SELL 0.01 BTCUSDT");
    });
  }

  @Test
  void aSecondPressGetsItsOwnAnswerAndPlacesNothing() {
    bot.say(ALICE, OCO);
    MessageRef preview = bot.lastButtons(alice);
    ChatEvent.ButtonPressed confirm = bot.pressEvent(ALICE, preview, Replies.CONFIRM);

    bot.engine().handle(confirm);
    bot.engine().handle(confirm);

    assertThat(bot.lastReply(ALICE)).isEqualTo(Replies.alreadyConfirmed());
    assertThat(exchange.placeCalls).hasValue(1);
  }

  @Test
  void anotherUsersPressIsRefusedAndTheTraderCanStillConfirm() {
    bot.say(ALICE, OCO);
    MessageRef preview = bot.lastButtons(alice);

    bot.press(BOB, preview, Replies.CONFIRM);
    String toBob = bot.lastReply(ALICE);
    bot.press(ALICE, preview, Replies.CONFIRM);

    assertThat(toBob).isEqualTo(Replies.notYourButton());
    assertThat(exchange.placeCalls).hasValue(1);
  }

  @Test
  void aPreviewHeldBackByThePlatformsPaceKeepsItsWholeTimeToLiveFromWhenItArrives() {
    bot.telegram.beforeEachSend(() -> bot.clock.advance(Duration.ofSeconds(35))); // a burst ahead of it
    bot.say(ALICE, OCO);
    bot.telegram.beforeEachSend(() -> {});
    MessageRef preview = bot.lastButtons(alice);

    bot.clock.advance(Duration.ofSeconds(55)); // 90 s after the check, 55 s after it was shown
    bot.press(ALICE, preview, Replies.CONFIRM);

    assertThat(exchange.placeCalls).hasValue(1);
  }

  @Test
  void aPressAfterTheTimeToLiveIsRefusedAndPlacesNothing() {
    bot.say(ALICE, OCO);
    MessageRef preview = bot.lastButtons(alice);

    bot.clock.advance(Duration.ofSeconds(61));
    bot.press(ALICE, preview, Replies.CONFIRM);

    assertThat(bot.telegram.now(preview).text()).isEqualTo(Replies.expired());
    assertThat(bot.telegram.now(preview).hasButtons()).isFalse();
    assertThat(exchange.placeCalls).hasValue(0);
  }

  @Test
  void aPressAfterARestartWorksOnceAndAPressOnTheHandledPreviewAfterAnotherRestartIsAnswered() {
    bot.say(ALICE, OCO);
    MessageRef preview = bot.lastButtons(alice);
    ChatEvent.ButtonPressed confirm = bot.pressEvent(ALICE, preview, Replies.CONFIRM);

    bot.restart();
    bot.engine().handle(confirm);
    String placed = bot.telegram.now(preview).text();
    bot.restart();
    bot.engine().handle(confirm);

    assertThat(placed).startsWith("✅ Placed on PAPER");
    assertThat(bot.lastReply(ALICE)).isEqualTo(Replies.alreadyConfirmed());
    assertThat(exchange.placeCalls).hasValue(1);
  }

  @Test
  void fiftyConcurrentPressesPlaceExactlyOneList() throws Exception {
    bot.say(ALICE, OCO);
    ChatEvent.ButtonPressed confirm = bot.pressEvent(ALICE, bot.lastButtons(alice), Replies.CONFIRM);
    int presses = 50;
    ExecutorService pool = Executors.newFixedThreadPool(presses);
    try {
      CountDownLatch ready = new CountDownLatch(presses);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < presses; i++) {
        done.add(pool.submit(() -> {
          ready.countDown();
          go.await();
          bot.engine().handle(confirm);
          return null;
        }));
      }
      assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
      go.countDown();
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(exchange.placeCalls).hasValue(1);
    assertThat(exchange.allLists()).hasSize(1);
    assertThat(bot.telegram.texts(alice)).filteredOn(Replies.alreadyConfirmed()::equals).hasSize(presses - 1);
  }

  @Test
  void cancelWithdrawsThePreviewRemovesItsButtonsAndALaterConfirmPlacesNothing() {
    bot.say(ALICE, OCO);
    MessageRef preview = bot.lastButtons(alice);
    ChatEvent.ButtonPressed confirm = bot.pressEvent(ALICE, preview, Replies.CONFIRM);

    bot.press(ALICE, preview, Replies.CANCEL);
    String cancelled = bot.telegram.now(preview).text();
    boolean buttons = bot.telegram.now(preview).hasButtons();
    bot.engine().handle(confirm);

    assertThat(cancelled).isEqualTo(Replies.previewCancelled());
    assertThat(buttons).isFalse();
    assertThat(bot.lastReply(ALICE)).isEqualTo(Replies.alreadyCancelled());
    assertThat(exchange.placeCalls).hasValue(0);
    assertThat(bot.audit(ALICE))
        .anySatisfy(e -> assertThat(e.action()).isEqualTo(AuditAction.ORDER_LIST_CANCELLED));
  }

  @Test
  void anUnknownOutcomeIsReconciledByClientIdWithoutADuplicate() {
    exchange.placeMode = FakeExchange.PlaceMode.RECORD_THEN_UNKNOWN;
    bot.say(ALICE, OCO);
    MessageRef preview = bot.lastButtons(alice);

    bot.press(ALICE, preview, Replies.CONFIRM);

    assertThat(bot.telegram.now(preview).text()).startsWith("✅ Placed on PAPER").contains("#8821");
    assertThat(exchange.placeCalls).hasValue(1);
    assertThat(exchange.allLists()).hasSize(1);
    assertThat(bot.tracked(8821)).map(TrackedOrderList::state)
        .contains(OrderListState.EXECUTING);
  }

  @Test
  void anOutcomeStillUnknownAfterTheLookUpIsSaidPlainlyAndRecordedForLater() {
    exchange.placeMode = FakeExchange.PlaceMode.LOSE_THEN_UNKNOWN;
    bot.say(ALICE, OCO);
    MessageRef preview = bot.lastButtons(alice);

    bot.press(ALICE, preview, Replies.CONFIRM);
    bot.engine().handle(bot.pressToken(ALICE, preview, bot.telegram.history().stream()
        .flatMap(s -> s.message().buttons().stream()).filter(b -> b.label().equals(Replies.CONFIRM))
        .findFirst().orElseThrow().token()));

    assertThat(bot.telegram.now(preview).text()).contains("cannot tell whether it was placed").contains("never be sent again");
    assertThat(exchange.placeCalls).hasValue(1);
    assertThat(bot.openTracked(ALICE)).singleElement()
        .satisfies(t -> assertThat(t.state()).isEqualTo(OrderListState.UNKNOWN));
  }

  @Test
  void anExceptionWhilePlacingIsLookedUpAndAnsweredWithARef() {
    exchange.placeMode = FakeExchange.PlaceMode.THROW;
    bot.say(ALICE, OCO);
    MessageRef preview = bot.lastButtons(alice);

    bot.press(ALICE, preview, Replies.CONFIRM);

    assertThat(bot.telegram.now(preview).text()).matches("(?s)⚠️ Something went wrong while placing \\(ref [0-9a-f]{6}\\).*")
        .doesNotContain("connection reset");
    assertThat(exchange.placeCalls).hasValue(1);
  }

  @Test
  void aRefusalByTheExchangeIsShownInPlainWordsAndRecorded() {
    exchange.placeMode = FakeExchange.PlaceMode.REFUSE;
    bot.say(ALICE, OCO);
    MessageRef preview = bot.lastButtons(alice);

    bot.press(ALICE, preview, Replies.CONFIRM);

    assertThat(bot.telegram.now(preview).text())
        .isEqualTo("❌ Not placed. The exchange refused: Not enough balance: the account has insufficient balance.");
    assertThat(bot.openTracked(ALICE)).isEmpty();
  }

  @Test
  void aListThatFailsThePreTradeChecksIsRefusedWithEveryReasonAndNoButtons() {
    bot.say(ALICE, "/oco BTCUSDT sell 0.01 tp 29500 sl 29000");

    assertThat(bot.lastReply(ALICE)).startsWith("This order list cannot be placed:\n• ");
    assertThat(bot.telegram.lastWithButtons(alice)).isEmpty();
  }

  @Test
  void everyKindOfListCanBePreviewedAndPlaced() {
    List<String> lines =
        List.of(
            OCO,
            "/oto BTCUSDT buy 0.01 @ 29000 tp +4%",
            "/otoco BTCUSDT buy 0.01 @ 29000 tp 31000 sl 28000",
            "/opo BTCUSDT buy 0.01 @ 29000 sl 28000",
            "/opoco BTCUSDT buy 0.01 @ maker 29000 tp +5% sl -3%");
    for (String line : lines) {
      bot.say(ALICE, line);
      bot.press(ALICE, bot.lastButtons(alice), Replies.CONFIRM);
      assertThat(bot.lastReply(ALICE)).as(line).startsWith("✅ Placed on PAPER");
    }

    assertThat(exchange.placeCalls).hasValue(5);
    assertThat(((RecordingEventSource) bot.events.orElseThrow()).watched)
        .containsExactly("telegram:1001 paper-telegram-1001");
    assertThat(bot.openTracked(ALICE)).extracting(TrackedOrderList::kind)
        .containsExactlyInAnyOrder(ListKind.OCO, ListKind.OTO, ListKind.OTOCO, ListKind.OPO, ListKind.OPOCO);
  }

  @Test
  void withoutAKeyOutsidePaperTheTraderLearnsHowToAddOne(@TempDir Path other) {
    try (TestBot testnet = TestBot.withFakeExchange(other, TradingEnvironment.TESTNET, new RecordingEventSource())) {
      testnet.say(ALICE, OCO);

      assertThat(testnet.lastReply(ALICE)).isEqualTo(Replies.noKey());
      assertThat(Optional.ofNullable(testnet.telegram.lastWithButtons(alice).orElse(null))).isEmpty();
    }
  }
}
