package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.domain.Asset;
import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.order.OrderListRequest;
import dev.orderlistbot.core.port.out.ExchangeClient;
import dev.orderlistbot.core.rules.SymbolFilter;
import dev.orderlistbot.core.rules.SymbolRules;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the {@link Exposure} of the lists a preview or a Confirm places, from the exchange: the
 * pair's rules, the last price (only an OCO needs it), the USDT rate of a quote asset other than
 * USDT ({@link UsdtRates}: the last price of {@code QUOTEUSDT}, or 1 ÷ that of {@code USDTQUOTE}; no
 * stablecoin is taken at par) and, only when the liquidity
 * guard is on, the 24-hour quote volume. A figure the exchange does not give stays empty, so the
 * limits that need it refuse (fail closed). Thread-safe.
 */
final class ExposureReader {
  private static final Logger LOG = LoggerFactory.getLogger(ExposureReader.class);
  static final Asset USDT = UsdtRates.USDT;

  private final ExchangeClient exchange;
  private final UsdtRates rates;

  ExposureReader(ExchangeClient exchange) {
    this.exchange = exchange;
    this.rates = new UsdtRates(exchange);
  }

  /**
   * @param lists one list, or a ladder's lists (all on one pair)
   * @param volume whether to ask the pair's 24-hour volume (the liquidity guard is on)
   */
  Exposure read(List<OrderListRequest> lists, boolean volume) {
    Symbol symbol = lists.get(0).symbol();
    SymbolRules rules = exchange.rules(symbol);
    Optional<Price> last = lists.stream().anyMatch(l -> l instanceof OrderListRequest.Oco)
        ? Optional.of(exchange.lastPrice(symbol))
        : Optional.empty();
    BigDecimal notional = BigDecimal.ZERO;
    BigDecimal quantity = BigDecimal.ZERO;
    List<Exposure.ListFigures> figures = new ArrayList<>();
    for (OrderListRequest list : lists) {
      Exposure.ListFigures one = figures(list, last);
      BigDecimal size = quantity(list);
      notional = notional.add(size.multiply(one.referencePrice()));
      quantity = quantity.add(size);
      figures.add(one);
    }
    return new Exposure(
        symbol,
        rules.baseAsset(),
        rules.quoteAsset(),
        notional,
        quantity,
        usdtRate(rules.quoteAsset()),
        volume ? volume(symbol) : new Exposure.Volume.NotAsked(),
        rules.filter(SymbolFilter.LotSize.class).map(SymbolFilter.LotSize::stepSize).filter(s -> s.signum() > 0),
        figures);
  }

  /** How many USDT one unit of {@code quote} is worth now; empty when no pair converts it. */
  Optional<BigDecimal> usdtRate(Asset quote) {
    return rates.rate(quote);
  }

  private Exposure.Volume volume(Symbol symbol) {
    try {
      return exchange.quoteVolume24h(symbol)
          .<Exposure.Volume>map(Exposure.Volume.Known::new)
          .orElseGet(Exposure.Volume.NotOnThisExchange::new);
    } catch (RuntimeException e) {
      LOG.info("the 24-hour volume of {} did not come ({})", symbol, e.getClass().getSimpleName());
      return new Exposure.Volume.Unanswered();
    }
  }


  private static Exposure.ListFigures figures(OrderListRequest list, Optional<Price> last) {
    return switch (list) {
      case OrderListRequest.Oco oco -> new Exposure.ListFigures(last.orElseThrow().value(), oco.side());
      case OrderListRequest.Oto oto -> entry(oto.working());
      case OrderListRequest.Otoco otoco -> entry(otoco.working());
      case OrderListRequest.Opo opo -> entry(opo.working());
      case OrderListRequest.Opoco opoco -> entry(opoco.working());
    };
  }

  private static Exposure.ListFigures entry(dev.orderlistbot.core.domain.order.WorkingOrder working) {
    return new Exposure.ListFigures(working.price().value(), working.side().opposite());
  }

  private static BigDecimal quantity(OrderListRequest list) {
    return switch (list) {
      case OrderListRequest.Oco oco -> oco.quantity().value();
      case OrderListRequest.Oto oto -> oto.working().quantity().value();
      case OrderListRequest.Otoco otoco -> otoco.working().quantity().value();
      case OrderListRequest.Opo opo -> opo.working().quantity().value();
      case OrderListRequest.Opoco opoco -> opoco.working().quantity().value();
    };
  }
}
