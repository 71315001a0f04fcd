package dev.orderlistbot.core.rules;

import dev.orderlistbot.core.domain.order.LegRole;
import dev.orderlistbot.core.domain.Asset;
import dev.orderlistbot.core.domain.Decimals;
import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Quantity;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.order.ListKind;
import dev.orderlistbot.core.domain.order.TrailingDelta;
import dev.orderlistbot.core.rules.Violation.Rule;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Every sentence the pre-trade checks say to a trader, in one place so the wording stays
 * consistent. Each names the problem and, where there is one, the corrected value. Numbers are
 * printed plain: no exponent, no trailing zeros. Filter failures carry Binance's -1013, engine
 * rejections its -2010 (the straddle codes are chosen by {@link StraddleCheck}).
 *
 * <p>It is longer than the other classes on purpose: the sentences are easier to keep consistent
 * side by side than spread over the checks.
 */
final class RuleMessages {
  private static final int FILTER_FAILURE = -1013;
  private static final int ENGINE_REJECTED = -2010;

  private RuleMessages() {}

  static Violation notTrading(Symbol symbol, SymbolStatus status) {
    return engine(Rule.SYMBOL_NOT_TRADING,
        "%s is not trading right now (status %s): new orders can be placed once it reopens.", symbol, status);
  }

  static Violation cancelOnly(Symbol symbol) {
    return engine(Rule.SYMBOL_CANCEL_ONLY,
        "%s is in cancel-only mode: you can cancel your open orders there, but not place new ones.", symbol);
  }

  static Violation listKindNotAllowed(Symbol symbol, ListKind kind, List<String> off) {
    return engine(Rule.LIST_KIND_NOT_ALLOWED,
        "%s does not accept %s order lists right now: %s lists are switched off on this symbol.",
        symbol, kind, String.join(" and ", off));
  }

  static Violation orderTypeNotAllowed(Symbol symbol, PlannedLeg leg) {
    String instead = switch (leg.leg().type()) {
      case LIMIT -> "use a maker entry instead";
      case LIMIT_MAKER -> leg.role() == LegRole.WORKING
          ? "use a plain limit entry instead"
          : "give the take-profit a trigger and a limit price instead";
      case STOP_LOSS -> "give the stop-loss a trigger and a limit price instead";
      case STOP_LOSS_LIMIT -> "give the stop-loss a trigger price only, without a limit price";
      case TAKE_PROFIT, TAKE_PROFIT_LIMIT -> "give the take-profit a single price instead";
    };
    return engine(Rule.ORDER_TYPE_NOT_ALLOWED, "%s does not accept %s orders, which your %s needs: %s.",
        symbol, leg.leg().type(), role(leg.role()), instead);
  }

  static Violation trailingNotAllowed(Symbol symbol) {
    return engine(Rule.TRAILING_STOP_NOT_ALLOWED,
        "%s does not allow trailing stops: give the stop-loss a fixed trigger price instead.", symbol);
  }

  static String quoteAmount(BigDecimal amount, Asset asset) {
    return n(amount) + " " + asset;
  }

  static String usdAmount(BigDecimal amount) {
    return "$" + n(amount);
  }

  static String shareAmount(BigDecimal percent, BigDecimal part, Asset asset) {
    return format("%s%% of your free %s (%s %s)", n(percent), asset, n(part), asset);
  }

  static Violation quoteAssetMismatch(Asset asset, SymbolRules r) {
    return plain(Rule.QUOTE_ASSET_MISMATCH,
        "%s is priced in %s, so an amount in %s cannot be used: give it in %s or as a %s quantity.",
        r.symbol(), r.quoteAsset(), asset, r.quoteAsset(), r.baseAsset());
  }

  static Violation usdNeedsUsdQuote(SymbolRules r) {
    return plain(Rule.USD_AMOUNT_NEEDS_USD_QUOTE, "A $ amount needs a pair priced in a US-dollar stablecoin, "
        + "but %s is priced in %s: give the amount in %s or as a %s quantity.",
        r.symbol(), r.quoteAsset(), r.quoteAsset(), r.baseAsset());
  }

