package dev.orderlistbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderlistbot.core.command.CommandParser;
import dev.orderlistbot.core.domain.ApiCredentials;
import dev.orderlistbot.core.domain.KeyType;
import dev.orderlistbot.core.domain.Secret;
import dev.orderlistbot.core.domain.TradingEnvironment;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.engine.BotEngine;
import dev.orderlistbot.core.engine.ChatPlatforms;
import dev.orderlistbot.core.engine.EngineConfig;
import dev.orderlistbot.core.engine.NotificationDispatcher;
import dev.orderlistbot.core.engine.NotificationRouter;
import dev.orderlistbot.core.port.out.AlertSubscription;
import dev.orderlistbot.core.port.out.EngineTelemetry;
import dev.orderlistbot.core.rules.PreTradeCheck;
import dev.orderlistbot.core.security.AesGcmKeyVault;
import dev.orderlistbot.core.security.MasterKey;
import dev.orderlistbot.db.Database;
import dev.orderlistbot.db.DbConfig;
import dev.orderlistbot.paper.PaperConfig;
import dev.orderlistbot.paper.PaperExchange;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole bot over Telegram: the Bot API emulator in front, this adapter, the conversation engine,
 * H2 in a temporary directory, the key vault and the paper exchange behind, wired as the app wires
 * them. Users act only through the emulator, as on a phone. {@link TradingOverTelegramWebhookTest}
 * runs the same scenarios in webhook mode.
 */
class TradingOverTelegramTest {
  private static final String TOKEN = "7700000004:AAH-scenario-token-never-logged_Qm3Vx8Zr";
  private static final Duration WAIT = Duration.ofSeconds(15);
  static final long ALICE = 4242;
  private static final long BOB = 4343;
  private static final long DESK = -1_001_777_000_000L;
  private static final String API_KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
  private static final String API_SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";

  @TempDir Path dataDir;
  private final SecureRandom random = new SecureRandom();
  private final Clock clock = Clock.systemUTC();
  BotApiEmulator emulator;
  private Database database;
  private TelegramChatPlatform telegram;
  private ExecutorService notices;
  private ScheduledExecutorService paperScheduler;
  PaperExchange paper;

  @BeforeEach
  void startTheBot() {
    emulator = BotApiEmulator.start(TOKEN);
    database = Database.open(DbConfig.h2File(dataDir), clock);
    AesGcmKeyVault vault = AesGcmKeyVault.open(MasterKey.generate(random), database.transactor(), random, clock);
    telegram = new TelegramChatPlatform(telegramConfig(TOKEN, emulator));
    ChatPlatforms platforms = ChatPlatforms.of(telegram);
    notices = Executors.newVirtualThreadPerTaskExecutor();
    NotificationDispatcher dispatcher = new NotificationDispatcher(database.transactor(), platforms, clock, notices);
    NotificationRouter router = new NotificationRouter(database.transactor(), dispatcher::trigger);
    paperScheduler = Executors.newSingleThreadScheduledExecutor();
    paper = PaperExchange.create(PaperConfig.defaults().withoutPriceWalk(), clock, paperScheduler, router, database.paperState());
    // as the app: a paced notice (a fill right after the placement's result) goes on the next tick
    var unusedDrain = paperScheduler.scheduleWithFixedDelay(dispatcher::trigger, 200, 200, TimeUnit.MILLISECONDS);
    BotEngine engine =
        new BotEngine(
            EngineConfig.of(TradingEnvironment.PAPER, Set.of(user(ALICE), user(BOB)), Set.of()),
            platforms,
            paper,
            Optional.of(paper),
            Optional.of(paper),
            vault,
            database.transactor(),
            new CommandParser(Optional.of(telegram.botUsername())),
            new PreTradeCheck(),
            clock,
            random,
            EngineTelemetry.NOOP,
            dispatcher::trigger);
    telegram.start(engine);
  }

  /** How the adapter reaches the emulator: long polling here. */
  TelegramConfig telegramConfig(String token, BotApiEmulator emulator) {
    return TelegramConfig.of(Secret.of(token))
        .withApiUrl(emulator.baseUrl())
        .withPolling(Duration.ofSeconds(1), Duration.ofMillis(50))
        .withRequestTimeout(Duration.ofSeconds(5));
  }

  @AfterEach
  void stopTheBot() {
    if (telegram != null) {
      telegram.close();
    }
    if (paper != null) {
      paper.close();
      paperScheduler.shutdownNow();
      notices.shutdownNow();
    }
    if (database != null) {
      database.close();
    }
    if (emulator != null) {
      emulator.close();
    }
  }

