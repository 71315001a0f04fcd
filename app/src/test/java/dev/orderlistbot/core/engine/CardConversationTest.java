package dev.orderlistbot.core.engine;

import static dev.orderlistbot.core.engine.TestBot.ALICE;
import static dev.orderlistbot.core.engine.TestBot.BOB;
import static dev.orderlistbot.core.engine.TestBot.GROUP;
import static dev.orderlistbot.core.engine.TestBot.dm;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.chat.Button;
import dev.orderlistbot.core.chat.MessageRef;
import dev.orderlistbot.core.chat.OutboundMessage;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.TradingEnvironment;
import dev.orderlistbot.core.domain.order.ClientListId;
import dev.orderlistbot.core.domain.order.ClientOrderId;
import dev.orderlistbot.core.domain.order.ExpiryReason;
import dev.orderlistbot.core.domain.order.LegExecution;
import dev.orderlistbot.core.domain.order.LegRole;
import dev.orderlistbot.core.domain.order.LegStatus;
import dev.orderlistbot.core.domain.order.OrderListId;
import dev.orderlistbot.core.domain.order.OrderListUpdate;
import dev.orderlistbot.core.domain.order.ReportedOrderType;
import dev.orderlistbot.core.port.out.ChatDeliveryException;
import dev.orderlistbot.core.port.out.OrderCard;
import dev.orderlistbot.core.port.out.TrackedOrderList;
import dev.orderlistbot.db.testing.TestDatabases;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The order card: the preview becomes the list's card with its buttons, every event of the list
 * edits it (besides the notice, which stays a new message), {@code /status} sends it again below,
 * and it survives a restart.
 */
@ParameterizedClass(name = "on {0}")
@EnumSource(TestDatabases.class)
class CardConversationTest {
  private static final String OTOCO = "/otoco BTCUSDT buy 0.01 @ 29000 tp 31000 sl 28000";
  private static final Button CANCEL = new Button("Cancel list", "k:CANCEL:8821");
  private static final Button CLOSE = new Button("Close at market", "k:CLOSE:8821");
  private static final Button BREAKEVEN = new Button("Move stop to breakeven", "k:BREAKEVEN:8821");

  @Parameter TestDatabases databases;
  @TempDir Path dir;
  private TestBot bot;

  @BeforeEach
  void start() {
    bot = TestBot.withFakeExchange(databases.fresh(dir), TradingEnvironment.PAPER, new RecordingEventSource());
  }

  @AfterEach
  void stop() {
    if (bot != null) {
      bot.close();
    }
  }

  @Test
  void placingTurnsThePreviewIntoTheListsCardWithItsButtons() {
    MessageRef preview = placeInGroup(OTOCO);

    OutboundMessage card = bot.telegram.now(preview);
    assertThat(card.text())
        .startsWith("✅ Placed on PAPER: OTOCO BUY 0.01 BTCUSDT.")
        .contains(
            """
            📋 PAPER · BTCUSDT OTOCO #8821
            • entry: LIMIT BUY 0.01 at 29,000 · open
            • take-profit: LIMIT_MAKER SELL 0.01 at 31,000 · waits for the entry
            """)
        .contains("Risk: 10 USDT = 1R (entry 29,000 to stop 28,000 × 0.01)")
        .endsWith("Move the stop: /movestop 8821 PRICE · trim the size: /reduce 8821 QTY");
    assertThat(card.buttonRows()).containsExactly(List.of(CANCEL));
  }