  static Violation balancesUnknown(BigDecimal percent) {
    return plain(Rule.BALANCES_UNKNOWN, "%s%% of your balance needs your free balances, which could not be read "
        + "just now: give the quantity as an amount instead, or try again.", n(percent));
  }

  static Violation notConvertible(SymbolRules r) {
    return plain(Rule.QUANTITY_NOT_CONVERTIBLE,
        "%s publishes no step size, so the amount cannot be turned into a %s quantity: give the quantity in %s.",
        r.symbol(), r.baseAsset(), r.baseAsset());
  }

  static Violation buysLessThanOneStep(String typed, Price price, BigDecimal step, SymbolRules r) {
    return plain(Rule.QUANTITY_ROUNDS_TO_ZERO,
        "%s buys less than the smallest step of %s %s at %s %s: use at least %s %s.",
        typed, n(step), r.baseAsset(), price, r.quoteAsset(), n(step.multiply(price.value())), r.quoteAsset());
  }

  static Violation shareBelowOneStep(String typed, BigDecimal step, SymbolRules r) {
    return plain(Rule.QUANTITY_ROUNDS_TO_ZERO,
        "%s is less than the smallest step of %s %s: use a larger share, or at least %s %s.",
        typed, n(step), r.baseAsset(), n(step), r.baseAsset());
  }

  static Violation priceRoundsToZero(PriceName name, BigDecimal percent, Price base, BigDecimal tick) {
    return plain(Rule.PRICE_ROUNDS_TO_ZERO,
        "The %s %s%% from %s rounds to 0 at the tick size %s: use a smaller percentage.",
        name(name), signed(percent), base, n(tick));
  }

  static Violation priceOutOfRange(NamedPrice p, Symbol symbol, BigDecimal bound, boolean tooHigh) {
    return filter(tooHigh ? Rule.PRICE_MAX : Rule.PRICE_MIN, "The %s %s is %s %s's %s price %s: use %s %s.",
        name(p.name()), p.price(), tooHigh ? "above" : "below", symbol, tooHigh ? "maximum" : "minimum", n(bound),
        tooHigh ? "at most" : "at least", n(bound));
  }

  static Violation offTick(NamedPrice p, BigDecimal tick, BigDecimal lower, BigDecimal upper) {
    return filter(Rule.PRICE_TICK, "The %s %s is not a multiple of the tick size %s: use %s.",
        name(p.name()), p.price(), n(tick), either(lower, upper));
  }

  static Violation lotOutOfRange(Quantity q, BigDecimal bound, boolean tooHigh, SymbolRules r) {
    return filter(tooHigh ? Rule.LOT_SIZE_MAX : Rule.LOT_SIZE_MIN,
        "The quantity %s %s is %s %s's %s of %s %s per order: use %s %s.", q, r.baseAsset(),
        tooHigh ? "above" : "below", r.symbol(), tooHigh ? "maximum" : "minimum", n(bound), r.baseAsset(),
        tooHigh ? "at most" : "at least", n(bound));
  }

  static Violation lotStep(Quantity q, BigDecimal step, BigDecimal lower, BigDecimal upper) {
    return filter(Rule.LOT_SIZE_STEP, "The quantity %s is not a multiple of the step size %s: use %s.",
        q, n(step), either(lower, upper));
  }

  static Violation marketLotOutOfRange(LegRole role, Quantity q, BigDecimal bound, boolean tooHigh, SymbolRules r) {
    String limit = tooHigh ? "at most" : "at least";
    return filter(tooHigh ? Rule.MARKET_LOT_SIZE_MAX : Rule.MARKET_LOT_SIZE_MIN, "Your %s executes at market once "
        + "triggered, and market orders on %s take %s %s %s, not %s: use %s %s.",
        role(role), r.symbol(), limit, n(bound), r.baseAsset(), q, limit, n(bound));
  }

  static Violation marketLotStep(LegRole role, Quantity q, BigDecimal step, BigDecimal lower, BigDecimal upper) {
    return filter(Rule.MARKET_LOT_SIZE_STEP, "Your %s executes at market once triggered, and the quantity %s is not "
        + "a multiple of the market step size %s: use %s.", role(role), q, n(step), either(lower, upper));
  }

