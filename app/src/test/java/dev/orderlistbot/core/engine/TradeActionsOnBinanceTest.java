package dev.orderlistbot.core.engine;

import static dev.orderlistbot.core.engine.TestBot.ALICE;
import static dev.orderlistbot.core.engine.TestBot.dm;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.binance.BinanceStub;
import dev.orderlistbot.core.domain.TradingEnvironment;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trade actions on the real Binance client against the loopback REST stub, checked on the wire:
 * a stop's move is one signed cancel and then one signed placement of the new list with exactly the
 * new stop; a close is one cancel and then one signed MARKET order for what the list held; a
 * reduction is one signed keep-priority amend. Each stub answers only correctly signed requests.
 */
class TradeActionsOnBinanceTest {
  private static final String API_KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
  private static final String SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
  private static final String ACCOUNT =
      "{\"canTrade\":true,\"balances\":[{\"asset\":\"BTC\",\"free\":\"0.5\",\"locked\":\"0\"},"
          + "{\"asset\":\"USDT\",\"free\":\"1000\",\"locked\":\"0\"}],\"permissions\":[\"SPOT\"]}";
  /** List #1 as Binance answers a query: its two orders, by id. */
  private static final String LIST =
      """
      {"orderListId":1,"contingencyType":"OCO","listStatusType":"EXEC_STARTED","listOrderStatus":"EXECUTING",
       "listClientOrderId":"ob-list","transactionTime":1700000000000,"symbol":"BTCUSDT",
       "orders":[{"symbol":"BTCUSDT","orderId":10,"clientOrderId":"ob-list-sl"},
                 {"symbol":"BTCUSDT","orderId":11,"clientOrderId":"ob-list-tp"}]}
      """;
  private static final String STOP_LEG =
      """
      {"symbol":"BTCUSDT","orderId":10,"orderListId":1,"clientOrderId":"ob-list-sl","price":"28900.00000000",
       "origQty":"0.01000000","executedQty":"0.00000000","cummulativeQuoteQty":"0.00000000","status":"NEW",
       "timeInForce":"GTC","type":"STOP_LOSS_LIMIT","side":"SELL","stopPrice":"29000.00000000",
       "time":1700000000000,"updateTime":1700000000000,"isWorking":false}
      """;
  private static final String TAKE_PROFIT_LEG =
      """
      {"symbol":"BTCUSDT","orderId":11,"orderListId":1,"clientOrderId":"ob-list-tp","price":"32000.00000000",
       "origQty":"0.01000000","executedQty":"0.00000000","cummulativeQuoteQty":"0.00000000","status":"NEW",
       "timeInForce":"GTC","type":"LIMIT_MAKER","side":"SELL","stopPrice":"0.00000000",
       "time":1700000000000,"updateTime":1700000000000,"isWorking":true}
      """;
  private static final String CANCELLED =
      """
      {"orderListId":1,"contingencyType":"OCO","listStatusType":"ALL_DONE","listOrderStatus":"ALL_DONE",
       "listClientOrderId":"ob-list","transactionTime":1700000001000,"symbol":"BTCUSDT",
       "orders":[{"symbol":"BTCUSDT","orderId":10,"clientOrderId":"ob-list-sl"},
                 {"symbol":"BTCUSDT","orderId":11,"clientOrderId":"ob-list-tp"}],
       "orderReports":[
        {"symbol":"BTCUSDT","origClientOrderId":"ob-list-sl","orderId":10,"orderListId":1,"clientOrderId":"cxl1",
         "transactTime":1700000001000,"price":"28900.00000000","origQty":"0.01000000","executedQty":"0.00000000",
         "cummulativeQuoteQty":"0.00000000","status":"CANCELED","timeInForce":"GTC","type":"STOP_LOSS_LIMIT",
         "side":"SELL","stopPrice":"29000.00000000"},
        {"symbol":"BTCUSDT","origClientOrderId":"ob-list-tp","orderId":11,"orderListId":1,"clientOrderId":"cxl2",
         "transactTime":1700000001000,"price":"32000.00000000","origQty":"0.01000000","executedQty":"0.00000000",
         "cummulativeQuoteQty":"0.00000000","status":"CANCELED","timeInForce":"GTC","type":"LIMIT_MAKER","side":"SELL"}]}
      """;
  private static final String REPLACEMENT =
      """
      {"orderListId":2,"contingencyType":"OCO","listStatusType":"EXEC_STARTED","listOrderStatus":"EXECUTING",
       "listClientOrderId":"ob-new","transactionTime":1700000002000,"symbol":"BTCUSDT",
       "orders":[{"symbol":"BTCUSDT","orderId":20,"clientOrderId":"ob-new-sl"},
                 {"symbol":"BTCUSDT","orderId":21,"clientOrderId":"ob-new-tp"}],
       "orderReports":[]}
      """;

