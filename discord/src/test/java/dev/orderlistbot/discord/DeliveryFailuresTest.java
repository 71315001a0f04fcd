package dev.orderlistbot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.orderlistbot.core.port.out.ChatDeliveryException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.RateLimitedException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import org.junit.jupiter.api.Test;

class DeliveryFailuresTest {

  @Test
  void anUnknownChannelIsPermanent() {
    ChatDeliveryException e = DeliveryFailures.map("send to discord:1", response(ErrorResponse.UNKNOWN_CHANNEL, false));

    assertThat(e.retryable()).isFalse();
    assertThat(e.getMessage()).contains("UNKNOWN_CHANNEL");
  }

  @Test
  void aUserWhoBlocksDirectMessagesIsPermanent() {
    assertThat(DeliveryFailures.map("send", response(ErrorResponse.CANNOT_SEND_TO_USER, false)).retryable()).isFalse();
    assertThat(DeliveryFailures.map("send", response(ErrorResponse.MISSING_PERMISSIONS, false)).retryable()).isFalse();
  }

  @Test
  void aDiscordServerErrorIsRetryable() {
    assertThat(DeliveryFailures.map("send", response(ErrorResponse.SERVER_ERROR, true)).retryable()).isTrue();
  }

  @Test
  void aRateLimitIsRetryableAfterTheWaitDiscordAskedFor() {
    RuntimeException wrapped = new RuntimeException(new RateLimitedException("channels/1/messages", 1500));

    ChatDeliveryException e = DeliveryFailures.map("send", wrapped);

    assertThat(e.retryable()).isTrue();
    assertThat(e.retryAfter()).contains(Duration.ofMillis(1500));
  }

  @Test
  void aNetworkErrorIsRetryable() {
    RuntimeException failure = new UncheckedIOException(new SocketTimeoutException("read timed out"));

    assertThat(DeliveryFailures.map("send", failure).retryable()).isTrue();
  }

  @Test
  void jdaArgumentChecksArePermanentAndNeverQuoteTheContent() {
    RuntimeException failure = new IllegalArgumentException("Content may not be longer than 2000! Provided: \"balance 12.5 BTC\"");

    ChatDeliveryException e = DeliveryFailures.map("send", failure);

    assertThat(e.retryable()).isFalse();
    assertThat(e.getMessage()).doesNotContain("12.5");
    assertThat(e.getCause()).isNull();
  }

  @Test
  void callPassesTheResultThrough() {
    assertThat(DeliveryFailures.call("x", () -> "ok")).isEqualTo("ok");
  }

  private static ErrorResponseException response(ErrorResponse error, boolean serverError) {
    ErrorResponseException e = mock(ErrorResponseException.class);
    when(e.getErrorResponse()).thenReturn(error);
    when(e.getErrorCode()).thenReturn(error.getCode());
    when(e.isServerError()).thenReturn(serverError);
    return e;
  }
}