  static Violation notionalOutOfRange(
      Rule rule, LegRole role, BigDecimal price, BigDecimal worth, BigDecimal bound, Optional<BigDecimal> fix,
      SymbolRules r) {
    boolean tooHigh = rule == Rule.NOTIONAL_MAX;
    String use = fix.map(f -> (tooHigh ? "use at most " : "use at least ") + n(f) + " " + r.baseAsset())
        .orElse(tooHigh ? "use a smaller quantity" : "use a larger quantity");
    return filter(rule, "Your %s at %s is worth %s %s; %s %s %s %s per order: %s.", role(role), n(price), n(worth),
        r.quoteAsset(), r.symbol(), tooHigh ? "takes at most" : "needs at least", n(bound), r.quoteAsset(), use);
  }

  static Violation tooFarFromMarket(
      Rule rule, NamedPrice p, Side side, BandReference centre, boolean tooHigh, BigDecimal fix) {
    return filter(rule, "The %s %s is too far from %s, which the exchange builds its price band around: %s may go %s "
        + "%s right now, so use %s %s.",
        name(p.name()), p.price(), centre(centre), rule == Rule.PERCENT_PRICE_BY_SIDE ? side + " prices" : "prices",
        tooHigh ? "up to" : "down to", n(fix), tooHigh ? "at most" : "at least", n(fix));
  }

  /** "the reference price 30000", "the 5-minute average price 30000", "the last price 30000". */
  private static String centre(BandReference centre) {
    return switch (centre.source()) {
      case REFERENCE_PRICE -> "the reference price " + centre.price();
      case AVERAGE_PRICE -> format("the %d-minute average price %s", centre.minutes(), centre.price());
      case LAST_PRICE -> "the last price " + centre.price();
    };
  }

  static Violation makerEntryWouldTake(NamedPrice p, Side side, Price last, Optional<BigDecimal> example) {
    String where = side == Side.BUY ? "below" : "above";
    return engine(Rule.ENTRY_WOULD_TAKE, "Your maker entry at %s must be %s the last price %s, or it would match at "
        + "once and be rejected: set it %s %s%s, or use a plain limit entry.",
        p.price(), where, last, where, last, eg(example));
  }

  static Violation wrongSide(
      Rule rule, int code, NamedPrice p, boolean above, Plan plan, Optional<BigDecimal> example) {
    String where = above ? "above" : "below";
    String reference = plan.kind().hasEntry()
        ? format("your entry at %s, where it starts working once the %s entry fills", plan.exitReference(), plan.side())
        : format("the last price %s in a %s OCO", plan.last(), plan.side());
    boolean trigger = p.name() == PriceName.STOP_LOSS_TRIGGER || p.name() == PriceName.TAKE_PROFIT_TRIGGER;
    String message = format("Your %s %s must be %s %s%s: set it %s %s%s.", name(p.name()), p.price(), where, reference,
        trigger ? ", or it would trigger immediately" : "", where, plan.exitReference(), eg(example));
    return new Violation(rule, message, OptionalInt.of(code));
  }

  static Violation stopLimitBeyondStop(Side side, Price stop, Price limit) {
    boolean sell = side == Side.SELL;
    return plain(Rule.STOP_LIMIT_WRONG_SIDE, "Your stop-loss limit price %s is %s its trigger %s: once triggered, a %s "
        + "limit %s the market may never fill and leave you unprotected. Set the limit at or %s %s.",
        limit, sell ? "above" : "below", stop, side, sell ? "above" : "below", sell ? "below" : "above", stop);
  }

  static Violation trailingOutOfRange(PlannedLeg leg, TrailingDelta delta, int bound, boolean tooWide, Symbol symbol) {
    return filter(tooWide ? Rule.TRAILING_DELTA_MAX : Rule.TRAILING_DELTA_MIN,
        "Your trailing %s of %s%% is %s than the %s%% %s %s allows for a %s %s: use %s %s%%.",
        role(leg.role()), percent(delta.bips()), tooWide ? "wider" : "tighter", percent(bound),
        tooWide ? "maximum" : "minimum", symbol, leg.side(), role(leg.role()), tooWide ? "at most" : "at least",
        percent(bound));
  }

