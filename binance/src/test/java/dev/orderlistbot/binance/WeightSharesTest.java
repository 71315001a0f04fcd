package dev.orderlistbot.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderlistbot.core.port.out.ExchangeError;
import dev.orderlistbot.core.port.out.ExchangeException;
import dev.orderlistbot.testing.MutableClock;
import feign.Request;
import feign.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The per-user share of the IP's request weight and the headroom kept for placing and cancelling. */
class WeightSharesTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private static final Request ACCOUNT = get("/api/v3/account");
  private static final Request ORDER_LIST = get("/api/v3/orderList?orderListId=1");

  private final MutableClock clock = new MutableClock(T0);
  private final WeightShares shares = new WeightShares(clock, BinanceConfig.WeightBudget.DEFAULT);
  private final WeightGuard alice = shares.reads(new WeightWindow());
  private final WeightGuard bob = shares.reads(new WeightWindow());

  @Test
  void aUsersShareIsAQuarterOfTheLimitAndTheReserveATenth() {
    assertThat(shares.userShare()).isEqualTo(1_500);
    assertThat(shares.readCeiling()).isEqualTo(5_400);

    shares.limitPerMinute(1_200);

    assertThat(shares.userShare()).isEqualTo(300);
    assertThat(shares.readCeiling()).isEqualTo(1_080);
  }

  @Test
  void aBalanceLoopIsHeldBackAtTheUsersShareWhileAnotherUserStillReads() {
    for (int i = 0; i < 75; i++) {
      alice.beforeSending(ACCOUNT);
    }

    assertThatThrownBy(() -> alice.beforeSending(ACCOUNT))
        .isInstanceOfSatisfying(
            ExchangeException.class,
            e -> {
              assertThat(e.error()).isInstanceOf(ExchangeError.HeldBack.class);
              assertThat(((ExchangeError.HeldBack) e.error()).until()).isEqualTo(T0.plusSeconds(60));
              assertThat(e.error().reason()).contains("your share").contains("1500 a minute");
            });
    assertThatCode(() -> bob.beforeSending(ACCOUNT)).doesNotThrowAnyException();
    clock.advance(Duration.ofSeconds(60));
    assertThatCode(() -> alice.beforeSending(ACCOUNT)).doesNotThrowAnyException();
  }

  @Test
  void readsStopBelowTheLimitWhateverTheUserSoPlacementsAndCancelsFindRoom() {
    shares.counted().answered(usedWeight(5_390));

    assertThatCode(() -> bob.beforeSending(ORDER_LIST)).doesNotThrowAnyException();
    assertThatThrownBy(() -> alice.beforeSending(ACCOUNT))
        .isInstanceOfSatisfying(
            ExchangeException.class,
            e -> {
              assertThat(((ExchangeError.HeldBack) e.error()).until()).isEqualTo(T0.plusSeconds(60));
              assertThat(e.error().reason()).contains("kept for placing and cancelling");
            });
    assertThatCode(() -> shares.counted().beforeSending(post("/api/v3/orderList/oco"))).doesNotThrowAnyException();
  }

  @Test
  void aReadHeldBackByTheReserveDoesNotCountAgainstTheUsersShare() {
    shares.counted().answered(usedWeight(5_400));
    for (int i = 0; i < 100; i++) {
      assertThatThrownBy(() -> alice.beforeSending(ACCOUNT)).isInstanceOf(ExchangeException.class);
    }
    clock.advance(Duration.ofSeconds(60));

    for (int i = 0; i < 75; i++) {
      alice.beforeSending(ACCOUNT);
    }
  }

  @Test
  void theIpsWeightStartsAgainEachMinute() {
    shares.counted().answered(usedWeight(6_000));
    clock.advance(Duration.ofSeconds(60));

    assertThat(shares.usedThisMinute()).isZero();
    assertThatCode(() -> alice.beforeSending(ACCOUNT)).doesNotThrowAnyException();
  }

  @Test
  void theBotsOwnReadsCountUntilBinanceReportsMore() {
    for (int i = 0; i < 10; i++) {
      bob.beforeSending(ACCOUNT);
    }
    shares.counted().beforeSending(get("/api/v3/exchangeInfo?symbol=BTCUSDT"));

    assertThat(shares.usedThisMinute()).isEqualTo(220);
    shares.counted().answered(usedWeight(100));
    assertThat(shares.usedThisMinute()).isEqualTo(220);
    shares.counted().answered(usedWeight(900));
    assertThat(shares.usedThisMinute()).isEqualTo(900);
  }

  private static Request get(String path) {
    return Request.create(Request.HttpMethod.GET, "http://127.0.0.1:1" + path, Map.of(), null, StandardCharsets.UTF_8, null);
  }

  private static Request post(String path) {
    return Request.create(Request.HttpMethod.POST, "http://127.0.0.1:1" + path, Map.of(), null, StandardCharsets.UTF_8, null);
  }

  private static Response usedWeight(long used) {
    Map<String, Collection<String>> headers = Map.of("x-mbx-used-weight-1m", List.of(Long.toString(used)));
    return Response.builder().status(200).request(ACCOUNT).headers(headers).build();
  }
}