  @Test
  void traderSetsAKeyPlacesAnOcoByButtonAndHearsOfTheFill() {
    emulator.userSends(ALICE, "private", ALICE, "/setkey " + API_KEY + " " + API_SECRET);

    JsonNode keyReply = awaitBotMessage(ALICE, text -> text.contains("deleted your message"));
    assertThat(emulator.userMessages(ALICE)).noneMatch(m -> m.path("message").path("text").asText().contains(API_SECRET));
    assertThat(keyReply.path("message").path("text").asText()).doesNotContain(API_SECRET);

    emulator.userSends(ALICE, "private", ALICE, "/oco BTCUSDT sell 0.01 tp 32000 sl 29000/28900");

    JsonNode preview = awaitBotMessage(ALICE, text -> text.startsWith("PREVIEW"));
    JsonNode buttons = preview.path("message").path("reply_markup").path("inline_keyboard").path(0);
    assertThat(buttons).extracting(b -> b.path("text").asText()).containsExactly("Confirm", "Cancel");

    emulator.userPresses(ALICE, preview, buttons.path(0).path("callback_data").asText());

    // the preview became the list's card, with the card's buttons (an OCO guards a held position)
    JsonNode placed = awaitEdited(ALICE, preview, text -> text.startsWith("✅ Placed on PAPER"));
    assertThat(placed.path("message").path("text").asText()).contains("📋 PAPER · BTCUSDT OCO #");
    JsonNode cardButtons = placed.path("message").path("reply_markup").path("inline_keyboard");
    assertThat(cardButtons).hasSize(1);
    assertThat(cardButtons.path(0)).extracting(b -> b.path("text").asText()).containsExactly("Cancel list", "Close at market");
    assertThat(cardButtons.path(0).path(0).path("callback_data").asText()).matches("k:CANCEL:[0-9]+");
    assertThat(paper.openOrderLists(paperKey(ALICE))).hasSize(1);

    emulator.userSends(ALICE, "private", ALICE, "/paper price BTCUSDT 32000");

    JsonNode fill = awaitBotMessage(ALICE, text -> text.contains("filled"));
    assertThat(fill.path("message").path("text").asText()).contains("BTCUSDT").contains("take-profit");
    assertThat(paper.openOrderLists(paperKey(ALICE))).isEmpty();
    // the fill also edited the card in place: finished, its buttons gone
    JsonNode finished = awaitEdited(ALICE, preview, text -> text.contains(" · finished"));
    assertThat(finished.path("message").path("text").asText()).contains("take-profit: LIMIT_MAKER SELL 0.01 at 32,000 · filled 0.01");
    assertThat(finished.path("message").path("reply_markup").path("inline_keyboard")).isEmpty();
  }

  @Test
  void inAGroupOnlyTheTraderWhoAskedCanConfirm() {
    emulator.userSends(DESK, "group", ALICE, "/oco@" + BotApiEmulator.BOT_USERNAME + " BTCUSDT sell 0.01 tp 32000 sl 29000");
    JsonNode preview = awaitBotMessage(DESK, text -> text.startsWith("PREVIEW"));
    String confirm = preview.path("message").path("reply_markup").path("inline_keyboard").path(0).path(0).path("callback_data").asText();

    emulator.userPresses(BOB, preview, confirm);

    awaitBotMessage(DESK, text -> text.equals("Only the trader who asked for this can press its buttons."));
    assertThat(paper.openOrderLists(paperKey(BOB))).isEmpty();
    assertThat(paper.openOrderLists(paperKey(ALICE))).isEmpty();
    assertThat(message(DESK, preview).path("message").path("text").asText()).startsWith("PREVIEW");

    emulator.userPresses(ALICE, preview, confirm);

    awaitEdited(DESK, preview, text -> text.startsWith("✅ Placed on PAPER"));
    assertThat(paper.openOrderLists(paperKey(ALICE))).hasSize(1);
  }

  @Test
  void onlyAGroupAdminCanSendTheGroupTheirAlertsButAnyoneCanStopTheirOwn() {
    emulator.admins(DESK, ALICE);

    emulator.userSends(DESK, "group", BOB, "/alerts@" + BotApiEmulator.BOT_USERNAME + " on");
    awaitBotMessage(DESK, text -> text.startsWith("Only an admin of this group"));
    emulator.userSends(DESK, "group", ALICE, "/alerts@" + BotApiEmulator.BOT_USERNAME + " redacted");
    awaitBotMessage(DESK, text -> text.startsWith("🔔 This chat now gets your order-list notifications, without quantities"));
    emulator.userSends(DESK, "group", BOB, "/alerts@" + BotApiEmulator.BOT_USERNAME + " off");
    awaitBotMessage(DESK, text -> text.contains("was not getting your"));

    assertThat(emulator.calls("getChatMember"))
        .extracting(call -> call.path("user_id").asLong())
        .containsExactly(BOB, ALICE);
    assertThat(subscriptionsOf(BOB)).isEmpty();
    assertThat(subscriptionsOf(ALICE)).hasSize(1);
  }

  private List<AlertSubscription> subscriptionsOf(long user) {
    return database.transactor().inTransaction(stores -> stores.subscriptions().forOwner(user(user)));
  }

  private static UserRef user(long id) {
    return new UserRef("telegram", Long.toString(id));
  }

  static ApiCredentials paperKey(long user) {
    return new ApiCredentials(KeyType.HMAC, "paper-telegram-" + user, Secret.of("paper"));
  }

  /** The newest message the bot sent to {@code chat} whose text matches, once there is one. */
  JsonNode awaitBotMessage(long chat, Predicate<String> text) {
    return await()
        .atMost(WAIT)
        .until(() -> matching(emulator.botMessages(chat), text), found -> !found.isEmpty())
        .getLast();
  }

  /** {@code sent}, once an edit made its text match. */
  JsonNode awaitEdited(long chat, JsonNode sent, Predicate<String> text) {
    return await()
        .atMost(WAIT)
        .until(() -> message(chat, sent), now -> text.test(now.path("message").path("text").asText()));
  }

  private JsonNode message(long chat, JsonNode sent) {
    return emulator.botMessages(chat).stream()
        .filter(m -> m.path("messageId").asInt() == sent.path("messageId").asInt())
        .findFirst()
        .orElseThrow();
  }

  private static List<JsonNode> matching(List<JsonNode> messages, Predicate<String> text) {
    return messages.stream().filter(m -> text.test(m.path("message").path("text").asText())).toList();
  }
}
