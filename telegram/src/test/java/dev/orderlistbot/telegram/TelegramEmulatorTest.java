package dev.orderlistbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderlistbot.core.chat.ChatEvent;
import dev.orderlistbot.core.chat.ChatKind;
import dev.orderlistbot.core.chat.Button;
import dev.orderlistbot.core.chat.MessageRef;
import dev.orderlistbot.core.chat.OutboundMessage;
import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.Secret;
import dev.orderlistbot.core.port.out.ChatDeliveryException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The adapter against the Bot API emulator over real HTTP: long polling in, messages, buttons,
 * edits and deletions out, with a stand-in for core. Each test uses chats of its own.
 */
class TelegramEmulatorTest {
  static final String TOKEN = "7700000002:AAF-emulator-token-never-logged_x9Qw2Lk";
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final AtomicLong chats = new AtomicLong(500);

  private static BotApiEmulator emulator;
  private static TelegramChatPlatform platform;
  private static EchoHandler core;

  @BeforeAll
  static void start() {
    emulator = BotApiEmulator.start(TOKEN);
    platform = new TelegramChatPlatform(config(emulator));
    core = new EchoHandler();
    core.use(platform);
    platform.start(core);
  }

  @AfterAll
  static void stop() {
    if (platform != null) {
      platform.close();
    }
    if (emulator != null) {
      emulator.close();
    }
  }

  static TelegramConfig config(BotApiEmulator emulator) {
    return TelegramConfig.of(Secret.of(TOKEN))
        .withApiUrl(emulator.baseUrl())
        .withPolling(Duration.ofSeconds(1), Duration.ofMillis(50))
        .withRequestTimeout(Duration.ofSeconds(5));
  }

  private static long newChat() {
    return chats.incrementAndGet();
  }

  private static JsonNode awaitBotMessage(long chat) {
    return await().atMost(WAIT).until(() -> emulator.botMessages(chat), m -> !m.isEmpty()).getLast();
  }

  private static List<ChatEvent> eventsIn(long chat) {
    return core.events.stream().filter(e -> e.chat().chatId().equals(Long.toString(chat))).toList();
  }

  @Test
  void botUsernameComesFromGetMe() {
    assertThat(platform.botUsername()).isEqualTo(BotApiEmulator.BOT_USERNAME);
  }

  @Test
  void startRegistersOneCommandMenuForPrivateChatsAndOneForGroups() {
    List<JsonNode> menus = emulator.calls("setMyCommands");

    assertThat(menus).extracting(m -> m.path("scope").path("type").asText())
        .containsExactly("all_private_chats", "all_group_chats");
    assertThat(menus.get(0).path("commands").toString()).contains("\"setkey\"");
    assertThat(menus.get(1).path("commands").toString()).doesNotContain("\"setkey\"").contains("\"oco\"");
  }

  @Test
  void textRoundTripsAsAnHtmlEscapedMessageWithInlineButtons() {
    long chat = newChat();

    emulator.userSends(chat, "private", chat, "/echo 1 < 2 & 3 > 0");

    JsonNode sent = awaitBotMessage(chat).path("message");
    assertThat(sent.path("text").asText()).isEqualTo("echo: 1 &lt; 2 &amp; 3 &gt; 0");
    assertThat(sent.path("parse_mode").asText()).isEqualToIgnoringCase("HTML");
    JsonNode row = sent.path("reply_markup").path("inline_keyboard").path(0);
    assertThat(row).hasSize(2);
    assertThat(row.path(0).path("callback_data").asText()).isEqualTo("y:1");
    assertThat(row.path(1).path("callback_data").asText()).isEqualTo("n:1");
  }

