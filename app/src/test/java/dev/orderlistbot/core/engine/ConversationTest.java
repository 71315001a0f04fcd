package dev.orderlistbot.core.engine;

import static dev.orderlistbot.core.engine.TestBot.ALICE;
import static dev.orderlistbot.core.engine.TestBot.BOB;
import static dev.orderlistbot.core.engine.TestBot.GROUP;
import static dev.orderlistbot.core.engine.TestBot.MALLORY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.chat.ChatKind;
import dev.orderlistbot.core.command.CommandSpec;
import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.TradingEnvironment;
import dev.orderlistbot.core.port.out.ChatDeliveryException;
import dev.orderlistbot.core.port.out.ExchangeError;
import dev.orderlistbot.core.port.out.ExchangeException;
import dev.orderlistbot.db.testing.TestDatabases;
import dev.orderlistbot.testing.LogCapture;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Everyday conversation: welcome, help, who may talk, silence in groups, and failures. */
@ParameterizedClass(name = "on {0}")
@EnumSource(TestDatabases.class)
class ConversationTest {
  @Parameter TestDatabases databases;
  @TempDir Path dir;
  private TestBot bot;
  private FakeExchange exchange;

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
  void startSaysTheEnvironmentAndThatPaperNeedsNoKey() {
    bot.say(ALICE, "/start");

    assertThat(bot.lastReply(ALICE)).contains("PAPER").contains("no API key is needed").contains("/help");
  }

  @Test
  void helpListsEveryCommandOfTheTableAndExplainsOne() {
    bot.say(ALICE, "/help");
    String help = bot.lastReply(ALICE);
    bot.say(ALICE, "/help oco");

    for (CommandSpec spec : CommandSpec.values()) {
      assertThat(help).contains(spec.usage());
    }
    assertThat(bot.lastReply(ALICE)).contains(CommandSpec.OCO.usage()).contains(CommandSpec.OCO.example());
  }

  @Test
  void anUnauthorizedUserIsToldTheirIdInPrivateInGroupsAndOnButtonsOnceAnHour() {
    bot.say(MALLORY, "/oco BTCUSDT sell 0.01 tp 32000 sl 29000");
    String inPrivate = bot.lastReply(MALLORY);
    bot.clock.advance(Duration.ofHours(1));
    bot.sayInGroup(MALLORY, "/balance");
    String inGroup = bot.lastReply(GROUP);
    bot.clock.advance(Duration.ofHours(1));
    bot.say(ALICE, "/oco BTCUSDT sell 0.01 tp 32000 sl 29000");
    bot.engine().handle(bot.pressEvent(MALLORY, bot.lastButtons(TestBot.dm(ALICE)), Replies.CONFIRM));

    assertThat(inPrivate).contains("telegram:666").contains("BOT_ALLOWED_USERS");
    assertThat(inGroup).contains("telegram:666");
    assertThat(bot.lastReply(ALICE)).contains("telegram:666");
    assertThat(exchange.placeCalls).hasValue(0);
  }

  @Test
  void theConsoleUserIsAlwaysAllowed() {
    ChatRef console = new ChatRef("console", "local");
    bot.say(EngineConfig.CONSOLE_USER, console, ChatKind.PRIVATE, "/price BTCUSDT");

    assertThat(bot.lastReply(console)).isEqualTo("BTCUSDT last price: 30,000 (PAPER).");
  }

  @Test
  void groupsStayQuietOnPlainTextAndOnOtherBotsCommandsWhilePrivateChatsGetAHint() {
    bot.sayInGroup(ALICE, "gm everyone");
    bot.sayInGroup(ALICE, "/oco@SomeOtherBot BTCUSDT sell 0.01 tp 32000 sl 29000");
    bot.sayInGroup(ALICE, "/weather Berlin");
    bot.say(ALICE, "hello?");

    assertThat(bot.telegram.texts(GROUP)).isEmpty();
    assertThat(bot.lastReply(ALICE)).isEqualTo(Replies.helpHint());
  }

  @Test
  void aMistypedCommandOfThisBotIsExplainedInAGroupToo() {
    bot.sayInGroup(ALICE, "/oco BTCUSDT sell");

    assertThat(bot.lastReply(GROUP)).contains("For example: /oco");
  }

  @Test
  void aMistypedCommandIsExplainedWithACorrectExample() {
    bot.say(ALICE, "/oco BTCUSDT sell 0,01 tp 32000 sl 29000");

    assertThat(bot.lastReply(ALICE)).contains("0,01").contains("For example: /oco");
  }

