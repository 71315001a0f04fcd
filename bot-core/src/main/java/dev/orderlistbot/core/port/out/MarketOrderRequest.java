package dev.orderlistbot.core.port.out;

import dev.orderlistbot.core.domain.Decimals;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.Symbol;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A MARKET order for an exact base quantity (never "the whole balance"): how the bot closes what an
 * order list still holds. Sent once, with {@code newOrderRespType=FULL} on Binance so its answer
 * carries the fills.
 *
 * @param quantity the base quantity, already rounded to the symbol's (market) step size
 */
public record MarketOrderRequest(Symbol symbol, Side side, BigDecimal quantity) {
  public MarketOrderRequest {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(side, "side");
    quantity = Decimals.positive(quantity, "quantity");
  }
}
