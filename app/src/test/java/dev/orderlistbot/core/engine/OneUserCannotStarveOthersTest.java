package dev.orderlistbot.core.engine;

import static dev.orderlistbot.core.engine.TestBot.ALICE;
import static dev.orderlistbot.core.engine.TestBot.BOB;
import static dev.orderlistbot.core.engine.TestBot.MALLORY;
import static dev.orderlistbot.core.engine.TestBot.dm;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.chat.MessageRef;
import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.TradingEnvironment;
import dev.orderlistbot.core.domain.order.PlacedOrderList;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, defect 13 "One user can starve everyone": a user's commands pass a per-user rate
 * (20 in 60 s by default) that is answered once per run, never per extra message; presses and
 * cancels are never held back by it; a stranger hears "not allowed" once an hour.
 */
class OneUserCannotStarveOthersTest {
  private static final String SLOW_DOWN = "Slow down: you sent 20 commands in 60 seconds";

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
  void aBalanceLoopByOneUserLeavesAnotherUsersBalanceWorking() {
    exchange.ipWeightLimit = 6_000;

    for (int i = 0; i < 400; i++) {
      bot.say(ALICE, "/balance");
    }
    bot.say(BOB, "/balance");

    assertThat(bot.lastReply(BOB)).startsWith("Your balances (PAPER):");
    assertThat(exchange.ipWeightUsed).hasValue(21 * 20);
  }

  @Test
  void theUserOverTheRateHearsOnceHowLongToWaitAndNothingForTheMessagesAfter() {
    for (int i = 0; i < 20; i++) {
      bot.say(ALICE, "/price BTCUSDT");
      bot.clock.advance(Duration.ofSeconds(1));
    }
    for (int i = 0; i < 30; i++) {
      bot.say(ALICE, "/price BTCUSDT");
    }

    List<String> texts = bot.telegram.texts(alice);
    assertThat(texts).hasSize(21);
    assertThat(texts.getLast())
        .startsWith(SLOW_DOWN)
        .contains("Try again in 40 s")
        .contains("Confirm, Cancel and /cancel still work");
  }

  @Test
  void onceTheWindowHasMovedOnTheUserIsServedAgainAndToldAgainOnTheNextFlood() {
    for (int i = 0; i < 25; i++) {
      bot.say(ALICE, "/price BTCUSDT");
    }
    bot.clock.advance(Duration.ofSeconds(60));
    bot.say(ALICE, "/price BTCUSDT");
    String served = bot.lastReply(ALICE);
    for (int i = 0; i < 25; i++) {
      bot.say(ALICE, "/price BTCUSDT");
    }

    assertThat(served).isEqualTo("BTCUSDT last price: 30,000 (PAPER).");
    assertThat(bot.telegram.texts(alice)).filteredOn(t -> t.startsWith(SLOW_DOWN)).hasSize(2);
  }

  @Test
  void aUserOverTheRateCanStillConfirmAPreviewAndCancelAList() {
    bot.say(ALICE, "/oco BTCUSDT sell 0.01 tp 32000 sl 29000");
    MessageRef preview = bot.lastButtons(alice);
    for (int i = 0; i < 30; i++) {
      bot.say(ALICE, "/balance");
    }

    bot.press(ALICE, preview, Replies.CONFIRM);
    String placed = bot.lastReply(ALICE);
    bot.say(ALICE, "/cancel 8821");

    assertThat(placed).startsWith("✅ Placed");
    assertThat(bot.lastReply(ALICE)).isEqualTo("✖ Cancelled BTCUSDT OCO #8821.");
    assertThat(exchange.allLists()).noneMatch(PlacedOrderList::isOpen);
  }

  @Test
  void aUserOverTheRateCanStillCancelAPreviewWithItsButton() {
    for (int i = 0; i < 19; i++) {
      bot.say(ALICE, "/price BTCUSDT");
    }
    bot.say(ALICE, "/oco BTCUSDT sell 0.01 tp 32000 sl 29000");
    MessageRef preview = bot.lastButtons(alice);
    bot.say(ALICE, "/balance");

    bot.press(ALICE, preview, Replies.CANCEL);

    assertThat(bot.telegram.now(preview).text()).isEqualTo(Replies.previewCancelled());
    assertThat(exchange.placeCalls).hasValue(0);
  }

  @Test
  void keyLikeLinesOverTheRateAreStillDeletedAndAnsweredOnlyWhenTheBotCouldNotDeleteThem() {
    String keyLike = "A".repeat(64);
    for (int i = 0; i < 20; i++) {
      bot.say(ALICE, "/price BTCUSDT");
    }
    MessageRef deleted = bot.say(ALICE, keyLike);
    bot.telegram.refuseDeletes();
    MessageRef kept = bot.say(ALICE, keyLike);

    assertThat(bot.telegram.deleted()).contains(deleted);
    assertThat(bot.telegram.texts(alice).stream().filter(t -> t.startsWith("That looked like a key")))
        .containsExactly(Replies.keyLikeLineDeleted(false));
    assertThat(bot.telegram.deleted()).doesNotContain(kept);
  }

  @Test
  void aStrangerSendingTenMessagesGetsOneReplyWithinTheHourAndAnotherAfterIt() {
    ChatRef mallory = dm(MALLORY);
    for (int i = 0; i < 10; i++) {
      bot.say(MALLORY, i % 2 == 0 ? "/balance" : "hello?");
      bot.clock.advance(Duration.ofMinutes(5));
    }
    int withinTheHour = bot.telegram.texts(mallory).size();
    bot.clock.advance(Duration.ofMinutes(10));
    bot.say(MALLORY, "/balance");

    assertThat(withinTheHour).isEqualTo(1);
    assertThat(bot.telegram.texts(mallory)).hasSize(2).allSatisfy(t -> assertThat(t).isEqualTo(Replies.notAllowed(MALLORY)));
  }

  @Test
  void aStrangersButtonPressesAndGroupCommandsShareTheirOneReplyAnHour() {
    bot.say(ALICE, "/oco BTCUSDT sell 0.01 tp 32000 sl 29000");
    MessageRef preview = bot.lastButtons(alice);
    bot.sayInGroup(MALLORY, "/balance");
    for (int i = 0; i < 5; i++) {
      bot.press(MALLORY, preview, Replies.CONFIRM);
      bot.sayInGroup(MALLORY, "/oco BTCUSDT sell 0.01 tp 32000 sl 29000");
    }

    assertThat(bot.telegram.texts(TestBot.GROUP)).containsExactly(Replies.notAllowed(MALLORY));
    assertThat(bot.telegram.texts(alice)).noneMatch(t -> t.contains("telegram:666"));
    assertThat(exchange.placeCalls).hasValue(0);
  }
}
