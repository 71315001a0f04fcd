package dev.orderlistbot.app;

import dev.orderlistbot.binance.BinanceStub;
import dev.orderlistbot.binance.FakeWsApi;
import java.nio.file.Path;
import java.util.Map;

/**
 * Binance on loopback for tests of the whole bot in live mode: the REST stub (market data and a day
 * of BTCUSDT's 15-minute candles for the charts, one
 * account that can trade with a key bound to trusted IPs that cannot withdraw, order-list placements answered with {@code oco-response.json}) and the
 * WebSocket API for the user data stream, both answering only requests signed with {@link #SECRET}.
 */
final class LoopbackBinance {
  static final String API_KEY = "liveApiKey0123456789abcdefABCDEF";
  static final String SECRET = "liveHmacSecret-never-printed-0123456789ABCDEFghij";
  static final String ACCOUNT =
      "{\"canTrade\":true,\"balances\":[{\"asset\":\"BTC\",\"free\":\"0.5\",\"locked\":\"0\"},"
          + "{\"asset\":\"USDT\",\"free\":\"1000\",\"locked\":\"0\"}],\"permissions\":[\"SPOT\"]}";

  final BinanceStub rest;
  final FakeWsApi userData;

  private LoopbackBinance(BinanceStub rest, FakeWsApi userData) {
    this.rest = rest;
    this.userData = userData;
  }

  static LoopbackBinance started() throws InterruptedException {
    FakeWsApi userData = FakeWsApi.started();
    userData.account(API_KEY, SECRET);
    BinanceStub rest = new BinanceStub();
    rest.serverTime(System.currentTimeMillis());
    rest.exchangeInfo("exchangeinfo-btcusdt.json");
    rest.lastPrice("BTCUSDT", "30500.00000000");
    rest.averagePrice("BTCUSDT", "30480.12000000");
    rest.ticker24hr("BTCUSDT", "ticker-24hr-btcusdt.json");
    rest.klines("BTCUSDT", "klines-btcusdt-15m.json");
    rest.account(API_KEY, SECRET, ACCOUNT);
    rest.apiRestrictions(API_KEY, SECRET, true, false, false, false);
    rest.nothingOpen(SECRET);
    rest.acceptsOrderLists(SECRET, "oco-response.json");
    return new LoopbackBinance(rest, userData);
  }

  /** BTCUSDT's 24-hour quote volume in {@code ticker-24hr-btcusdt.json}. */
  static final String QUOTE_VOLUME = "1256158742.25437810";

  /** The bot's environment for {@code BINANCE_ENV=live} against these fakes, data in {@code dataDir}. */
  Map<String, String> liveEnv(Path dataDir) {
    return Map.of(
        "BOT_DATA_DIR", dataDir.toString(),
        "BOT_HTTP_PORT", "0",
        "BINANCE_ENV", "live",
        "BINANCE_REST_URL", rest.baseUrl().toString(),
        "BINANCE_WS_API_URL", userData.uri().toString());
  }

  void stop() throws InterruptedException {
    rest.close();
    userData.stop(1_000);
  }
}
