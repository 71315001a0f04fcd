package dev.orderlistbot.core.command;

import java.util.Objects;

/** The take-profit as typed after {@code tp}. */
public sealed interface TakeProfitSpec {

  /** {@code tp P}: a LIMIT_MAKER at P. */
  record AtLimit(PriceSpec price) implements TakeProfitSpec {
    public AtLimit {
      Objects.requireNonNull(price, "price");
    }
  }

  /** {@code tp S/P}: a TAKE_PROFIT_LIMIT, stop S, limit P, GTC. */
  record StopLimit(PriceSpec stop, PriceSpec limit) implements TakeProfitSpec {
    public StopLimit {
      Objects.requireNonNull(stop, "stop");
      Objects.requireNonNull(limit, "limit");
    }
  }
}
