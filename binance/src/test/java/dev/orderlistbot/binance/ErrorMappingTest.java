package dev.orderlistbot.binance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.domain.order.ClientListId;
import dev.orderlistbot.core.port.out.ExchangeError;
import dev.orderlistbot.core.port.out.PlacementResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every REST error fixture, answered to a placement, becomes a typed rejection in plain words. */
class ErrorMappingTest extends StubbedBinance {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          error-1003-too-much-weight.json            | 429 | RateLimited         | -1003 | Binance is rate-limiting this bot
          error-1013-filter-lot-size.json            | 400 | Refused             | -1013 | not a multiple of its step size
          error-1013-filter-max-num-order-lists.json | 400 | Refused             | -1013 | too many open order lists on this pair
          error-1013-filter-notional.json            | 400 | Refused             | -1013 | below the pair's minimum order value
          error-1013-filter-price.json               | 400 | Refused             | -1013 | not a multiple of its tick size
          error-1015-too-many-orders.json            | 429 | RateLimited         | -1015 | order-rate limit is reached
          error-1021-ahead-of-server.json            | 400 | Refused             | -1021 | clock was out of step
          error-1021-outside-recvwindow.json         | 400 | Refused             | -1021 | clock was out of step
          error-1022-invalid-signature.json          | 400 | CredentialsRejected | -1022 | API secret or private key looks wrong
          error-1102-mandatory-param.json            | 400 | Refused             | -1102 | missing or malformed: belowTimeInForce.
          error-1106-param-not-required.json         | 400 | Refused             | -1106 | does not take (a bot bug): abovePrice.
          error-1199-sell-oco-tp-must-be-above.json  | 400 | Refused             | -1199 | take-profit must be above the current price
          error-2010-insufficient-balance.json       | 400 | Refused             | -2010 | Not enough free balance
          error-2010-oco-bad-prices.json             | 400 | Refused             | -2010 | wrong sides of the current price
          error-2010-would-match-and-take.json       | 400 | Refused             | -2010 | maker-only order
          error-2010-would-trigger-immediately.json  | 400 | Refused             | -2010 | already been crossed
          error-2011-unknown-order.json              | 400 | Refused             | -2011 | Nothing to cancel
          error-2013-no-such-order.json              | 400 | Refused             | -2013 | No such order
          error-2014-bad-api-key-format.json         | 401 | CredentialsRejected | -2014 | API key is malformed
          error-2015-rejected-key.json               | 401 | CredentialsRejected | -2015 | not on its whitelist
          """)
  void mapsEachErrorFixtureByCodeToATypedRejection(String fixture, int status, String type, int code, String words) {
    stub.server.stubFor(
        post(urlPathEqualTo("/api/v3/orderList/oco"))
            .willReturn(aResponse().withStatus(status).withHeader("Retry-After", "5").withBody(Fixtures.text(fixture))));

    PlacementResult result = client.place(TestKeys.hmac(), OrderListPlacementTest.chatSellOco(), ClientListId.forKey("e"));

    assertThat(result)
        .isInstanceOfSatisfying(
            PlacementResult.Rejected.class,
            rejected -> {
              ExchangeError error = rejected.error();
              assertThat(error.getClass().getSimpleName()).isEqualTo(type);
              assertThat(error.code()).isEqualTo(code);
              assertThat(error.reason()).contains(words);
            });
  }
}