  @TempDir Path dir;
  private BinanceStub binance;
  private TestBot bot;

  @BeforeEach
  void start() {
    binance = new BinanceStub();
    binance.serverTime(System.currentTimeMillis());
    binance.exchangeInfo("exchangeinfo-btcusdt.json");
    binance.lastPrice("BTCUSDT", "30500.00000000");
    binance.averagePrice("BTCUSDT", "30480.12000000");
    binance.account(API_KEY, SECRET, ACCOUNT);
    binance.nothingOpen(SECRET);
    binance.acceptsOrderLists(SECRET, "oco-response.json");
    bot =
        new TestBot(
            dir,
            EngineConfig.of(TradingEnvironment.TESTNET, Set.of(ALICE), Set.of()),
            binance.client(Clock.systemUTC()),
            Optional.empty(),
            Optional.of(new RecordingEventSource()));
    bot.say(ALICE, "/setkey " + API_KEY + " " + SECRET);
    bot.say(ALICE, "/oco BTCUSDT sell 0.01 tp 32000 sl 29000/28900");
    bot.press(ALICE, bot.lastButtons(dm(ALICE)), Replies.CONFIRM);
    assertThat(bot.lastReply(ALICE)).startsWith("✅ Placed on TESTNET");
    binance.orderListQuery(SECRET, LIST);
    binance.orderQuery(SECRET, 10, STOP_LEG);
    binance.orderQuery(SECRET, 11, TAKE_PROFIT_LEG);
    binance.answers("DELETE", "/api/v3/orderList", SECRET, CANCELLED);
  }

  @AfterEach
  void stop() {
    bot.close();
    binance.close();
  }

  @Test
  void aStopsMoveIsOneSignedCancelThenOneSignedPlacementWithTheNewStop() {
    binance.answers("POST", "/api/v3/orderList/oco", SECRET, REPLACEMENT);

    bot.say(ALICE, "/movestop 1 29500");
    bot.press(ALICE, bot.lastButtons(dm(ALICE)), Replies.CONFIRM);

    assertThat(bot.lastReply(ALICE)).startsWith("✅ Stop moved on TESTNET: BTCUSDT OCO #1 is cancelled and BTCUSDT OCO #2 is live");
    List<List<Map.Entry<String, String>>> cancels = binance.requests("DELETE", "/api/v3/orderList");
    assertThat(cancels).hasSize(1);
    assertThat(asMap(cancels.get(0))).containsEntry("symbol", "BTCUSDT").containsEntry("orderListId", "1");
    List<List<Map.Entry<String, String>>> placements = binance.placements("oco");
    assertThat(placements).hasSize(2);
    Map<String, String> replacement = asMap(placements.get(1));
    assertThat(replacement)
        .containsEntry("symbol", "BTCUSDT")
        .containsEntry("side", "SELL")
        .containsEntry("quantity", "0.01")
        .containsEntry("aboveType", "LIMIT_MAKER")
        .containsEntry("abovePrice", "32000")
        .containsEntry("belowType", "STOP_LOSS_LIMIT")
        .containsEntry("belowStopPrice", "29500")
        .containsEntry("belowPrice", "29400")
        .containsEntry("belowTimeInForce", "GTC");
    assertThat(replacement.get("listClientOrderId")).isNotEqualTo(asMap(placements.get(0)).get("listClientOrderId"));
  }

