package dev.orderlistbot.app;

import dev.orderlistbot.binance.BinanceStub;
import java.io.IOException;
import java.util.Map;

/**
 * The brief's OCO placed through a live console against {@link LoopbackBinance}, and what Binance
 * answers about its list and legs ({@code GET orderList}, {@code GET order}) before and after the
 * take-profit fills.
 */
final class OcoAnswers {
  static final long LIST_ID = 1;
  static final long STOP_LOSS_ID = 10;
  static final long TAKE_PROFIT_ID = 11;

  private OcoAnswers() {}

  /**
   * Stores the key, places the OCO and answers the REST queries as Binance would while it works;
   * returns once the account's stream is subscribed, with the list's client id.
   */
  static String placeOco(LiveConsole bot, LoopbackBinance loopback) throws IOException {
    BinanceStub binance = loopback.rest;
    bot.type("/setkey " + LoopbackBinance.API_KEY + " " + LoopbackBinance.SECRET);
    bot.waitFor(10, () -> bot.output().contains("your account can trade"));
    bot.type("/oco BTCUSDT sell 0.01 tp 32000 sl 29000/28900");
    bot.waitFor(10, () -> bot.output().contains("Confirm"));
    bot.type("1");
    // "bot #1>" is already on the screen (the key's answer): wait for the placement's own answer
    bot.waitFor(10, () -> bot.output().contains("Order list #1"));
    String listClientId =
        binance.placements("oco").getFirst().stream()
            .filter(p -> p.getKey().equals("listClientOrderId"))
            .map(Map.Entry::getValue)
            .findFirst()
            .orElseThrow();
    binance.orderListQuery(LoopbackBinance.SECRET, list(LIST_ID, listClientId, "EXEC_STARTED", "EXECUTING"));
    binance.orderQuery(LoopbackBinance.SECRET, TAKE_PROFIT_ID,
        order(LIST_ID, listClientId + "-tp", TAKE_PROFIT_ID, "LIMIT_MAKER", "NEW", "0", "0", "32000", "0"));
    binance.orderQuery(LoopbackBinance.SECRET, STOP_LOSS_ID,
        order(LIST_ID, listClientId + "-sl", STOP_LOSS_ID, "STOP_LOSS_LIMIT", "NEW", "0", "0", "28900", "29000"));
    bot.waitFor(10, () -> loopback.userData.subscribed(LoopbackBinance.API_KEY));
    return listClientId;
  }

  /** From now on Binance answers that the take-profit filled at 32,000 and the stop-loss expired. */
  static void tellFilled(BinanceStub binance, String listClientId) {
    binance.orderQuery(LoopbackBinance.SECRET, TAKE_PROFIT_ID,
        order(LIST_ID, listClientId + "-tp", TAKE_PROFIT_ID, "LIMIT_MAKER", "FILLED", "0.01", "320", "32000", "0"));
    binance.orderQuery(LoopbackBinance.SECRET, STOP_LOSS_ID,
        order(LIST_ID, listClientId + "-sl", STOP_LOSS_ID, "STOP_LOSS_LIMIT", "EXPIRED", "0", "0", "28900", "29000"));
    binance.orderListQuery(LoopbackBinance.SECRET, list(LIST_ID, listClientId, "ALL_DONE", "ALL_DONE"));
  }

  /** The list, its stop-loss leg {@code 10} and take-profit leg {@code 11} as Binance reports them. */
  static String list(long listId, String clientId, String statusType, String orderStatus) {
    return """
        {"orderListId":%d,"contingencyType":"OCO","listStatusType":"%s","listOrderStatus":"%s",
         "listClientOrderId":"%s","transactionTime":%d,"symbol":"BTCUSDT",
         "orders":[{"symbol":"BTCUSDT","orderId":%d,"clientOrderId":"%s-sl"},
                   {"symbol":"BTCUSDT","orderId":%d,"clientOrderId":"%s-tp"}]}
        """
        .formatted(listId, statusType, orderStatus, clientId, System.currentTimeMillis(), STOP_LOSS_ID, clientId, TAKE_PROFIT_ID, clientId);
  }

  /** One leg as {@code GET /api/v3/order} answers it. */
  static String order(
      long listId, String clientOrderId, long orderId, String type, String status, String executed, String quote, String price, String stop) {
    return """
        {"symbol":"BTCUSDT","orderId":%d,"orderListId":%d,"clientOrderId":"%s","price":"%s","origQty":"0.01000000",
         "executedQty":"%s","cummulativeQuoteQty":"%s","status":"%s","timeInForce":"GTC","type":"%s","side":"SELL",
         "stopPrice":"%s","time":%d,"updateTime":%d,"isWorking":true}
        """
        .formatted(
            orderId, listId, clientOrderId, price, executed, quote, status, type, stop, System.currentTimeMillis(), System.currentTimeMillis());
  }
}
