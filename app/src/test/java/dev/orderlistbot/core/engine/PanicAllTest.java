package dev.orderlistbot.core.engine;

import static dev.orderlistbot.core.engine.TestBot.ALICE;
import static dev.orderlistbot.core.engine.TestBot.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.chat.MessageRef;
import dev.orderlistbot.core.domain.TradingEnvironment;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.domain.order.ClientListId;
import dev.orderlistbot.core.domain.order.LegRole;
import dev.orderlistbot.core.port.out.AuditAction;
import dev.orderlistbot.core.port.out.ExchangeError;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An admin's {@code /panic all} cancels every open list of every user after one confirmation that
 * names them all, each once; the admin hears per user and per list what happened, with a Retry for
 * the failed ones only, and each user hears in private what was done to their lists. Nobody else
 * may send it, and it closes nothing at market.
 */
class PanicAllTest {
  private static final UserRef ADMIN = new UserRef("telegram", "1003");

  @TempDir Path dir;
  private TestBot bot;
  private FakeExchange exchange;

  @BeforeEach
  void start() {
    bot =
        new TestBot(
            dir,
            EngineConfig.of(TradingEnvironment.PAPER, Set.of(ALICE, BOB), Set.of(ADMIN)),
            new FakeExchange(),
            Optional.empty(),
            Optional.of(new RecordingEventSource()));
    exchange = (FakeExchange) bot.exchange;
    place(ALICE, "/oco BTCUSDT sell 0.01 tp 32000 sl 29000/28900");
    place(BOB, "/oco BTCUSDT sell 0.02 tp 33000 sl 28000");
  }

  @AfterEach
  void stop() {
    bot.close();
  }

  private void place(UserRef user, String line) {
    bot.say(user, line);
    bot.press(user, bot.lastButtons(TestBot.dm(user)), Replies.CONFIRM);
    assertThat(bot.lastReply(user)).startsWith("✅ Placed");
  }

  @Test
  void anAdminsPanicAllTellsTheOwnerWhatAListWhoseEntryFilledLeavesHeldWithNoExit() {
    place(ALICE, "/otoco BTCUSDT buy 0.02 @ 29500 tp 31000 sl 29000");
    exchange.fill(new ClientListId(exchange.clientIdsSent.get(2)), LegRole.WORKING, "0.02", "590");

    bot.say(ADMIN, "/panic all");
    bot.press(ADMIN, bot.lastButtons(TestBot.dm(ADMIN)), Replies.CONFIRM);

    assertThat(bot.telegram.texts(TestBot.dm(ALICE)))
        .filteredOn(text -> text.startsWith("🚨 An admin of this bot cancelled your open order lists"))
        .singleElement()
        .satisfies(text -> assertThat(text)
            .contains("✖ Cancelled BTCUSDT OTOCO #8823. ⚠️ Its entry had filled, so 0.02 on BTCUSDT is held with no take-profit or"
                + " stop-loss now")
            .contains("✖ Cancelled BTCUSDT OCO #8821.\n"));
  }

  @Test
  void aPanicAllCutShortByAStopIsSettledAfterTheRestartListByList() {
    bot.say(ADMIN, "/panic all");
    MessageRef preview = bot.lastButtons(TestBot.dm(ADMIN));
    AtomicInteger cancels = new AtomicInteger();
    exchange.whileCancelling = () -> {
      if (cancels.incrementAndGet() == 2) {
        throw new OutOfMemoryError("the process dies before Bob's list is cancelled");
      }
    };
    bot.pressAndDie(ADMIN, preview, Replies.CONFIRM);
    exchange.whileCancelling = () -> {};

    bot.restart();
    bot.engine().resumeOrderEvents();
    bot.clock.advance(PlacementSettlement.FINAL_AFTER);
    bot.engine().settlePlacements();

    assertThat(bot.telegram.now(preview).text())
        .startsWith("⚠️ Panic: 1 of 2 list(s) done.")
        .contains("⏹ BTCUSDT OCO #8821 is no longer open")
        .contains(TradeReplies.panicCutShortStillWorks("BTCUSDT OCO #8822"));
    assertThat(bot.lastReply(BOB)).contains(TradeReplies.panicCutShortStillWorks("BTCUSDT OCO #8822"));
    bot.press(ADMIN, bot.lastButtons(TestBot.dm(ADMIN)), TradeReplies.RETRY);
    assertThat(exchange.allLists().stream().noneMatch(list -> list.isOpen())).isTrue();
  }

