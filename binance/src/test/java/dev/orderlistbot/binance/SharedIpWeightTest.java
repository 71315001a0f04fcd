package dev.orderlistbot.binance;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.RequestMethod;
import dev.orderlistbot.core.domain.ApiCredentials;
import dev.orderlistbot.core.port.out.ExchangeError;
import dev.orderlistbot.core.port.out.ExchangeException;
import dev.orderlistbot.testing.MutableClock;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Several instances of the bot behind one IP share Binance's request weight: each reads the IP's
 * weight off {@code X-MBX-USED-WEIGHT-1M}, so together they stop reading at the trading reserve,
 * not each at its own.
 */
class SharedIpWeightTest {
  private static final long NOW = 1_700_000_000_000L;
  private static final String ACCOUNT = "{\"canTrade\":true,\"balances\":[],\"permissions\":[\"SPOT\"]}";
  private static final int BALANCE_WEIGHT = 20;

  private final MutableClock clock = new MutableClock(Instant.ofEpochMilli(NOW));
  private final BinanceStub stub = new BinanceStub(clock);
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @AfterEach
  void stop() {
    stub.close();
    http.close();
  }

  @Test
  void twoInstancesBehindOneIpStopReadingAtTheIpsReserveTogether() {
    stub.serverTime(NOW);
    BinanceConfig config = BinanceConfig.defaults(BinanceConfig.Environment.TESTNET)
        .withRestBaseUrl(stub.baseUrl())
        .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2));
    List<BinanceExchangeClient> instances =
        List.of(BinanceExchangeClient.create(config, http, clock), BinanceExchangeClient.create(config, http, clock));
    List<ApiCredentials> users = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      ApiCredentials user = TestKeys.hmac("sharedIpKey" + i, "sharedIpSecret-%034d".formatted(i));
      stub.account(user.apiKey(), user.secret().reveal(), ACCOUNT);
      users.add(user);
    }
    List<ExchangeError> refusals = new ArrayList<>();

    // eight users, four on each instance, each reading balances up to their own share (1,500 = 75 reads)
    for (int round = 0; round < 75; round++) {
      for (int i = 0; i < users.size(); i++) {
        try {
          instances.get(i % 2).balances(users.get(i));
        } catch (ExchangeException e) {
          refusals.add(e.error());
        }
      }
    }

    int ceiling = RequestWeights.DOCUMENTED_LIMIT_PER_MINUTE * 90 / 100;
    int sent = stub.received(RequestMethod.GET, "/api/v3/account").size();
    assertThat(sent * BALANCE_WEIGHT).as("weight the IP spent on reads").isLessThanOrEqualTo(ceiling).isGreaterThan(ceiling - 2 * BALANCE_WEIGHT);
    int clockReads = stub.received(RequestMethod.GET, "/api/v3/time").size();
    assertThat(stub.weightByMinute().values()).containsExactly(sent * BALANCE_WEIGHT + clockReads);
    assertThat(refusals).hasSize(8 * 75 - sent).allSatisfy(error -> assertThat(error)
        .isInstanceOfSatisfying(ExchangeError.HeldBack.class, held -> assertThat(held.reason()).contains("users together")));
  }
}
