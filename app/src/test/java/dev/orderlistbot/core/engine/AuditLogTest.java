package dev.orderlistbot.core.engine;

import static dev.orderlistbot.core.engine.TestBot.ALICE;
import static dev.orderlistbot.core.engine.TestBot.BOB;
import static dev.orderlistbot.core.engine.TestBot.GROUP;
import static dev.orderlistbot.core.engine.TestBot.dm;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.domain.TradingEnvironment;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.port.out.AuditAction;
import dev.orderlistbot.core.port.out.AuditEntry;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, audit: every confirmation, what came of it and every panic is in the audit log with
 * who, what, when and the reference id; an admin reads it with {@code /audit [USER] [N]} in a private
 * chat only; anyone else is refused, and in a group nothing of the log is shown.
 */
class AuditLogTest {
  private static final UserRef ADMIN = new UserRef("telegram", "9000");
  private static final String OCO = "/oco BTCUSDT sell 0.01 tp 32000 sl 29000/28900";

  @TempDir Path dir;
  private TestBot bot;
  private FakeExchange exchange;

  @BeforeEach
  void start() {
    exchange = new FakeExchange();
    bot =
        new TestBot(
            dir,
            EngineConfig.of(TradingEnvironment.PAPER, Set.of(ALICE, BOB), Set.of(ADMIN)),
            exchange,
            Optional.empty(),
            Optional.of(new RecordingEventSource()));
  }

  @AfterEach
  void stop() {
    bot.close();
  }

  private void place(UserRef user, String line) {
    bot.say(user, line);
    bot.press(user, bot.lastButtons(dm(user)), Replies.CONFIRM);
  }

  private List<AuditAction> actions(UserRef user) {
    return bot.audit(user).stream().map(AuditEntry::action).toList();
  }

  @Test
  void aConfirmedPlacementAndItsOutcomeAreAuditedWithTheReferenceIds() {
    place(ALICE, OCO);

    assertThat(actions(ALICE)).containsExactly(AuditAction.ORDER_LIST_PLACED, AuditAction.ORDER_LIST_CONFIRMED);
    AuditEntry placed = bot.audit(ALICE).getFirst();
    assertThat(placed.subject()).isEqualTo("list:BTCUSDT:8821 client:" + exchange.clientIdsSent.getFirst());
    assertThat(placed.chat()).contains(dm(ALICE));
    assertThat(placed.occurredAt()).isEqualTo(bot.clock.instant());
    assertThat(bot.audit(ALICE).get(1).subject()).startsWith("confirmation:").contains("OCO SELL 0.01 BTCUSDT");
  }

  @Test
  void aRefusedPlacementIsAuditedAsNotPlacedWithTheExchangesCode() {
    exchange.placeMode = FakeExchange.PlaceMode.REFUSE;

    place(ALICE, OCO);

    assertThat(bot.audit(ALICE).getFirst().action()).isEqualTo(AuditAction.ORDER_LIST_NOT_PLACED);
    assertThat(bot.audit(ALICE).getFirst().subject()).startsWith("client:" + exchange.clientIdsSent.getFirst() + " refused, code ");
  }

  @Test
  void aPanicIsAuditedAsAPanicAndWhatBecameOfItsLists() {
    place(ALICE, OCO);
    place(ALICE, "/oco BTCUSDT sell 0.01 tp 33000 sl 28000/27900");

    place(ALICE, "/panic");

    List<AuditEntry> audit = bot.audit(ALICE);
    assertThat(audit).anySatisfy(entry -> {
      assertThat(entry.action()).isEqualTo(AuditAction.PANIC_CONFIRMED);
      assertThat(entry.subject()).startsWith("confirmation:").endsWith(" panic (2)");
    });
    assertThat(audit).filteredOn(entry -> entry.action() == AuditAction.ORDER_LIST_CANCELLED)
        .extracting(AuditEntry::subject)
        .containsExactlyInAnyOrder("list:BTCUSDT:8821", "list:BTCUSDT:8822");
    assertThat(audit.getFirst().action()).isEqualTo(AuditAction.TRADE_ACTION_SETTLED);
    assertThat(audit.getFirst().subject()).startsWith("confirmation:").endsWith(" panic: 2 of 2 ended");
  }