  static Violation tooManyOrders(int open, int adds, int limit, ListKind kind, Symbol symbol) {
    return filter(Rule.MAX_NUM_ORDERS, "You have %d open orders on %s and this %s adds %d, over the exchange's "
        + "limit of %d per pair: cancel at least %s on %s first.",
        open, symbol, kind, adds, limit, orders(open + adds - limit), symbol);
  }

  static Violation tooManyLists(int open, int limit, Symbol symbol) {
    return filter(Rule.MAX_NUM_ORDER_LISTS, "You have %d open order lists on %s and the exchange allows at most %d "
        + "per pair: cancel at least %d of them before placing this one.", open, symbol, limit, open + 1 - limit);
  }

  static Violation tooManyAlgoOrders(int open, int adds, int limit, ListKind kind, Symbol symbol) {
    return filter(Rule.MAX_NUM_ALGO_ORDERS, "You have %d stop-loss and take-profit orders waiting to trigger on %s "
        + "and this %s adds %d, over the exchange's limit of %d per pair: cancel at least %d of them first.",
        open, symbol, kind, adds, limit, open + adds - limit);
  }

  static Violation tooManyOrdersOnExchange(int open, int adds, int limit, ListKind kind) {
    return filter(Rule.EXCHANGE_MAX_NUM_ORDERS, "You have %d open orders across all pairs and this %s adds %d, "
        + "over the exchange's limit of %d per account: cancel at least %s first.",
        open, kind, adds, limit, orders(open + adds - limit));
  }

  static Violation tooManyListsOnExchange(int open, int limit) {
    return filter(Rule.EXCHANGE_MAX_NUM_ORDER_LISTS, "You have %d open order lists across all pairs and the "
        + "exchange allows at most %d per account: cancel at least %d of them before placing this one.",
        open, limit, open + 1 - limit);
  }

  static Violation tooManyAlgoOrdersOnExchange(int open, int adds, int limit, ListKind kind) {
    return filter(Rule.EXCHANGE_MAX_NUM_ALGO_ORDERS, "You have %d stop-loss and take-profit orders waiting to "
        + "trigger across all pairs and this %s adds %d, over the exchange's limit of %d per account: cancel at "
        + "least %d of them first.", open, kind, adds, limit, open + adds - limit);
  }

  static Violation notEnoughBase(BigDecimal free, Quantity q, Optional<BigDecimal> fits, SymbolRules r) {
    String use = fits.map(f -> "use at most " + n(f) + " " + r.baseAsset())
        .orElse("free up more " + r.baseAsset() + " first");
    return engine(Rule.INSUFFICIENT_BALANCE, "You have %s %s free, but this SELL needs %s %s: %s.",
        n(free), r.baseAsset(), q, r.baseAsset(), use);
  }

  static Violation notEnoughQuote(
      BigDecimal free, BigDecimal cost, Quantity q, BigDecimal price, Optional<BigDecimal> fits, SymbolRules r) {
    String use = fits.map(f -> "use at most " + n(f) + " " + r.baseAsset() + ", or free up more " + r.quoteAsset())
        .orElse("free up more " + r.quoteAsset() + " first");
    return engine(Rule.INSUFFICIENT_BALANCE, "You have %s %s free, but this BUY needs %s %s (%s %s at up to %s): %s.",
        n(free), r.quoteAsset(), n(cost), r.quoteAsset(), q, r.baseAsset(), n(price), use);
  }

  private static String name(PriceName name) {
    return switch (name) {
      case ENTRY -> "entry price";
      case TAKE_PROFIT -> "take-profit price";
      case TAKE_PROFIT_TRIGGER -> "take-profit trigger";
      case TAKE_PROFIT_LIMIT -> "take-profit limit price";
      case STOP_LOSS_TRIGGER -> "stop-loss trigger";
      case STOP_LOSS_LIMIT -> "stop-loss limit price";
    };
  }

