package dev.orderlistbot.core.rules;

import dev.orderlistbot.core.domain.Asset;
import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Quantity;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.order.ListKind;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the chat preview shows before the trader confirms an accepted order list.
 *
 * <p>Example, {@code /oco BTCUSDT sell 0.01 tp 32000 sl 29000/28900} at a last price of 30000:
 * notional 300 USDT, take-profit +6.67%, stop-loss -3.33%, reward:risk 1.82 (2000 / 1100, the
 * stop-loss-limit counted at its limit price as the worst fill).
 *
 * @param kind the list kind
 * @param symbol the trading pair
 * @param side the side of the OCO, or of the entry for lists with one
 * @param quantity the quantity of every order (for OPO/OPOCO the exits sell what the entry receives)
 * @param baseAsset the asset the quantity is in
 * @param quoteAsset the asset prices and the notional are in
 * @param legs entry (if any), take-profit (if any), stop-loss (if any), in that order
 * @param notional quantity × entry price for lists with an entry, × last price for an OCO; exact
 * @param lastPrice the last price the checks used
 * @param conversionPrice the price a quote, {@code $} or {@code %} amount was converted into a
 *     quantity with (the entry price; for an OCO the last price, or for a BUY OCO the highest
 *     price among its legs, to stay within the amount); empty for a base quantity or a share of
 *     the base asset
 * @param rewardToRisk {@code |tp − ref| / |ref − sl|}, ref being the entry or the last price, scale
 *     2 (display only); empty unless the list has both exits
 * @param risk how the quantity was sized by risk, if it was: the money at risk and the figures
 */
public record Preview(
    ListKind kind,
    Symbol symbol,
    Side side,
    Quantity quantity,
    Asset baseAsset,
    Asset quoteAsset,
    List<PreviewLeg> legs,
    BigDecimal notional,
    Price lastPrice,
    Optional<Price> conversionPrice,
    Optional<BigDecimal> rewardToRisk,
    Optional<RiskFigures> risk) {

  /** A preview of a list whose quantity was not sized by risk. */
  public Preview(
      ListKind kind,
      Symbol symbol,
      Side side,
      Quantity quantity,
      Asset baseAsset,
      Asset quoteAsset,
      List<PreviewLeg> legs,
      BigDecimal notional,
      Price lastPrice,
      Optional<Price> conversionPrice,
      Optional<BigDecimal> rewardToRisk) {
    this(kind, symbol, side, quantity, baseAsset, quoteAsset, legs, notional, lastPrice, conversionPrice, rewardToRisk,
        Optional.empty());
  }

  public Preview {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(quantity, "quantity");
    Objects.requireNonNull(baseAsset, "baseAsset");
    Objects.requireNonNull(quoteAsset, "quoteAsset");
    legs = List.copyOf(legs);
    Objects.requireNonNull(notional, "notional");
    Objects.requireNonNull(lastPrice, "lastPrice");
    Objects.requireNonNull(conversionPrice, "conversionPrice");
    Objects.requireNonNull(rewardToRisk, "rewardToRisk");
    Objects.requireNonNull(risk, "risk");
  }
}
