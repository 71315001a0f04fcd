package dev.orderlistbot.core.rules;

import dev.orderlistbot.core.domain.Asset;
import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Quantity;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * How a quantity was sized by risk, for the preview.
 *
 * @param budget the money the trader allowed to lose, in {@code quote}
 * @param quantity the derived quantity: {@code budget ÷ lossPerUnit}, rounded down to the step
 * @param moneyAtRisk {@code quantity × lossPerUnit}: what the stop would lose, fees included (at most
 *     the budget)
 * @param entry the price the position is entered at (the {@code @} price, or the last price for an OCO)
 * @param worstExit the stop's worst execution price (see {@link RiskSizing})
 * @param lossPerUnit {@code |entry − worstExit| + takerFee × (entry + worstExit)}
 * @param takerFee the account's taker fee the loss includes, on both sides
 * @param equity the equity a {@code %} risk is a share of; empty for an amount
 */
public record RiskFigures(
    BigDecimal budget,
    Asset quote,
    Quantity quantity,
    BigDecimal moneyAtRisk,
    Price entry,
    Price worstExit,
    BigDecimal lossPerUnit,
    BigDecimal takerFee,
    Optional<Equity> equity) {

  public RiskFigures {
    Objects.requireNonNull(budget, "budget");
    Objects.requireNonNull(quote, "quote");
    Objects.requireNonNull(quantity, "quantity");
    Objects.requireNonNull(moneyAtRisk, "moneyAtRisk");
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(worstExit, "worstExit");
    Objects.requireNonNull(lossPerUnit, "lossPerUnit");
    Objects.requireNonNull(takerFee, "takerFee");
    Objects.requireNonNull(equity, "equity");
  }
}