  @Test
  void aFillIsToldInANewMessageAndEditsTheCard() {
    MessageRef preview = placeInGroup(OTOCO);
    TrackedOrderList list = bot.tracked(8821).orElseThrow();
    int sentBefore = sends();

    bot.router().onUpdate(ALICE, entryFilled(list, "entry-fill"));

    assertThat(sends()).as("the notice is one new message").isEqualTo(sentBefore + 1);
    assertThat(bot.lastReply(GROUP)).startsWith("✅ BTCUSDT OTOCO #8821: entry");
    OutboundMessage card = bot.telegram.now(preview);
    assertThat(card.text())
        .startsWith("📋 PAPER · BTCUSDT OTOCO #8821\n• entry: LIMIT BUY 0.01 at 29,000 · filled 0.01 at avg 28,990\n")
        .contains("Entry: 0.01 filled at avg 28,990\n")
        .contains("Result: realised 0 USDT (0R) · unrealised 0 USDT (0R) on 0.01 open\n")
        .contains("Last price: 28,990 (2026-03-01 11:00:00 UTC)");
    assertThat(card.buttonRows()).containsExactly(List.of(CANCEL, CLOSE), List.of(BREAKEVEN));
  }

  @Test
  void aCardMovedByAnotherWriteAfterItsListWasReadIsMovedOnFromAFreshRead() {
    MessageRef preview = placeInGroup(OTOCO);
    TrackedOrderList list = bot.tracked(8821).orElseThrow();
    // the router reads the card with the list (one statement), then another write moves it on
    OrderCard read = bot.transactor().inTransaction(stores -> stores.cards().find(list.listClientOrderId())).orElseThrow();
    boolean movedOn = bot.transactor().inTransaction(stores -> stores.cards().update(read.nextRevision()));
    assertThat(movedOn).isTrue();

    boolean edited = bot.transactor().inTransaction(
        stores -> CardUpdates.heard(stores, list.listClientOrderId(), Optional.of(read), entryFilled(list, "entry-fill")));

    assertThat(edited).isTrue();
    bot.dispatcher().drainOnce();
    OrderCard stored = bot.transactor().inTransaction(stores -> stores.cards().find(list.listClientOrderId())).orElseThrow();
    assertThat(stored.revision()).as("over the other write's revision, not the one read").isEqualTo(read.revision() + 2);
    assertThat(bot.telegram.now(preview).text()).contains("• entry: LIMIT BUY 0.01 at 29,000 · filled 0.01 at avg 28,990\n");
  }

  @Test
  void statusSendsTheCardAgainBelowAndOnlyTheNewMessageIsEditedAfterwards() {
    MessageRef preview = placeInGroup(OTOCO);
    TrackedOrderList list = bot.tracked(8821).orElseThrow();

    bot.say(ALICE, "/status 8821");
    MessageRef moved = bot.lastButtons(dm(ALICE));
    assertThat(bot.telegram.now(moved).text()).startsWith("📋 PAPER · BTCUSDT OTOCO #8821");
    assertThat(bot.telegram.now(preview).text()).isEqualTo(Replies.cardMoved(8821));
    assertThat(bot.telegram.now(preview).hasButtons()).isFalse();

    bot.router().onUpdate(ALICE, entryFilled(list, "entry-fill"));

    assertThat(bot.telegram.now(moved).text()).contains("filled 0.01 at avg 28,990");
    assertThat(bot.telegram.now(preview).text()).isEqualTo(Replies.cardMoved(8821));
  }

  @Test
  void anotherUsersStatusOrCardButtonOnTheListIsRefused() {
    MessageRef preview = placeInGroup(OTOCO);

    bot.say(BOB, "/status 8821");
    assertThat(bot.lastReply(BOB)).isEqualTo(Replies.notYourList(8821));

    bot.press(BOB, preview, "Cancel list");
    assertThat(bot.lastReply(GROUP)).isEqualTo(Replies.notYourButton());
  }

  @Test
  void theOwnersCardButtonReachesTheTradeActions() {
    MessageRef preview = placeInGroup(OTOCO);

    bot.press(ALICE, preview, "Cancel list");

    assertThat(bot.lastReply(GROUP)).startsWith("🔧 PAPER: cancel BTCUSDT OTOCO #8821");
  }

