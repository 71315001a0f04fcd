package dev.orderlistbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderlistbot.core.chat.Button;
import dev.orderlistbot.core.chat.MessageRef;
import dev.orderlistbot.core.chat.OutboundMessage;
import dev.orderlistbot.core.chat.Picture;
import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.Secret;
import dev.orderlistbot.core.port.out.ChatDeliveryException;
import java.awt.Color;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Messages with a picture (a chart) against the Bot API emulator over real HTTP: photos uploaded as
 * multipart, captions, caption and media edits, texts too long for a caption, refusals. Each test
 * uses chats of its own; nothing polls.
 */
class TelegramPicturesTest {
  private static final String TOKEN = "7700000003:AAF-pictures-token-never-logged_q1Zr8Xc";
  private static final Picture CHART = Pngs.chart("chart-BTCUSDT.png", 120, 80, Color.BLUE);
  private static final Picture NEWER = Pngs.chart("chart-BTCUSDT-2.png", 160, 90, Color.RED);
  private static final AtomicLong chats = new AtomicLong(900);

  private static BotApiEmulator emulator;
  private static TelegramChatPlatform platform;

  @BeforeAll
  static void start() {
    emulator = BotApiEmulator.start(TOKEN);
    platform = newPlatform();
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

  /** An adapter as after a restart: it has never seen the messages of the others. */
  private static TelegramChatPlatform newPlatform() {
    return new TelegramChatPlatform(
        TelegramConfig.of(Secret.of(TOKEN)).withApiUrl(emulator.baseUrl()).withRequestTimeout(Duration.ofSeconds(5)));
  }

  private static long newChat() {
    return chats.incrementAndGet();
  }

  private static ChatRef chat(long id) {
    return new ChatRef("telegram", Long.toString(id));
  }

  private static OutboundMessage preview(String text) {
    return OutboundMessage.withButtons(text, new Button("Confirm", "c:1"), new Button("Cancel", "x:1")).withPicture(CHART);
  }

  private static JsonNode shown(long chat, MessageRef ref) {
    return emulator.botMessages(chat).stream()
        .filter(m -> m.path("messageId").asText().equals(ref.messageId()))
        .findFirst()
        .orElseThrow()
        .path("message");
  }

  private static JsonNode lastCall(String method) {
    return emulator.calls(method).getLast();
  }

  private static List<String> callbackData(JsonNode message) {
    return message.path("reply_markup").path("inline_keyboard").findValuesAsText("callback_data");
  }

  private static String photoId(JsonNode message) {
    return message.path("photo").path(1).path("file_id").asText();
  }

  private static String lines(int count, String prefix) {
    return IntStream.range(0, count).mapToObj(i -> prefix + " line " + i + " " + "·".repeat(40)).collect(Collectors.joining("\n"));
  }

  @Test
  void aPictureGoesOutAsAPhotoWhoseCaptionIsTheEscapedTextWithTheButtonsUnderIt() {
    long chatId = newChat();

    MessageRef ref = platform.send(chat(chatId), preview("OCO BTCUSDT sell 0.01 < 32000 & > 29000"));

    JsonNode upload = lastCall("sendPhoto");
    assertThat(upload.path("chat_id").asText()).isEqualTo(Long.toString(chatId));
    assertThat(upload.path("photo_head").asText()).isEqualTo(Pngs.PNG_HEAD);
    assertThat(upload.path("photo_size").asInt()).isEqualTo(CHART.size());
    assertThat(upload.path("file_name").asText()).isEqualTo("chart-BTCUSDT.png");
    assertThat(upload.path("caption").asText()).isEqualTo("OCO BTCUSDT sell 0.01 &lt; 32000 &amp; &gt; 29000");
    assertThat(upload.path("parse_mode").asText()).isEqualToIgnoringCase("HTML");
    assertThat(callbackData(upload)).containsExactly("c:1", "x:1");
    JsonNode message = shown(chatId, ref);
    assertThat(message.path("photo")).isNotEmpty();
    assertThat(message.has("text")).isFalse();
    assertThat(emulator.botMessages(chatId)).hasSize(1);
  }

  @Test
  void anEditWithoutAPictureChangesTheCaptionAndButtonsAndKeepsThePhoto() {
    long chatId = newChat();
    MessageRef ref = platform.send(chat(chatId), preview("Preview"));
    String photo = photoId(shown(chatId, ref));

    platform.edit(ref, OutboundMessage.withButtons("Placed: order list 42", new Button("Cancel list", "k:42")));

    JsonNode message = shown(chatId, ref);
    assertThat(message.path("caption").asText()).isEqualTo("Placed: order list 42");
    assertThat(callbackData(message)).containsExactly("k:42");
    assertThat(photoId(message)).isEqualTo(photo);
    assertThat(lastCall("editMessageCaption").path("message_id").asText()).isEqualTo(ref.messageId());
  }

  @Test
  void anEditWithAPictureReplacesThePhotoTheCaptionAndTheButtons() {
    long chatId = newChat();
    MessageRef ref = platform.send(chat(chatId), preview("Preview"));
    String photo = photoId(shown(chatId, ref));

    platform.edit(ref, OutboundMessage.text("Filled at 32000").withPicture(NEWER));

    JsonNode upload = lastCall("editMessageMedia");
    assertThat(upload.path("photo_head").asText()).isEqualTo(Pngs.PNG_HEAD);
    assertThat(upload.path("photo_size").asInt()).isEqualTo(NEWER.size());
    assertThat(upload.path("media").path("type").asText()).isEqualTo("photo");
    JsonNode message = shown(chatId, ref);
    assertThat(photoId(message)).isNotEqualTo(photo);
    assertThat(message.path("caption").asText()).isEqualTo("Filled at 32000");
    assertThat(callbackData(message)).isEmpty();
    assertThat(emulator.botMessages(chatId)).hasSize(1);
  }

  @Test
  void aTextTooLongForACaptionGoesOutAsThePhotoThenTheTextWithTheButtons() {
    long chatId = newChat();
    String text = lines(30, "card");

    MessageRef ref = platform.send(chat(chatId), preview(text));

    List<JsonNode> sent = emulator.botMessages(chatId);
    assertThat(sent).hasSize(2);
    JsonNode photo = sent.get(0).path("message");
    assertThat(photo.path("photo")).isNotEmpty();
    assertThat(photo.has("caption")).isFalse();
    assertThat(callbackData(photo)).isEmpty();
    JsonNode after = sent.get(1).path("message");
    assertThat(after.path("text").asText()).isEqualTo(text);
    assertThat(callbackData(after)).containsExactly("c:1", "x:1");
    assertThat(ref.messageId()).isEqualTo(sent.get(1).path("messageId").asText());
  }

  @Test
  void aCaptionEditTooLongForACaptionIsCutAtALineAndTheRestFollowsWithTheButtonsKeptOnThePhoto() {
    long chatId = newChat();
    MessageRef ref = platform.send(chat(chatId), preview("Preview"));
    String text = lines(30, "card");

    platform.edit(ref, OutboundMessage.withButtons(text, new Button("Cancel list", "k:42")));

    JsonNode photo = shown(chatId, ref);
    String caption = photo.path("caption").asText();
    assertThat(caption).hasSizeLessThanOrEqualTo(1024).endsWith("\n…").startsWith("card line 0 ");
    assertThat(callbackData(photo)).containsExactly("k:42");
    List<JsonNode> sent = emulator.botMessages(chatId);
    assertThat(sent).hasSize(2);
    JsonNode rest = sent.get(1).path("message");
    assertThat(callbackData(rest)).isEmpty();
    assertThat(caption.substring(0, caption.length() - 2) + "\n" + rest.path("text").asText()).isEqualTo(text);
  }

  @Test
  void repeatedCaptionEditsTooLongForACaptionKeepOneRestMessageWhichGoesWhenTheCaptionFitsAgain() {
    long chatId = newChat();
    MessageRef ref = platform.send(chat(chatId), preview("Preview"));

    for (int i = 0; i < 3; i++) {
      platform.edit(ref, OutboundMessage.withButtons(lines(30, "card " + i), new Button("Cancel list", "k:42")));
    }

    List<JsonNode> sent = emulator.botMessages(chatId);
    assertThat(sent).hasSize(2);
    assertThat(sent.get(1).path("message").path("text").asText()).startsWith("card 2 line ");
    platform.edit(ref, OutboundMessage.withButtons("Filled", new Button("OK", "o:1")));
    assertThat(emulator.botMessages(chatId)).hasSize(1);
  }

  @Test
  void aRestMessageThatFailsDoesNotFailTheCaptionEditItFollows() {
    long chatId = newChat();
    MessageRef ref = platform.send(chat(chatId), preview("Preview"));
    emulator.failNext("sendMessage", 500, "{\"ok\":false,\"error_code\":500,\"description\":\"Internal Server Error\"}", 1);

    platform.edit(ref, OutboundMessage.withButtons(lines(30, "card"), new Button("Cancel list", "k:42")));

    assertThat(callbackData(shown(chatId, ref))).containsExactly("k:42");
  }

  @Test
  void editingATextWithAPictureTurnsItIntoAPhotoWhoseCaptionIsTheTextWithTheButtonsUnderIt() {
    long chatId = newChat();
    MessageRef ref = platform.send(chat(chatId), OutboundMessage.withButtons("Preview", new Button("Confirm", "c:1")));

    platform.edit(ref, OutboundMessage.withButtons("Placed", new Button("Cancel list", "k:42")).withPicture(CHART));
    platform.edit(ref, OutboundMessage.text("Filled").withPicture(NEWER));

    assertThat(emulator.botMessages(chatId)).hasSize(1);
    JsonNode photo = shown(chatId, ref);
    assertThat(photo.path("caption").asText()).isEqualTo("Filled");
    assertThat(photo.has("text")).isFalse();
    assertThat(callbackData(photo)).isEmpty();
    assertThat(photo.path("photo").path(1).path("file_size").asInt()).isEqualTo(NEWER.size());
  }

  @Test
  void editingATextWithAPictureAndATextTooLongForACaptionKeepsOnePhotoReplyingToIt() {
    long chatId = newChat();
    MessageRef ref = platform.send(chat(chatId), OutboundMessage.withButtons("Preview", new Button("Confirm", "c:1")));

    platform.edit(ref, OutboundMessage.withButtons(lines(30, "placed"), new Button("Cancel list", "k:42")).withPicture(CHART));
    platform.edit(ref, OutboundMessage.text(lines(30, "filled")).withPicture(NEWER));

    List<JsonNode> sent = emulator.botMessages(chatId);
    assertThat(sent).hasSize(2);
    JsonNode text = shown(chatId, ref);
    assertThat(text.path("text").asText()).startsWith("filled line 0");
    assertThat(callbackData(text)).isEmpty();
    JsonNode photo = sent.get(1).path("message");
    assertThat(photo.path("reply_parameters").path("message_id").asText()).isEqualTo(ref.messageId());
    assertThat(photo.path("photo").path(1).path("file_size").asInt()).isEqualTo(NEWER.size());
  }

  @Test
  void afterARestartAnEditFindsTheRightMethodAndATextWithAPictureBecomesAPhoto() {
    long chatId = newChat();
    MessageRef photo = platform.send(chat(chatId), preview("Preview"));
    MessageRef text = platform.send(chat(chatId), OutboundMessage.withButtons("Preview 2", new Button("Confirm", "c:2")));

    try (TelegramChatPlatform restarted = newPlatform()) {
      restarted.edit(photo, OutboundMessage.text("Cancelled."));
      restarted.edit(text, OutboundMessage.text("Placed.").withPicture(NEWER));
    }

    assertThat(shown(chatId, photo).path("caption").asText()).isEqualTo("Cancelled.");
    assertThat(callbackData(shown(chatId, photo))).isEmpty();
    assertThat(shown(chatId, text).path("caption").asText()).isEqualTo("Placed.");
    assertThat(shown(chatId, text).has("text")).isFalse();
    assertThat(emulator.botMessages(chatId)).hasSize(2);
  }

  @Test
  void aPhotoTelegramRefusesIsAPermanentFailureSoCoreCanSendTheTextAlone() {
    emulator.failNext(
        "sendPhoto", 400, "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: PHOTO_INVALID_DIMENSIONS\"}", 1);

    assertThatThrownBy(() -> platform.send(chat(newChat()), preview("Preview")))
        .isInstanceOfSatisfying(
            ChatDeliveryException.class,
            e -> {
              assertThat(e.retryable()).isFalse();
              assertThat(e.getMessage()).contains("sendPhoto").contains("PHOTO_INVALID_DIMENSIONS").doesNotContain(TOKEN);
            });
  }

  @Test
  void aRateLimitedPhotoIsRetryable() {
    emulator.failNext(
        "sendPhoto",
        429,
        "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 3\",\"parameters\":{\"retry_after\":3}}",
        1);

    assertThatThrownBy(() -> platform.send(chat(newChat()), preview("Preview")))
        .isInstanceOfSatisfying(
            ChatDeliveryException.class,
            e -> {
              assertThat(e.retryable()).isTrue();
              assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
            });
  }

  @Test
  void aLongTextWhoseSendFailsLeavesNoPhotoWithoutItsText() {
    long chatId = newChat();
    emulator.failNext("sendMessage", 429, "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 1\",\"parameters\":{\"retry_after\":1}}", 1);

    assertThatThrownBy(() -> platform.send(chat(chatId), preview(lines(30, "card")))).isInstanceOf(ChatDeliveryException.class);

    assertThat(emulator.botMessages(chatId)).isEmpty();
  }

  @Test
  void deletingATextSentAfterItsPhotoDeletesBoth() {
    long chatId = newChat();
    MessageRef ref = platform.send(chat(chatId), preview(lines(30, "secret")));

    assertThat(platform.delete(ref)).isTrue();

    assertThat(emulator.botMessages(chatId)).isEmpty();
  }
}