  @Test
  void pressIsAnsweredAndItsMessageEditedInPlaceWithTheButtonsRemoved() {
    long chat = newChat();
    emulator.userSends(chat, "private", chat, "/echo preview");
    JsonNode preview = awaitBotMessage(chat);
    int answersBefore = emulator.calls("answerCallbackQuery").size();

    emulator.userPresses(chat, preview, "y:1");

    await().atMost(WAIT).until(() -> awaitBotMessage(chat).path("message").path("text").asText().startsWith("pressed"));
    JsonNode edited = awaitBotMessage(chat);
    assertThat(edited.path("message").path("text").asText()).isEqualTo("pressed y:1 by " + chat);
    assertThat(edited.path("message").path("reply_markup").path("inline_keyboard")).isEmpty();
    assertThat(emulator.botMessages(chat)).hasSize(1);
    assertThat(emulator.calls("answerCallbackQuery")).hasSizeGreaterThan(answersBefore);
  }

  @Test
  void messageCarryingASecretIsDeletedRightAfterReading() {
    long chat = newChat();

    emulator.userSends(chat, "private", chat, "/secret AKIA-something s3cr3t");

    await().atMost(WAIT).until(() -> core.deletions.contains(true));
    assertThat(emulator.userMessages(chat)).isEmpty();
    MessageRef gone = eventsIn(chat).getFirst() instanceof ChatEvent.TextMessage t ? t.message() : null;
    assertThat(platform.delete(gone)).isFalse();
  }

  @Test
  void groupCommandAddressedToTheBotReachesCoreAsTypedFromAGroup() {
    long group = -1_000_000_000_000L - newChat();

    emulator.userSends(group, "supergroup", 77, "/echo@" + BotApiEmulator.BOT_USERNAME + " hi");

    await().atMost(WAIT).until(() -> !eventsIn(group).isEmpty());
    ChatEvent event = eventsIn(group).getFirst();
    assertThat(event.kind()).isEqualTo(ChatKind.GROUP);
    assertThat(event.user().userId()).isEqualTo("77");
    assertThat(((ChatEvent.TextMessage) event).text()).isEqualTo("/echo@OrderListTestBot hi");
    assertThat(awaitBotMessage(group).path("message").path("text").asText()).isEqualTo("echo: hi");
  }

  @Test
  void aFailureInCoreGetsAReferenceInTheChatAndPollingGoesOn() {
    long chat = newChat();

    emulator.userSends(chat, "private", chat, "/boom");
    JsonNode told = awaitBotMessage(chat);
    emulator.userSends(chat, "private", chat, "/echo still here");

    assertThat(told.path("message").path("text").asText())
        .matches("Something went wrong \\(ref [0-9a-f]{4}\\)\\. Please try again\\.")
        .doesNotContain("internal details");
    await().atMost(WAIT).until(() -> awaitBotMessage(chat).path("message").path("text").asText().equals("echo: still here"));
  }

  @Test
  void pollingGoesOnThroughATelegramOutage() {
    long chat = newChat();
    emulator.failNext("getUpdates", 502, "{\"ok\":false,\"error_code\":502,\"description\":\"Bad Gateway\"}", 3);

    emulator.userSends(chat, "private", chat, "/echo after the outage");

    assertThat(awaitBotMessage(chat).path("message").path("text").asText()).isEqualTo("echo: after the outage");
    assertThat(eventsIn(chat)).hasSize(1);
  }

  @Test
  void everyUpdateIsHandedToCoreExactlyOnceAndInOrder() throws InterruptedException {
    long chat = newChat();

    IntStream.range(0, 15).forEach(i -> emulator.userSends(chat, "private", chat, "/echo " + i));

    await().atMost(WAIT).until(() -> eventsIn(chat).size() >= 15);
    Thread.sleep(300);
    assertThat(eventsIn(chat))
        .extracting(e -> ((ChatEvent.TextMessage) e).text())
        .containsExactlyElementsOf(IntStream.range(0, 15).mapToObj(i -> "/echo " + i).toList());
  }

  @Test
  void longMessageArrivesInPartsWithTheButtonsUnderTheLast() {
    long chat = newChat();

    emulator.userSends(chat, "private", chat, "/long");

    await().atMost(WAIT).until(() -> emulator.botMessages(chat).size() == 2);
    List<JsonNode> parts = emulator.botMessages(chat);
    assertThat(parts.get(0).path("message").path("text").asText().length()).isLessThanOrEqualTo(4096);
    assertThat(parts.get(0).path("message").has("reply_markup")).isFalse();
    assertThat(parts.get(1).path("message").path("reply_markup").path("inline_keyboard").path(0).path(0).path("callback_data").asText())
        .isEqualTo("ok:1");
  }