  @Test
  void aPanicCloseAuditsWhatEachListsCloseAtMarketCameTo() {
    place(ALICE, OCO);

    place(ALICE, "/panic close");

    List<AuditEntry> audit = bot.audit(ALICE);
    assertThat(audit.get(0).subject()).endsWith(" panic close: 1 of 1 ended");
    assertThat(audit.get(1).action()).isEqualTo(AuditAction.TRADE_ACTION_SETTLED);
    assertThat(audit.get(1).subject()).startsWith("list:BTCUSDT:8821 panic close: ").doesNotContain("\n");
    assertThat(exchange.marketOrders).hasSize(1);
  }

  @Test
  void anAdminReadsTheLatestEntriesOfEveryoneInPrivateNewestFirst() {
    place(ALICE, OCO);
    place(BOB, "/oco BTCUSDT sell 0.01 tp 33000 sl 28000/27900");

    bot.say(ADMIN, "/audit");

    String reply = bot.lastReply(ADMIN);
    assertThat(reply.lines().toList())
        .hasSize(5)
        .first()
        .isEqualTo("Audit log, newest first (4 entries):");
    assertThat(reply.lines().skip(1).toList())
        .containsExactly(
            "2026-03-01 10:00:00 UTC · telegram:1002 · ORDER_LIST_PLACED · list:BTCUSDT:8822 client:"
                + exchange.clientIdsSent.get(1) + " · private",
            AuditTexts.line(bot.audit(BOB).get(1)),
            AuditTexts.line(bot.audit(ALICE).get(0)),
            AuditTexts.line(bot.audit(ALICE).get(1)));
  }

  @Test
  void anAdminNarrowsTheLogToOneUserAndToTheLatestN() {
    place(ALICE, OCO);
    place(BOB, "/oco BTCUSDT sell 0.01 tp 33000 sl 28000/27900");

    bot.say(ADMIN, "/audit telegram:1001");
    assertThat(bot.lastReply(ADMIN)).startsWith("Audit log, newest first (2 entries of telegram:1001):")
        .doesNotContain("telegram:1002 ·");

    bot.say(ADMIN, "/audit 1");
    assertThat(bot.lastReply(ADMIN).lines().toList())
        .as("the newest entry is the admin's own reading before")
        .hasSize(2)
        .last()
        .asString()
        .contains("telegram:9000 · AUDIT_READ · audit:telegram:1001 20 · private");
  }

  @Test
  void readingTheLogIsItselfAuditedButNotShownAsAnEntryOfThatReading() {
    bot.say(ADMIN, "/audit telegram:1001 5");

    assertThat(bot.lastReply(ADMIN)).isEqualTo("The audit log has no entries of telegram:1001.");
    assertThat(bot.audit(ADMIN)).singleElement().satisfies(entry -> {
      assertThat(entry.action()).isEqualTo(AuditAction.AUDIT_READ);
      assertThat(entry.subject()).isEqualTo("audit:telegram:1001 5");
    });
  }

  @Test
  void inAGroupTheAdminIsAskedToAskInPrivateAndNoEntryIsShown() {
    place(ALICE, OCO);

    bot.sayInGroup(ADMIN, "/audit");

    assertThat(bot.lastReply(GROUP)).isEqualTo(AuditTexts.askInPrivate()).contains("ask me in private");
    assertThat(bot.telegram.transcript()).doesNotContain("ORDER_LIST_PLACED");
    assertThat(bot.audit(ADMIN)).isEmpty();
  }

  @Test
  void aTraderWhoIsNotAnAdminIsRefusedInPrivateAndInAGroup() {
    place(ALICE, OCO);

    bot.say(ALICE, "/audit");
    assertThat(bot.lastReply(ALICE)).isEqualTo(AuditTexts.adminsOnly()).startsWith("Only an admin of this bot");
    bot.sayInGroup(ALICE, "/audit telegram:1002");
    assertThat(bot.lastReply(GROUP)).isEqualTo(AuditTexts.adminsOnly());

    assertThat(bot.telegram.transcript()).doesNotContain("ORDER_LIST_PLACED");
    assertThat(actions(ALICE)).doesNotContain(AuditAction.AUDIT_READ);
  }

  @Test
  void aMalformedAuditIsAnsweredWithWhatIsWrongAndTheRightForm() {
    bot.say(ADMIN, "/audit 500");

    assertThat(bot.lastReply(ADMIN)).contains("'500' is not a number of entries: write a whole number from 1 to 100");
  }
}
