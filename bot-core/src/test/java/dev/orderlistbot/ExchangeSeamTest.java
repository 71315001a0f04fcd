package dev.orderlistbot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.domain.ApiCredentials;
import dev.orderlistbot.core.domain.KeyType;
import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Quantity;
import dev.orderlistbot.core.domain.Secret;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.TimeInForce;
import dev.orderlistbot.core.domain.order.ClientListId;
import dev.orderlistbot.core.domain.order.Leg;
import dev.orderlistbot.core.domain.order.OcoPair;
import dev.orderlistbot.core.domain.order.OrderListRequest;
import dev.orderlistbot.core.domain.order.Trigger;
import dev.orderlistbot.core.port.out.ExchangeClient;
import dev.orderlistbot.core.port.out.PlacementResult;
import dev.orderlistbot.core.rules.SymbolRules;
import dev.orderlistbot.exchange.binance.BinanceStub;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The seam for the parse, check, place end-to-end test: core sees only the {@link ExchangeClient}
 * port, and the real Binance adapter runs against a loopback {@link BinanceStub}. When the parser
 * and pre-trade checks land, replace the hand-built request with {@code CommandParser} output
 * checked against {@code rules} and {@code lastPrice}.
 */
class ExchangeSeamTest {
  static final String SECRET = "e2eSecretE2eSecretE2eSecretE2eSecret";

  BinanceStub binance;
  ExchangeClient exchange;

  @BeforeEach
  void start() {
    binance = new BinanceStub();
    binance.serverTime(1_700_000_000_000L);
    binance.exchangeInfo("exchangeinfo-btcusdt.json");
    binance.lastPrice("BTCUSDT", "30500.00000000");
    binance.acceptsOrderLists(SECRET, "oco-response.json");
    exchange = binance.client(Clock.fixed(Instant.ofEpochMilli(1_700_000_000_000L), ZoneOffset.UTC));
  }

  @AfterEach
  void stop() {
    binance.close();
  }

  @Test
  void aChatOcoGoesFromMarketDataThroughThePortToASignedPlacement() {
    ApiCredentials alice = new ApiCredentials(KeyType.HMAC, "aliceApiKey01", Secret.of(SECRET));
    Symbol btcusdt = Symbol.of("BTCUSDT");

    SymbolRules rules = exchange.rules(btcusdt);
    Price last = exchange.lastPrice(btcusdt);
    OrderListRequest oco =
        new OrderListRequest.Oco(
            btcusdt,
            Quantity.of("0.01"),
            new OcoPair(
                Side.SELL,
                new Leg.LimitMaker(Price.of("32000")),
                new Leg.StopLossLimit(Trigger.at(Price.of("29000")), Price.of("28900"), TimeInForce.GTC)));
    PlacementResult result = exchange.place(alice, oco, ClientListId.forKey("pending42"));

    assertThat(rules.ocoAllowed()).isTrue();
    assertThat(last).isEqualTo(Price.of("30500"));
    assertThat(result).isInstanceOf(PlacementResult.Accepted.class);
    assertThat(binance.placements("oco"))
        .singleElement()
        .satisfies(params -> assertThat(params).contains(Map.entry("listClientOrderId", "ob-pending42")));
  }
}
