package dev.orderlistbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

class PollRequestsTest {

  @Test
  void asksFromTheUpdateAfterTheLastOneHandedOnForOnlyTheTypesTheBotUses() {
    GetUpdates request = new PollRequests(Duration.ofSeconds(50), Duration.ZERO).apply(734109261);

    assertThat(request.getOffset()).isEqualTo(734109262);
    assertThat(request.getTimeout()).isEqualTo(50);
    assertThat(request.getLimit()).isEqualTo(100);
    assertThat(request.getAllowedUpdates()).containsExactly("message", "callback_query");
  }

  @Test
  void keepsCallsAtLeastTheMinimumIntervalApart() {
    PollRequests requests = new PollRequests(Duration.ZERO, Duration.ofMillis(150));

    long start = System.nanoTime();
    requests.apply(0);
    requests.apply(0);
    requests.apply(0);

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
  }

  @Test
  void anUpdateThatCannotBeReadIsPassedOnAsABareIdSoPollingMovesPastIt() {
    String answer =
        "{\"ok\":true,\"result\":["
            + "{\"update_id\":10,\"message\":{\"message_id\":1,\"date\":1732435200000,"
            + "\"chat\":{\"id\":42,\"type\":\"private\"},\"text\":\"/setkey AK SECRETVALUE\"}},"
            + Fixtures.json("private-text")
            + "]}";

    List<Update> updates = Fixtures.updates(answer);

    assertThat(updates).hasSize(2);
    assertThat(updates.get(0).getUpdateId()).isEqualTo(10);
    assertThat(updates.get(0).getMessage()).isNull();
    assertThat(updates.get(1).getMessage().getText()).startsWith("/oco");
  }

  @Test
  void anErrorAnswerKeepsTelegramsCodeAndRetryAfter() {
    String answer =
        "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 3\","
            + "\"parameters\":{\"retry_after\":3}}";

    assertThatThrownBy(() -> Fixtures.updatesOrThrow(answer))
        .isInstanceOfSatisfying(
            TelegramApiRequestException.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo(429);
              assertThat(e.getParameters().getRetryAfter()).isEqualTo(3);
            });
  }

  @Test
  void anAnswerThatIsNotJsonIsARequestException() {
    assertThatThrownBy(() -> Fixtures.updatesOrThrow("<html>502</html>"))
        .isInstanceOf(TelegramApiRequestException.class);
  }
}