  @Test
  void anAdminsPanicAllNamesEveryUsersListsThenCancelsEachOnceAndTellsEachUser() {
    bot.say(ADMIN, "/panic all");
    assertThat(bot.lastReply(ADMIN))
        .startsWith("🚨 PAPER: PANIC ALL")
        .contains("telegram:1001: BTCUSDT OCO #8821")
        .contains("telegram:1002: BTCUSDT OCO #8822")
        .contains("Nothing is sold");
    MessageRef preview = bot.lastButtons(TestBot.dm(ADMIN));
    var confirm = bot.pressEvent(ADMIN, preview, Replies.CONFIRM);
    bot.engine().handle(confirm);
    bot.engine().handle(confirm);

    assertThat(bot.telegram.now(preview).text())
        .startsWith("✅ Panic: 2 of 2 list(s) done.")
        .contains("✖ Cancelled BTCUSDT OCO #8821.")
        .contains("✖ Cancelled BTCUSDT OCO #8822.");
    assertThat(exchange.allLists()).noneMatch(list -> list.isOpen());
    assertThat(exchange.marketOrders).isEmpty();
    assertThat(bot.telegram.texts(TestBot.dm(ALICE)))
        .filteredOn(text -> text.startsWith("🚨 An admin of this bot cancelled your open order lists"))
        .singleElement()
        .satisfies(text -> assertThat(text).contains("BTCUSDT OCO #8821").doesNotContain("#8822"));
    assertThat(bot.telegram.texts(TestBot.dm(BOB)))
        .filteredOn(text -> text.startsWith("🚨 An admin of this bot cancelled your open order lists"))
        .singleElement()
        .satisfies(text -> assertThat(text).contains("BTCUSDT OCO #8822").doesNotContain("#8821"));
    assertThat(bot.audit(ADMIN)).anySatisfy(entry -> {
      assertThat(entry.action()).isEqualTo(AuditAction.PANIC_CONFIRMED);
      assertThat(entry.subject()).contains("panic all (2 lists of 2 users)");
    });
    assertThat(bot.audit(ADMIN)).anySatisfy(entry -> {
      assertThat(entry.action()).isEqualTo(AuditAction.TRADE_ACTION_SETTLED);
      assertThat(entry.subject()).contains("panic all: 2 of 2 lists cancelled of 2 users");
    });
  }

  @Test
  void aFailureInTheMiddleIsSaidForThatUsersListWithARetryForItAlone() {
    AtomicInteger cancels = new AtomicInteger();
    exchange.whileCancelling = () -> exchange.cancelFailure =
        cancels.incrementAndGet() == 1 ? new ExchangeError.Unavailable("Could not reach Binance; nothing was sent.") : null;
    bot.say(ADMIN, "/panic all");
    bot.press(ADMIN, bot.lastButtons(TestBot.dm(ADMIN)), Replies.CONFIRM);

    assertThat(bot.telegram.texts(TestBot.dm(ADMIN)))
        .anySatisfy(text -> assertThat(text)
            .startsWith("⚠️ Panic: 1 of 2 list(s) done.")
            .contains("⚠️ BTCUSDT OCO #8821 was not cancelled and still works")
            .contains("✖ Cancelled BTCUSDT OCO #8822."));
    exchange.whileCancelling = () -> exchange.cancelFailure = null;
    bot.press(ADMIN, bot.lastButtons(TestBot.dm(ADMIN)), TradeReplies.RETRY);

    assertThat(bot.lastReply(ADMIN)).startsWith("✅ Panic: 1 of 1 list(s) done.").contains("✖ Cancelled BTCUSDT OCO #8821.");
    assertThat(exchange.allLists()).noneMatch(list -> list.isOpen());
  }

  @Test
  void aBotFailureOnOneListIsSaidForThatListAndTheOthersAreStillCancelled() {
    AtomicInteger cancels = new AtomicInteger();
    exchange.whileCancelling = () -> {
      if (cancels.incrementAndGet() == 1) {
        throw new IllegalStateException("a storage hiccup");
      }
    };
    bot.say(ADMIN, "/panic all");
    bot.press(ADMIN, bot.lastButtons(TestBot.dm(ADMIN)), Replies.CONFIRM);

    assertThat(bot.telegram.texts(TestBot.dm(ADMIN)))
        .anySatisfy(text -> assertThat(text)
            .startsWith("⚠️ Panic: 1 of 2 list(s) done.")
            .contains("BTCUSDT OCO #8821 was not cancelled and still works: the bot failed")
            .contains("✖ Cancelled BTCUSDT OCO #8822."));
    assertThat(bot.tracked(8821)).map(t -> t.state().isOpen()).contains(true);
    exchange.whileCancelling = () -> {};
    bot.press(ADMIN, bot.lastButtons(TestBot.dm(ADMIN)), TradeReplies.RETRY);
    assertThat(exchange.allLists()).noneMatch(list -> list.isOpen());
  }

  @Test
  void aTraderMayNotSendPanicAll() {
    bot.say(ALICE, "/panic all");

    assertThat(bot.lastReply(ALICE)).isEqualTo(TradeReplies.panicAllAdminsOnly());
    assertThat(exchange.allLists()).filteredOn(list -> list.isOpen()).hasSize(2);
  }

  @Test
  void panicAllInAGroupAsksForAPrivateChat() {
    bot.sayInGroup(ADMIN, "/panic all");

    assertThat(bot.lastReply(TestBot.GROUP)).contains("/panic all").contains("private");
    assertThat(exchange.allLists()).filteredOn(list -> list.isOpen()).hasSize(2);
  }

  @Test
  void panicAllCloseIsRefusedWithWhatToSendInstead() {
    bot.say(ADMIN, "/panic all close");

    assertThat(bot.lastReply(ADMIN)).contains("closes nothing at market").contains("Send /panic all.");
  }

  @Test
  void panicAllWithNothingOpenSaysSo() {
    bot.say(ADMIN, "/panic all");
    bot.press(ADMIN, bot.lastButtons(TestBot.dm(ADMIN)), Replies.CONFIRM);

    bot.say(ADMIN, "/panic all");

    assertThat(bot.lastReply(ADMIN)).isEqualTo("No user of the bot has an open order list.");
  }
}
