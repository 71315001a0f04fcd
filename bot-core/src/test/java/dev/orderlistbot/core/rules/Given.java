package dev.orderlistbot.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.command.EntrySpec;
import dev.orderlistbot.core.command.PlaceOrderList;
import dev.orderlistbot.core.command.PriceSpec;
import dev.orderlistbot.core.command.QuantitySpec;
import dev.orderlistbot.core.command.StopLossSpec;
import dev.orderlistbot.core.command.TakeProfitSpec;
import dev.orderlistbot.core.domain.Asset;
import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.order.ListKind;
import dev.orderlistbot.core.domain.order.OrderType;
import dev.orderlistbot.core.domain.order.TrailingDelta;
import dev.orderlistbot.testing.BinanceBtcUsdt;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Test vocabulary: the BTCUSDT fixture, rule variants, typed commands and market snapshots. */
final class Given {
  static final Symbol BTCUSDT = Symbol.of("BTCUSDT");
  static final Asset BTC = Asset.of("BTC");
  static final Asset USDT = Asset.of("USDT");
  static final SymbolRules FIXTURE = BinanceBtcUsdt.RULES;
  static final PreTradeCheck CHECK = new PreTradeCheck();

  private Given() {}


  // ---- rules variants ----

  static SymbolRules status(SymbolStatus status) {
    SymbolRules r = FIXTURE;
    return new SymbolRules(r.symbol(), status, r.baseAsset(), r.quoteAsset(), r.orderTypes(),
        r.ocoAllowed(), r.otoAllowed(), r.opoAllowed(), r.allowTrailingStop(), r.filters());
  }

  static SymbolRules flags(boolean oco, boolean oto, boolean opo, boolean trailing) {
    SymbolRules r = FIXTURE;
    return new SymbolRules(
        r.symbol(), r.status(), r.baseAsset(), r.quoteAsset(), r.orderTypes(), oco, oto, opo, trailing, r.filters());
  }

  static SymbolRules orderTypes(OrderType... types) {
    SymbolRules r = FIXTURE;
    return new SymbolRules(r.symbol(), r.status(), r.baseAsset(), r.quoteAsset(), Set.of(types),
        r.ocoAllowed(), r.otoAllowed(), r.opoAllowed(), r.allowTrailingStop(), r.filters());
  }

  /** The fixture with these filters replacing those of the same type (or added). */
  static SymbolRules with(SymbolFilter... replacements) {
    return with(FIXTURE, replacements);
  }

  static SymbolRules with(SymbolRules r, SymbolFilter... replacements) {
    List<SymbolFilter> filters = new ArrayList<>(r.filters());
    for (SymbolFilter f : replacements) {
      filters.removeIf(existing -> existing.getClass() == f.getClass());
      filters.add(f);
    }
    return new SymbolRules(r.symbol(), r.status(), r.baseAsset(), r.quoteAsset(), r.orderTypes(),
        r.ocoAllowed(), r.otoAllowed(), r.opoAllowed(), r.allowTrailingStop(), filters);
  }

  /** The fixture (which has no account-wide limits) with these {@code exchangeFilters}. */
  static SymbolRules withExchangeFilters(ExchangeFilter... filters) {
    SymbolRules r = FIXTURE;
    return new SymbolRules(r.symbol(), r.status(), r.baseAsset(), r.quoteAsset(), r.orderTypes(),
        r.ocoAllowed(), r.otoAllowed(), r.opoAllowed(), r.allowTrailingStop(), r.filters(), List.of(filters));
  }

  static SymbolRules without(Class<?>... types) {
    List<SymbolFilter> filters = new ArrayList<>(FIXTURE.filters());
    for (Class<?> type : types) {
      filters.removeIf(type::isInstance);
    }
    SymbolRules r = FIXTURE;
    return new SymbolRules(r.symbol(), r.status(), r.baseAsset(), r.quoteAsset(), r.orderTypes(),
        r.ocoAllowed(), r.otoAllowed(), r.opoAllowed(), r.allowTrailingStop(), filters);
  }

  static SymbolRules quotedIn(String symbol, String base, String quote) {
    SymbolRules r = FIXTURE;
    return new SymbolRules(Symbol.of(symbol), r.status(), Asset.of(base), Asset.of(quote), r.orderTypes(),
        r.ocoAllowed(), r.otoAllowed(), r.opoAllowed(), r.allowTrailingStop(), r.filters());
  }

  static BigDecimal dec(String text) {
    return new BigDecimal(text);
  }

  // ---- typed commands ----

  static QuantitySpec qty(String base) {
    return new QuantitySpec.BaseAmount(dec(base));
  }

  static PriceSpec abs(String price) {
    return new PriceSpec.Absolute(Price.of(price));
  }

  static PriceSpec pctOfLast(String percent) {
    return new PriceSpec.RelativeToLast(dec(percent));
  }

  static PriceSpec pctOfEntry(String percent) {
    return new PriceSpec.RelativeToEntry(dec(percent));
  }

  static TakeProfitSpec tp(String price) {
    return new TakeProfitSpec.AtLimit(abs(price));
  }

  static TakeProfitSpec tp(PriceSpec price) {
    return new TakeProfitSpec.AtLimit(price);
  }

  static TakeProfitSpec tp(String stop, String limit) {
    return new TakeProfitSpec.StopLimit(abs(stop), abs(limit));
  }

