package dev.orderlistbot.binance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.command.CommandParser;
import dev.orderlistbot.core.command.ParseResult;
import dev.orderlistbot.core.command.PlaceOrderList;
import dev.orderlistbot.core.domain.ApiCredentials;
import dev.orderlistbot.core.domain.KeyType;
import dev.orderlistbot.core.domain.Secret;
import dev.orderlistbot.core.domain.order.ClientListId;
import dev.orderlistbot.core.domain.order.OrderListRequest;
import dev.orderlistbot.core.port.out.ExchangeClient;
import dev.orderlistbot.core.port.out.PlacementResult;
import dev.orderlistbot.core.rules.CheckResult;
import dev.orderlistbot.core.rules.MarketSnapshot;
import dev.orderlistbot.core.rules.PreTradeCheck;
import dev.orderlistbot.binance.BinanceStub;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The foundation and the Binance client together: a chat line is parsed, checked against the rules
 * and last price that the (loopback) exchange serves, and placed through the {@link ExchangeClient}
 * port by the real Binance adapter. The stub answers only correctly HMAC-signed requests, so an
 * accepted placement proves the signature over the exact bytes on the wire.
 */
class ChatCommandToSignedPlacementTest {
  private static final String SECRET = "e2eSecretE2eSecretE2eSecretE2eSecret";
  private static final ApiCredentials ALICE = new ApiCredentials(KeyType.HMAC, "aliceApiKey01", Secret.of(SECRET));

  private final CommandParser parser = new CommandParser(Optional.of("OrderListBot"));
  private final PreTradeCheck check = new PreTradeCheck();
  private BinanceStub binance;
  private ExchangeClient exchange;

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
  void theBriefsOcoReachesBinanceWithExactlyTheDocumentedParametersAndAValidSignature() {
    PlacementResult result = placeFromChat("/oco BTCUSDT sell 0.01 tp 32000 sl 29000/28900", "tg42-oco-0001");

    assertThat(result).isInstanceOf(PlacementResult.Accepted.class);
    List<Map.Entry<String, String>> sent = binance.placements("oco").get(0);
    assertThat(sent)
        .containsExactly(
            Map.entry("symbol", "BTCUSDT"),
            Map.entry("side", "SELL"),
            Map.entry("quantity", "0.01"),
            Map.entry("listClientOrderId", "ob-tg42-oco-0001"),
            Map.entry("aboveType", "LIMIT_MAKER"),
            Map.entry("abovePrice", "32000"),
            Map.entry("aboveClientOrderId", "ob-tg42-oco-0001-tp"),
            Map.entry("belowType", "STOP_LOSS_LIMIT"),
            Map.entry("belowStopPrice", "29000"),
            Map.entry("belowPrice", "28900"),
            Map.entry("belowTimeInForce", "GTC"),
            Map.entry("belowClientOrderId", "ob-tg42-oco-0001-sl"),
            Map.entry("newOrderRespType", "RESULT"),
            Map.entry("recvWindow", "5000"),
            Map.entry("timestamp", "1700000000000"),
            Map.entry("signature", sent.get(sent.size() - 1).getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "/oco BTCUSDT buy 0.01 tp 29000 sl 31000/31100 | oco   | aboveType=STOP_LOSS_LIMIT | belowType=LIMIT_MAKER",
        "/oto BTCUSDT buy 0.01 @ 30000 tp 32000        | oto   | workingType=LIMIT         | pendingType=LIMIT_MAKER",
        "/otoco BTCUSDT buy 0.01 @30000 tp 32000 sl 29000/28900 | otoco | pendingAboveType=LIMIT_MAKER | pendingBelowType=STOP_LOSS_LIMIT",
        "/opo BTCUSDT buy 0.01 @ maker 30000 sl 29000  | opo   | workingType=LIMIT_MAKER   | pendingType=STOP_LOSS",
        "/opoco BTCUSDT buy 0.01 @ 30000 tp +4% sl -3% | opoco | pendingAboveType=LIMIT_MAKER | pendingBelowType=STOP_LOSS"
      })
  void everyKindTypedInChatIsSignedAndSentToItsOwnEndpoint(
      String line, String endpoint, String firstLeg, String secondLeg) {
    PlacementResult result = placeFromChat(line.strip(), "k-" + endpoint.strip());

    assertThat(result).isInstanceOf(PlacementResult.Accepted.class);
    List<Map.Entry<String, String>> sent = binance.placements(endpoint.strip()).get(0);
    assertThat(sent).contains(entry(firstLeg.strip()), entry(secondLeg.strip()), Map.entry("newOrderRespType", "RESULT"));
    if (endpoint.strip().startsWith("op")) {
      assertThat(sent).extracting(Map.Entry::getKey).doesNotContain("pendingQuantity");
    }
  }

  @Test
  void aRequestSignedWithAnotherSecretIsNotAcceptedByTheStub() {
    ApiCredentials mallory = new ApiCredentials(KeyType.HMAC, "aliceApiKey01", Secret.of("notTheRightSecretAtAll000000000000"));
    OrderListRequest request = checked("/oco BTCUSDT sell 0.01 tp 32000 sl 29000/28900");

    PlacementResult result = exchange.place(mallory, request, ClientListId.forKey("wrong-signature"));

    assertThat(result).isNotInstanceOf(PlacementResult.Accepted.class);
  }

  private PlacementResult placeFromChat(String line, String idempotencyKey) {
    return exchange.place(ALICE, checked(line), ClientListId.forKey(idempotencyKey));
  }

  private OrderListRequest checked(String line) {
    ParseResult parsed = parser.parse(line);
    assertThat(parsed).as(line).isInstanceOf(ParseResult.Parsed.class);
    PlaceOrderList command = (PlaceOrderList) ((ParseResult.Parsed) parsed).command();
    MarketSnapshot market = MarketSnapshot.lastPriceOnly(exchange.lastPrice(command.symbol()));
    CheckResult result = check.check(command, exchange.rules(command.symbol()), market);
    assertThat(result).as(line).isInstanceOf(CheckResult.Accepted.class);
    return ((CheckResult.Accepted) result).request();
  }

  private static Map.Entry<String, String> entry(String pair) {
    int eq = pair.indexOf('=');
    return Map.entry(pair.substring(0, eq), pair.substring(eq + 1));
  }
}