  private static String role(LegRole role) {
    return switch (role) {
      case WORKING -> "entry";
      case TAKE_PROFIT -> "take-profit";
      case STOP_LOSS -> "stop-loss";
    };
  }

  private static String orders(int count) {
    return count == 1 ? "1 open order" : count + " open orders";
  }

  private static String either(BigDecimal lower, BigDecimal upper) {
    return lower.signum() > 0 ? n(lower) + " or " + n(upper) : n(upper);
  }

  private static String eg(Optional<BigDecimal> example) {
    return example.map(e -> ", e.g. " + n(e)).orElse("");
  }

  private static String signed(BigDecimal percent) {
    return (percent.signum() > 0 ? "+" : "") + n(percent);
  }

  private static String percent(int bips) {
    return n(BigDecimal.valueOf(bips, 2));
  }

  // ---- sizing by risk and ladders

  static Violation riskNeedsStop() {
    return plain(Rule.RISK_NEEDS_STOP, "Sizing by risk needs a stop-loss that loses money: add sl STOP below "
        + "the entry for a buy (above for a sell), like risk 50usdt @ 30000 sl 29000.");
  }

  static Violation feeUnknown() {
    return plain(Rule.RISK_FACTS_UNKNOWN, "Sizing by risk needs your trading fee, which could not be read just now: "
        + "try again, or give the quantity as an amount.");
  }

  static Violation equityUnknown(BigDecimal percent) {
    return plain(Rule.RISK_FACTS_UNKNOWN, "risk %s%% needs your balances and the last prices, which could not be "
        + "read just now: give the risk as an amount (like risk 50usdt), or try again.", n(percent));
  }

  static Violation riskTooSmall(String typed, BigDecimal quantity, BigDecimal minimum, BigDecimal smallestRisk,
      SymbolRules r) {
    return plain(Rule.RISK_TOO_SMALL, "%s buys %s %s, less than the smallest order of %s %s this list allows: "
        + "risk at least %s %s.", typed, n(quantity), r.baseAsset(), n(minimum), r.baseAsset(), n(smallestRisk),
        r.quoteAsset());
  }

  static String riskAmount(BigDecimal amount, Asset asset) {
    return "Risking " + n(amount) + " " + asset;
  }

  static String riskShare(BigDecimal percent, BigDecimal amount, Asset asset) {
    return "Risking " + n(percent) + "% of your equity (" + n(amount) + " " + asset + ")";
  }

  static Violation targetsOutOfOrder(int target, Price price, Price previous, boolean rising) {
    return plain(Rule.TARGETS_OUT_OF_ORDER, "Target %d at %s is not %s target %d at %s: list the targets from the "
        + "nearest to the farthest.", target + 1, n(price.value()), rising ? "above" : "below", target, n(previous.value()));
  }

  static Violation sliceEmpty(int target, BigDecimal total, BigDecimal step, SymbolRules r) {
    return plain(Rule.LOT_SIZE_MIN, "Target %d gets nothing of %s %s once rounded down to the step of %s: give a "
        + "larger quantity, fewer targets or a larger share to it.", target + 1, n(total), r.baseAsset(), n(step));
  }

  static Violation onTarget(int target, Violation violation) {
    return new Violation(violation.rule(), "Target " + (target + 1) + ": " + violation.message(), violation.binanceCode());
  }

  private static String n(BigDecimal value) {
    return Decimals.canonical(value).toPlainString();
  }

  @SuppressWarnings("AnnotateFormatMethod") // every format string is a constant of this class
  private static String format(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }

  private static Violation plain(Rule rule, String format, Object... args) {
    return new Violation(rule, format(format, args), OptionalInt.empty());
  }

  private static Violation filter(Rule rule, String format, Object... args) {
    return new Violation(rule, format(format, args), OptionalInt.of(FILTER_FAILURE));
  }

  private static Violation engine(Rule rule, String format, Object... args) {
    return new Violation(rule, format(format, args), OptionalInt.of(ENGINE_REJECTED));
  }
}