  @Test
  void anExceptionInsideTheExchangeShowsOnlyARefThatMatchesTheLog() {
    exchange.lastPriceFailure = new IllegalStateException("pool exhausted at 10.0.0.7:5432 (internal detail)");
    String reply;
    String logs;
    try (LogCapture log = new LogCapture()) {
      bot.say(ALICE, "/price BTCUSDT");
      reply = bot.lastReply(ALICE);
      logs = log.all();
    }

    Matcher ref = Pattern.compile("Something went wrong \\(ref ([0-9a-f]{6})\\)").matcher(reply);
    assertThat(ref.find()).isTrue();
    assertThat(logs).contains("ref " + ref.group(1)).contains("internal detail");
    assertThat(bot.telegram.transcript()).doesNotContain("internal detail").doesNotContain("IllegalStateException");
  }

  @Test
  void exchangeErrorsBecomePlainSentences() {
    exchange.lastPriceFailure =
        new ExchangeException(new ExchangeError.RateLimited(-1003, Instant.parse("2026-03-01T10:05:00Z"), "Too many requests."));
    bot.say(ALICE, "/price BTCUSDT");
    String rateLimited = bot.lastReply(ALICE);
    exchange.lastPriceFailure = null;
    bot.say(ALICE, "/price ETHBTC");

    assertThat(rateLimited).contains("slow down until 2026-03-01 10:05:00 UTC");
    assertThat(bot.lastReply(ALICE)).isEqualTo("The exchange refused: Invalid symbol.");
  }

  @Test
  void alertsAreSwitchedInTheGroupAndListedInPrivate() {
    bot.sayInGroup(ALICE, "/alerts redacted");
    assertThat(bot.lastReply(GROUP)).isEqualTo(Replies.alertsOn(true));

    bot.sayInGroup(ALICE, "/alerts");
    assertThat(bot.lastReply(GROUP)).isEqualTo("Your order-list notifications are on in this chat, without quantities.");

    bot.say(ALICE, "/alerts");
    assertThat(bot.lastReply(ALICE))
        .isEqualTo("Chats that get your order-list notifications:\n• telegram chat -100200300 (without quantities)");

    bot.say(ALICE, "/alerts on");
    assertThat(bot.lastReply(ALICE)).isEqualTo(Replies.alertsInGroupsOnly());

    bot.sayInGroup(ALICE, "/alerts off");
    assertThat(bot.lastReply(GROUP)).isEqualTo(Replies.alertsOff(true));
    bot.say(ALICE, "/alerts");
    assertThat(bot.lastReply(ALICE)).startsWith("No group gets your order-list notifications.");
  }

  @Test
  void whereThePlatformKnowsAdminsOnlyAnAdminSendsTheGroupTheirAlertsButAnyoneStopsTheirOwn() {
    bot.telegram.admins(GROUP, BOB);

    bot.sayInGroup(ALICE, "/alerts on");
    assertThat(bot.lastReply(GROUP)).isEqualTo(Replies.alertsAdminsOnly());
    assertThat(bot.subscriptionsIn(GROUP)).isEmpty();

    bot.sayInGroup(BOB, "/alerts on");
    assertThat(bot.lastReply(GROUP)).isEqualTo(Replies.alertsOn(false));
    bot.telegram.admins(GROUP);
    bot.sayInGroup(BOB, "/alerts off");
    assertThat(bot.lastReply(GROUP)).isEqualTo(Replies.alertsOff(true));
  }

  @Test
  void anAdminCheckThePlatformCouldNotAnswerLeavesAlertsAsTheyWere() {
    bot.telegram.failAdminChecks(ChatDeliveryException.retryLater("Telegram did not answer", Optional.empty(), null));

    bot.sayInGroup(ALICE, "/alerts on");

    assertThat(bot.lastReply(GROUP)).isEqualTo(Replies.alertsAdminUnknown());
    assertThat(bot.subscriptionsIn(GROUP)).isEmpty();
  }

  @Test
  void aUserWhoIsNotAllowedCannotSubscribeAGroup() {
    bot.sayInGroup(MALLORY, "/alerts on");

    assertThat(bot.lastReply(GROUP)).isEqualTo(Replies.notAllowed(MALLORY));
    assertThat(bot.subscriptionsIn(GROUP)).isEmpty();
  }
}
