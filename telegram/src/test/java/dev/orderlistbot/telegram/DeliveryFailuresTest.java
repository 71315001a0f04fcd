package dev.orderlistbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.domain.Secret;
import dev.orderlistbot.core.port.out.ChatDeliveryException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiValidationException;

class DeliveryFailuresTest {
  static final String TOKEN = "7700000001:AAHx9cQ2-token-that-must-never-show_4TqLw8Pn";
  private final DeliveryFailures failures = new DeliveryFailures(new Redactor(Secret.of(TOKEN)));

  /** What TelegramBots throws for a Bot API error answer, built by TelegramBots itself. */
  static TelegramApiRequestException answer(String json) {
    try {
      SendMessage.builder().chatId("42").text("hi").build().deserializeResponse(json);
    } catch (TelegramApiRequestException e) {
      return e;
    }
    throw new AssertionError("the answer was not an error: " + json);
  }

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  @Test
  void tooManyRequestsIsRetryableAfterTelegramsRetryAfter() {
    ChatDeliveryException e =
        failures.of(
            "sendMessage",
            answer(
                "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 17\","
                    + "\"parameters\":{\"retry_after\":17}}"));

    assertThat(e.retryable()).isTrue();
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(17));
    assertThat(e.getMessage()).contains("sendMessage").contains("429").contains("Too Many Requests");
  }

  @Test
  void tooManyRequestsWithoutRetryAfterIsRetryableWithoutADelay() {
    ChatDeliveryException e =
        failures.of("sendMessage", answer("{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests\"}"));

    assertThat(e.retryable()).isTrue();
    assertThat(e.retryAfter()).isEmpty();
  }

  @Test
  void chatNotFoundIsPermanent() {
    ChatDeliveryException e =
        failures.of(
            "sendMessage", answer("{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: chat not found\"}"));

    assertThat(e.retryable()).isFalse();
    assertThat(e.getMessage()).isEqualTo("Telegram refused sendMessage: [400] Bad Request: chat not found");
  }

  @Test
  void botBlockedByTheUserIsPermanent() {
    ChatDeliveryException e =
        failures.of(
            "sendMessage",
            answer("{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was blocked by the user\"}"));

    assertThat(e.retryable()).isFalse();
    assertThat(e.retryAfter()).isEmpty();
  }

  @Test
  void telegramServerErrorIsRetryable() {
    ChatDeliveryException e =
        failures.of("sendMessage", answer("{\"ok\":false,\"error_code\":502,\"description\":\"Bad Gateway\"}"));

    assertThat(e.retryable()).isTrue();
  }

  @Test
  void networkErrorIsRetryable() {
    TelegramApiException failure =
        new TelegramApiException(
            "Unable to execute sendmessage method", new IOException("Failed to connect to /127.0.0.1:1"));

    ChatDeliveryException e = failures.of("sendMessage", failure);

    assertThat(e.retryable()).isTrue();
    assertThat(e.getMessage()).contains("unreachable").contains("Failed to connect");
  }

  @Test
  void timeoutWrappedInAnExecutionExceptionIsRetryable() {
    ChatDeliveryException e =
        failures.of("editMessageText", new ExecutionException(new SocketTimeoutException("timeout")));

    assertThat(e.retryable()).isTrue();
    assertThat(e.getMessage()).contains("SocketTimeoutException: timeout");
  }

  @Test
  void answerThatIsNotBotApiJsonSuchAsAProxyErrorPageIsRetryable() {
    TelegramApiRequestException page = answer("<html><body>502 Bad Gateway</body></html>");

    ChatDeliveryException e = failures.of("sendMessage", page);

    assertThat(e.retryable()).isTrue();
  }

  @Test
  void requestTelegramBotsRefusesToSendIsPermanent() {
    TelegramApiValidationException refusal = null;
    try {
      SendMessage.builder().chatId("42").text("").build().validate();
    } catch (TelegramApiValidationException expected) {
      refusal = expected;
    }

    ChatDeliveryException e = failures.of("sendMessage", refusal);

    assertThat(e.retryable()).isFalse();
  }

  @Test
  void interruptionIsRetryableAndKeepsTheThreadInterrupted() {
    ChatDeliveryException e =
        failures.of("sendMessage", new TelegramApiException("Unable to execute", new InterruptedException()));

    assertThat(e.retryable()).isTrue();
    assertThat(Thread.currentThread().isInterrupted()).isTrue();
  }

  @Test
  void tokenInAnyMessageOrCauseIsScrubbed() {
    TelegramApiException failure =
        new TelegramApiException(
            "Unable to execute sendmessage method",
            new IOException(
                "unexpected end of stream on http://127.0.0.1:8081/bot" + TOKEN + "/sendmessage",
                new IOException("again " + TOKEN)));

    ChatDeliveryException e = failures.of("sendMessage", failure);

    assertThat(e.getMessage()).doesNotContain(TOKEN).contains(Redactor.MASK);
    for (Throwable t = e; t != null; t = t.getCause()) {
      assertThat(String.valueOf(t.getMessage())).doesNotContain(TOKEN).doesNotContain("AAHx9cQ2");
      assertThat(t.toString()).doesNotContain(TOKEN);
    }
  }

  @Test
  void descriptionQuotingTheTokenIsScrubbed() {
    ChatDeliveryException e =
        failures.of(
            "sendMessage",
            answer(
                "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found: /bot" + TOKEN + "/sendMessage\"}"));

    assertThat(e.retryable()).isFalse();
    assertThat(e.getMessage()).doesNotContain(TOKEN);
    assertThat(e.getCause().getMessage()).doesNotContain(TOKEN);
  }
}
