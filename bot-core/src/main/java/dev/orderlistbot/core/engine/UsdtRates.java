package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.domain.Asset;
import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.port.out.ExchangeClient;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many USDT one unit of a quote asset is worth now, from the exchange's last prices: the last
 * price of {@code QUOTEUSDT}, or 1 ÷ that of {@code USDTQUOTE} (a BTC-quoted pair through BTCUSDT,
 * TRY through USDTTRY); no stablecoin is taken at par. The one conversion of the safety limits
 * ({@link ExposureReader}) and of the step-up threshold ({@link StepUpGate}). Thread-safe.
 */
final class UsdtRates {
  private static final Logger LOG = LoggerFactory.getLogger(UsdtRates.class);
  static final Asset USDT = Asset.of("USDT");

  private final ExchangeClient exchange;

  UsdtRates(ExchangeClient exchange) {
    this.exchange = exchange;
  }

  /** USDT per unit of {@code quote}; empty when no pair converts it or the prices did not come. */
  Optional<BigDecimal> rate(Asset quote) {
    if (quote.equals(USDT)) {
      return Optional.of(BigDecimal.ONE);
    }
    try {
      Map<Symbol, Price> prices = exchange.lastPrices();
      Optional<Price> direct = price(prices, quote.code() + USDT.code());
      if (direct.isPresent()) {
        return direct.map(Price::value);
      }
      return price(prices, USDT.code() + quote.code()).map(p -> BigDecimal.ONE.divide(p.value(), MathContext.DECIMAL64));
    } catch (RuntimeException e) {
      LOG.info("no USDT rate for {}: the last prices did not come ({})", quote, e.getClass().getSimpleName());
      return Optional.empty();
    }
  }

  /** {@code amount} of {@code quote} in USDT; empty when it cannot be told. */
  Optional<BigDecimal> inUsdt(BigDecimal amount, Asset quote) {
    return quote.equals(USDT) ? Optional.of(amount) : rate(quote).map(amount::multiply);
  }

  private static Optional<Price> price(Map<Symbol, Price> prices, String symbol) {
    return Symbol.isWellFormed(symbol) ? Optional.ofNullable(prices.get(Symbol.of(symbol))) : Optional.empty();
  }
}
