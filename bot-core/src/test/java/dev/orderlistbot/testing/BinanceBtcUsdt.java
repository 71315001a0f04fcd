package dev.orderlistbot.testing;

import dev.orderlistbot.core.domain.Asset;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.order.OrderType;
import dev.orderlistbot.core.rules.SymbolFilter;
import dev.orderlistbot.core.rules.SymbolRules;
import dev.orderlistbot.core.rules.SymbolStatus;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;

/**
 * BTCUSDT's rules exactly as Binance's {@code exchangeInfo} states them in the reference fixture
 * ({@code binance/src/test/resources/fixtures/binance/exchangeinfo-btcusdt.json}), every decimal with
 * Binance's own scale. bot-core reads no JSON, so its rule tests take the rules from here; the binance
 * module's {@code ExchangeInfoReaderTest} reads the fixture and holds the result equal to {@link #RULES}.
 */
public final class BinanceBtcUsdt {
  public static final Symbol SYMBOL = Symbol.of("BTCUSDT");

  /** The fixture's BTCUSDT, as the Binance adapter reads it (filters it does not use are left out). */
  public static final SymbolRules RULES =
      new SymbolRules(
          SYMBOL,
          SymbolStatus.TRADING,
          Asset.of("BTC"),
          Asset.of("USDT"),
          EnumSet.of(
              OrderType.LIMIT,
              OrderType.LIMIT_MAKER,
              OrderType.STOP_LOSS,
              OrderType.STOP_LOSS_LIMIT,
              OrderType.TAKE_PROFIT,
              OrderType.TAKE_PROFIT_LIMIT),
          true,
          true,
          true,
          true,
          List.of(
              new SymbolFilter.PriceFilter(dec("0.01000000"), dec("1000000.00000000"), dec("0.01000000")),
              new SymbolFilter.LotSize(dec("0.00001000"), dec("9000.00000000"), dec("0.00001000")),
              new SymbolFilter.MarketLotSize(dec("0.00000000"), dec("97.92836420"), dec("0.00000000")),
              new SymbolFilter.TrailingDeltaBounds(10, 2000, 10, 2000),
              new SymbolFilter.PercentPriceBySide(dec("5"), dec("0.2"), dec("5"), dec("0.2")),
              new SymbolFilter.Notional(dec("5.00000000"), true, dec("9000000.00000000"), false),
              new SymbolFilter.MaxNumOrders(200),
              new SymbolFilter.MaxNumOrderLists(20),
              new SymbolFilter.MaxNumAlgoOrders(5),
              new SymbolFilter.MaxNumOrderAmends(10)));

  private BinanceBtcUsdt() {}

  private static BigDecimal dec(String binanceText) {
    return new BigDecimal(binanceText);
  }
}