  static StopLossSpec sl(String stop) {
    return new StopLossSpec.AtStop(abs(stop));
  }

  static StopLossSpec sl(PriceSpec stop) {
    return new StopLossSpec.AtStop(stop);
  }

  static StopLossSpec sl(String stop, String limit) {
    return new StopLossSpec.StopLimit(abs(stop), abs(limit));
  }

  static StopLossSpec trail(int bips) {
    return new StopLossSpec.Trailing(new TrailingDelta(bips));
  }

  static EntrySpec at(String price) {
    return new EntrySpec(abs(price), false);
  }

  static EntrySpec maker(String price) {
    return new EntrySpec(abs(price), true);
  }

  static PlaceOrderList oco(Side side, QuantitySpec quantity, TakeProfitSpec tp, StopLossSpec sl) {
    return oco(BTCUSDT, side, quantity, tp, sl);
  }

  static PlaceOrderList oco(Symbol symbol, Side side, QuantitySpec quantity, TakeProfitSpec tp, StopLossSpec sl) {
    return new PlaceOrderList(ListKind.OCO, symbol, side, quantity, Optional.empty(), Optional.of(tp), Optional.of(sl));
  }

  static PlaceOrderList oto(Side side, QuantitySpec quantity, EntrySpec entry, TakeProfitSpec tp) {
    return new PlaceOrderList(ListKind.OTO, BTCUSDT, side, quantity, Optional.of(entry), Optional.of(tp), Optional.empty());
  }

  static PlaceOrderList oto(Side side, QuantitySpec quantity, EntrySpec entry, StopLossSpec sl) {
    return new PlaceOrderList(ListKind.OTO, BTCUSDT, side, quantity, Optional.of(entry), Optional.empty(), Optional.of(sl));
  }

  static PlaceOrderList otoco(Side side, QuantitySpec quantity, EntrySpec entry, TakeProfitSpec tp, StopLossSpec sl) {
    return new PlaceOrderList(ListKind.OTOCO, BTCUSDT, side, quantity, Optional.of(entry), Optional.of(tp), Optional.of(sl));
  }

  static PlaceOrderList opo(QuantitySpec quantity, EntrySpec entry, TakeProfitSpec tp) {
    return new PlaceOrderList(ListKind.OPO, BTCUSDT, Side.BUY, quantity, Optional.of(entry), Optional.of(tp), Optional.empty());
  }

  static PlaceOrderList opo(QuantitySpec quantity, EntrySpec entry, StopLossSpec sl) {
    return new PlaceOrderList(ListKind.OPO, BTCUSDT, Side.BUY, quantity, Optional.of(entry), Optional.empty(), Optional.of(sl));
  }

  static PlaceOrderList opoco(QuantitySpec quantity, EntrySpec entry, TakeProfitSpec tp, StopLossSpec sl) {
    return new PlaceOrderList(ListKind.OPOCO, BTCUSDT, Side.BUY, quantity, Optional.of(entry), Optional.of(tp), Optional.of(sl));
  }

  // ---- market ----

  static MarketSnapshot last(String price) {
    return MarketSnapshot.lastPriceOnly(Price.of(price));
  }

  static MarketSnapshot withBalances(String last, Map<Asset, BigDecimal> free) {
    return new MarketSnapshot(Price.of(last), Optional.empty(), Optional.of(free), OpenCounts.UNKNOWN, OpenCounts.UNKNOWN);
  }

  static MarketSnapshot withBand(String last, BandReference band) {
    return new MarketSnapshot(Price.of(last), Optional.of(band), Optional.empty(), OpenCounts.UNKNOWN, OpenCounts.UNKNOWN);
  }

  static MarketSnapshot withCounts(String last, int orders, int lists, int algo) {
    return new MarketSnapshot(
        Price.of(last), Optional.empty(), Optional.empty(), OpenCounts.of(orders, lists, algo), OpenCounts.UNKNOWN);
  }

  static MarketSnapshot withCountsOnExchange(String last, OpenCounts onSymbol, OpenCounts onExchange) {
    return new MarketSnapshot(Price.of(last), Optional.empty(), Optional.empty(), onSymbol, onExchange);
  }

  // ---- outcomes ----

  /** Checks on the BTCUSDT fixture at a last price of 30000. */
  static CheckResult check(PlaceOrderList command) {
    return check(command, FIXTURE);
  }

  /** Checks with these rules at a last price of 30000. */
  static CheckResult check(PlaceOrderList command, SymbolRules rules) {
    return CHECK.check(command, rules, last("30000"));
  }

  static CheckResult.Accepted accepted(CheckResult result) {
    assertThat(result).isInstanceOf(CheckResult.Accepted.class);
    return (CheckResult.Accepted) result;
  }

  static List<Violation> refused(CheckResult result) {
    assertThat(result).isInstanceOf(CheckResult.Refused.class);
    return ((CheckResult.Refused) result).violations();
  }

  /** The single violation of {@code rule}, failing if there is none or several. */
  static Violation only(CheckResult result, Violation.Rule rule) {
    List<Violation> matching = refused(result).stream().filter(v -> v.rule() == rule).toList();
    assertThat(matching).as("violations of %s in %s", rule, result).hasSize(1);
    return matching.getFirst();
  }
}
