package dev.orderlistbot.binance;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.RequestMethod;
import dev.orderlistbot.core.domain.ApiCredentials;
import dev.orderlistbot.core.domain.order.ClientListId;
import dev.orderlistbot.core.port.out.ExchangeError;
import dev.orderlistbot.core.port.out.ExchangeException;
import dev.orderlistbot.core.port.out.PlacementResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, defect 13: one user's loop of balance reads is held back at their share of the IP's
 * request weight, without a request reaching Binance, while another user still reads and the first
 * user's own placements still go.
 */
class UserWeightShareTest extends StubbedBinance {
  private static final String ACCOUNT = "{\"canTrade\":true,\"balances\":[],\"permissions\":[\"SPOT\"]}";
  private static final String OTHER_API_KEY = "otherApiKey";
  private static final String OTHER_SECRET = "otherSecretOtherSecretOtherSecretOtherSecret";

  private final ApiCredentials alice = TestKeys.hmac();
  private final ApiCredentials bob = TestKeys.hmac(OTHER_API_KEY, OTHER_SECRET);

  @BeforeEach
  void accounts() {
    stub.account(TestKeys.HMAC_API_KEY, TestKeys.HMAC_SECRET, ACCOUNT);
    stub.account(OTHER_API_KEY, OTHER_SECRET, ACCOUNT);
  }

  @Test
  void aBalanceLoopIsHeldBackAtItsShareWhileAnotherUserReadsAndItsOwnPlacementGoes() {
    for (int i = 0; i < 75; i++) {
      client.balances(alice);
    }

    assertThatThrownBy(() -> client.balances(alice))
        .isInstanceOfSatisfying(
            ExchangeException.class, e -> assertThat(e.error()).isInstanceOf(ExchangeError.HeldBack.class));
    assertThat(stub.received(RequestMethod.GET, "/api/v3/account")).hasSize(75);
    client.balances(bob);
    stub.acceptsOrderLists(TestKeys.HMAC_SECRET, "oco-response.json");
    PlacementResult placed = client.place(alice, OrderListPlacementTest.chatSellOco(), ClientListId.forKey("w1"));
    assertThat(placed).isInstanceOf(PlacementResult.Accepted.class);
  }

  @Test
  void theShareFollowsTheLimitExchangeInfoStates() {
    stub.server.stubFor(
        get(urlPathEqualTo("/api/v3/exchangeInfo"))
            .willReturn(
                BinanceStub.json(
                    "{\"rateLimits\":[{\"rateLimitType\":\"REQUEST_WEIGHT\",\"interval\":\"MINUTE\",\"intervalNum\":1,"
                        + "\"limit\":1200}],\"symbols\":[]}")));
    client.tradingSymbols();

    for (int i = 0; i < 15; i++) {
      client.balances(alice);
    }

    assertThatThrownBy(() -> client.balances(alice)).isInstanceOf(ExchangeException.class).hasMessageContaining("300 a minute");
  }
}