  @Test
  void aCloseIsOneSignedCancelThenOneSignedMarketOrderForWhatTheListHeld() {
    binance.answers(
        "POST", "/api/v3/order", SECRET,
        """
        {"symbol":"BTCUSDT","orderId":30,"orderListId":-1,"clientOrderId":"oc-x","transactTime":1700000003000,
         "price":"0.00000000","origQty":"0.01000000","executedQty":"0.01000000","cummulativeQuoteQty":"305.00000000",
         "status":"FILLED","timeInForce":"GTC","type":"MARKET","side":"SELL","workingTime":1700000003000,
         "fills":[{"price":"30500.00000000","qty":"0.01000000","commission":"0.30500000","commissionAsset":"USDT","tradeId":7}]}
        """);

    bot.say(ALICE, "/close 1");
    bot.press(ALICE, bot.lastButtons(dm(ALICE)), Replies.CONFIRM);

    assertThat(bot.lastReply(ALICE))
        .isEqualTo("✅ Cancelled BTCUSDT OCO #1: MARKET SELL 0.01 filled at an average of 30,500 (305 in the quote asset).");
    assertThat(binance.requests("DELETE", "/api/v3/orderList")).hasSize(1);
    List<List<Map.Entry<String, String>>> orders = binance.requests("POST", "/api/v3/order");
    assertThat(orders).hasSize(1);
    assertThat(asMap(orders.get(0)))
        .containsEntry("symbol", "BTCUSDT")
        .containsEntry("side", "SELL")
        .containsEntry("type", "MARKET")
        .containsEntry("quantity", "0.01")
        .containsEntry("newOrderRespType", "FULL")
        .hasEntrySatisfying("newClientOrderId", id -> assertThat(id).startsWith("oc-"));
  }

  @Test
  void aReductionIsOneSignedKeepPriorityAmendOfTheTakeProfit() {
    binance.answers(
        "PUT", "/api/v3/order/amend/keepPriority", SECRET,
        """
        {"transactTime":1700000004000,"executionId":9,
         "amendedOrder":{"symbol":"BTCUSDT","orderId":11,"orderListId":1,"origClientOrderId":"ob-list-tp",
          "clientOrderId":"ob-list-tp","price":"32000.00000000","qty":"0.00500000","executedQty":"0.00000000",
          "preventedQty":"0.00000000","quoteOrderQty":"0.00000000","cumulativeQuoteQty":"0.00000000","status":"NEW",
          "timeInForce":"GTC","type":"LIMIT_MAKER","side":"SELL","workingTime":1700000000000,
          "selfTradePreventionMode":"NONE"},
         "listStatus":{"orderListId":1,"contingencyType":"OCO","listOrderStatus":"EXECUTING","listClientOrderId":"ob-list",
          "symbol":"BTCUSDT","orders":[{"symbol":"BTCUSDT","orderId":10,"clientOrderId":"ob-list-sl"},
          {"symbol":"BTCUSDT","orderId":11,"clientOrderId":"ob-list-tp"}]}}
        """);

    bot.say(ALICE, "/reduce 1 0.005");
    bot.press(ALICE, bot.lastButtons(dm(ALICE)), Replies.CONFIRM);

    assertThat(bot.lastReply(ALICE)).isEqualTo("✅ BTCUSDT OCO #1 is reduced to 0.005, keeping its place in the queue.");
    List<List<Map.Entry<String, String>>> amends = binance.requests("PUT", "/api/v3/order/amend/keepPriority");
    assertThat(amends).hasSize(1);
    assertThat(asMap(amends.get(0)))
        .containsEntry("symbol", "BTCUSDT")
        .containsEntry("origClientOrderId", "ob-list-tp")
        .containsEntry("newClientOrderId", "ob-list-tp")
        .containsEntry("newQty", "0.005");
    assertThat(binance.count("DELETE", "/api/v3/orderList")).isZero();
  }

  private static Map<String, String> asMap(List<Map.Entry<String, String>> params) {
    Map<String, String> map = new LinkedHashMap<>();
    params.forEach(e -> map.put(e.getKey(), e.getValue()));
    return map;
  }
}