  @Test
  void theCardSurvivesARestartAndTheNextEventEditsItFromTheStoredState() {
    MessageRef preview = placeInGroup(OTOCO);
    TrackedOrderList list = bot.tracked(8821).orElseThrow();
    bot.router().onUpdate(ALICE, entryFilled(list, "entry-fill"));

    bot.restart();
    bot.router().onUpdate(ALICE, takeProfitPartlyFilled(list, "tp-part"));

    // realised (31,000 − 28,990) × 0.004 = 8.04 = 0.8R; unrealised (31,000 − 28,990) × 0.006 = 12.06 = 1.21R
    assertThat(bot.telegram.now(preview).text())
        .contains("• entry: LIMIT BUY 0.01 at 29,000 · filled 0.01 at avg 28,990\n")
        .contains("• take-profit: LIMIT_MAKER SELL 0.01 at 31,000 · partly filled 0.004 at avg 31,000\n")
        .contains("Result: realised +8.04 USDT (+0.8R) · unrealised +12.06 USDT (+1.21R) on 0.006 open\n");
  }

  @Test
  void ordersListsEachListsCardInOneLine() {
    placeInGroup(OTOCO);

    bot.say(ALICE, "/orders");

    assertThat(bot.lastReply(ALICE))
        .contains("BTCUSDT OTOCO #8821: entry open · take-profit waits for the entry · stop-loss waits for the entry");
  }

  @Test
  void aCardWhoseMessageCanNoLongerBeEditedIsSentAgainOnceAndTheNextEditsReplaceTheNewMessage() {
    MessageRef preview = placeInGroup(OTOCO);
    TrackedOrderList list = bot.tracked(8821).orElseThrow();
    bot.telegram.failNextEdits(1, ChatDeliveryException.permanent("message to edit not found", null));

    bot.router().onUpdate(ALICE, entryFilled(list, "entry-fill"));
    MessageRef card = bot.lastButtons(GROUP);
    bot.router().onUpdate(ALICE, takeProfitPartlyFilled(list, "tp-part"));

    assertThat(card).isNotEqualTo(preview);
    assertThat(bot.telegram.now(card).text()).contains("partly filled 0.004 at avg 31,000");
    assertThat(bot.telegram.history())
        .filteredOn(shown -> shown.kind() == RecordingChatPlatform.Kind.SEND && shown.message().text().startsWith("📋"))
        .as("the card was sent as a new message once")
        .hasSize(1);
  }

  private int sends() {
    return (int) bot.telegram.history().stream().filter(s -> s.kind() == RecordingChatPlatform.Kind.SEND).count();
  }

  private MessageRef placeInGroup(String line) {
    bot.sayInGroup(ALICE, line);
    MessageRef preview = bot.lastButtons(GROUP);
    bot.press(ALICE, preview, Replies.CONFIRM);
    return preview;
  }

  private static OrderListUpdate.LegChanged entryFilled(TrackedOrderList list, String eventId) {
    return leg(list, LegRole.WORKING, eventId, Side.BUY, LegStatus.FILLED, "0.01", "0.01", "28990", "289.9");
  }

  private static OrderListUpdate.LegChanged takeProfitPartlyFilled(TrackedOrderList list, String eventId) {
    return leg(list, LegRole.TAKE_PROFIT, eventId, Side.SELL, LegStatus.PARTIALLY_FILLED, "0.004", "0.004", "31000", "124");
  }

  private static OrderListUpdate.LegChanged leg(
      TrackedOrderList list, LegRole role, String eventId, Side side, LegStatus status,
      String lastQty, String cumulativeQty, String lastPrice, String cumulativeQuote) {
    ClientListId clientId = new ClientListId(list.listClientOrderId());
    return new OrderListUpdate.LegChanged(
        eventId, list.symbol(), new OrderListId(8821), 1001L, new ClientOrderId(clientId.legId(role).value()),
        ReportedOrderType.LIMIT, side, LegExecution.TRADE, status, new BigDecimal("0.01"), new BigDecimal(lastQty),
        new BigDecimal(lastPrice), new BigDecimal(cumulativeQty), new BigDecimal(cumulativeQuote), Optional.empty(),
        Optional.empty(), ExpiryReason.NONE, Instant.parse("2026-03-01T11:00:00Z"));
  }
}
