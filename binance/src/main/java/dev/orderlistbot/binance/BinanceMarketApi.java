package dev.orderlistbot.binance;

import com.fasterxml.jackson.databind.JsonNode;
import feign.Param;
import feign.RequestLine;
import java.util.List;

/** Binance's public market-data endpoints: unsigned, shared by every user, safe to retry. */
interface BinanceMarketApi {

  @RequestLine("GET /api/v3/time")
  BinanceJson.ServerTime time();

  /** Weight 20: read through the per-symbol cache only. */
  @RequestLine("GET /api/v3/exchangeInfo?symbol={symbol}")
  JsonNode exchangeInfo(@Param("symbol") String symbol);

  /** Weight 20, every symbol: read through the cache's symbol list only. */
  @RequestLine("GET /api/v3/exchangeInfo")
  JsonNode exchangeInfo();

  @RequestLine("GET /api/v3/ticker/price?symbol={symbol}")
  BinanceJson.TickerPrice tickerPrice(@Param("symbol") String symbol);

  /** Weight 4: the last price of every symbol. */
  @RequestLine("GET /api/v3/ticker/price")
  List<BinanceJson.TickerPrice> tickerPrices();

  /** Weight 2; {@code -2043} when the symbol never had a reference price. */
  @RequestLine("GET /api/v3/referencePrice?symbol={symbol}")
  BinanceJson.ReferencePrice referencePrice(@Param("symbol") String symbol);

  /** Weight 2. */
  @RequestLine("GET /api/v3/avgPrice?symbol={symbol}")
  BinanceJson.AvgPrice avgPrice(@Param("symbol") String symbol);

  /** Weight 2 with a symbol: the rolling 24-hour statistics, of which the liquidity guard reads {@code quoteVolume}. */
  @RequestLine("GET /api/v3/ticker/24hr?symbol={symbol}")
  BinanceJson.Ticker24hr ticker24hr(@Param("symbol") String symbol);

  /** Weight 2: the last {@code limit} candles (at most 1000), each an array starting open time, open, high, low, close. */
  @RequestLine("GET /api/v3/klines?symbol={symbol}&interval={interval}&limit={limit}")
  JsonNode klines(@Param("symbol") String symbol, @Param("interval") String interval, @Param("limit") int limit);
}
