package dev.orderlistbot.core.domain.order;

import dev.orderlistbot.core.domain.Symbol;
import java.util.Objects;
import java.util.Optional;

/**
 * One order the account has open, with just what the open-order limits count.
 *
 * <p>Example: a SELL OCO #31 just placed on BTCUSDT is two open orders, {@code (BTCUSDT, list 31,
 * LIMIT_MAKER, working)} and {@code (BTCUSDT, list 31, STOP_LOSS_LIMIT, not working)}: the stop
 * waits for its trigger.
 *
 * @param symbol the pair
 * @param orderListId the list the order belongs to; empty for a stand-alone order
 * @param type the order's type
 * @param working whether the order works on the book now (Binance's {@code isWorking}): false for
 *     a stop-loss or take-profit still waiting for its trigger and for a pending leg of a list
 */
public record OpenOrder(Symbol symbol, Optional<OrderListId> orderListId, ReportedOrderType type, boolean working) {

  public OpenOrder {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(orderListId, "orderListId");
    Objects.requireNonNull(type, "type");
  }

  /**
   * Whether it counts against Binance's algo-order limits: a stop-loss or take-profit type (filters.md's
   * "algo" orders) that has not triggered yet. A triggered stop-limit rests on the book as a plain
   * limit order and is not counted (see docs/decisions.md).
   */
  public boolean waitingAlgo() {
    boolean algoType =
        switch (type) {
          case STOP_LOSS, STOP_LOSS_LIMIT, TAKE_PROFIT, TAKE_PROFIT_LIMIT -> true;
          case LIMIT, LIMIT_MAKER, MARKET, UNKNOWN -> false;
        };
    return algoType && !working;
  }
}