  @Test
  void rateLimitIsRetryableAfterTelegramsRetryAfter() {
    emulator.failNext(
        "sendMessage",
        429,
        "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 7\",\"parameters\":{\"retry_after\":7}}",
        1);

    assertThatThrownBy(() -> platform.send(new ChatRef("telegram", Long.toString(newChat())), OutboundMessage.text("hi")))
        .isInstanceOfSatisfying(
            ChatDeliveryException.class,
            e -> {
              assertThat(e.retryable()).isTrue();
              assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
            });
  }

  @Test
  void blockedBotIsAPermanentFailure() {
    emulator.failNext(
        "sendMessage", 403, "{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was blocked by the user\"}", 1);

    assertThatThrownBy(() -> platform.send(new ChatRef("telegram", Long.toString(newChat())), OutboundMessage.text("hi")))
        .isInstanceOfSatisfying(ChatDeliveryException.class, e -> assertThat(e.retryable()).isFalse());
  }

  @Test
  void editingAMessageIntoWhatItAlreadyShowsIsNotAnError() {
    ChatRef chat = new ChatRef("telegram", Long.toString(newChat()));
    MessageRef sent = platform.send(chat, OutboundMessage.text("Placed."));

    assertThatCode(() -> platform.edit(sent, OutboundMessage.text("Placed."))).doesNotThrowAnyException();
  }

  @Test
  void editingAMessageThatIsGoneIsAPermanentFailure() {
    MessageRef missing = new MessageRef(new ChatRef("telegram", Long.toString(newChat())), "987654");

    assertThatThrownBy(() -> platform.edit(missing, OutboundMessage.text("Placed.")))
        .isInstanceOfSatisfying(ChatDeliveryException.class, e -> assertThat(e.retryable()).isFalse());
  }

  @Test
  void anOrderCardIsSentWithTwoRowsOfButtonsAndEditedIntoOtherButtons() {
    long chatId = newChat();
    ChatRef chat = new ChatRef("telegram", Long.toString(chatId));
    OutboundMessage card =
        new OutboundMessage(
            "📋 PAPER · BTCUSDT OTOCO #8821\n• entry: LIMIT BUY 0.01 at 29,000 · filled 0.01 at avg 28,990",
            List.of(
                List.of(new Button("Cancel list", "k:CANCEL:8821"), new Button("Close at market", "k:CLOSE:8821")),
                List.of(new Button("Move stop to breakeven", "k:BREAKEVEN:8821"))));

    MessageRef sent = platform.send(chat, card);

    JsonNode shown = emulator.botMessages(chatId).getFirst().path("message");
    JsonNode rows = shown.path("reply_markup").path("inline_keyboard");
    assertThat(rows).hasSize(2);
    assertThat(rows.path(0)).extracting(b -> b.path("callback_data").asText()).containsExactly("k:CANCEL:8821", "k:CLOSE:8821");
    assertThat(rows.path(1).path(0).path("text").asText()).isEqualTo("Move stop to breakeven");

    platform.edit(sent, OutboundMessage.withButtons("📋 PAPER · BTCUSDT OTOCO #8821 · open", new Button("Cancel list", "k:CANCEL:8821")));

    JsonNode edited = emulator.botMessages(chatId).getFirst().path("message");
    assertThat(edited.path("text").asText()).isEqualTo("📋 PAPER · BTCUSDT OTOCO #8821 · open");
    assertThat(edited.path("reply_markup").path("inline_keyboard")).hasSize(1);
    assertThat(edited.path("reply_markup").path("inline_keyboard").path(0).path(0).path("callback_data").asText())
        .isEqualTo("k:CANCEL:8821");
    assertThat(emulator.botMessages(chatId)).hasSize(1);
  }
}
