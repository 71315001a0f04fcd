package dev.orderlistbot.core.command;

import dev.orderlistbot.core.domain.order.TrailingDelta;
import java.util.Objects;

/** The stop-loss as typed after {@code sl}. */
public sealed interface StopLossSpec {

  /** {@code sl S}: a STOP_LOSS (market on trigger) at stop S. */
  record AtStop(PriceSpec stop) implements StopLossSpec {
    public AtStop {
      Objects.requireNonNull(stop, "stop");
    }
  }

  /** {@code sl S/P}: a STOP_LOSS_LIMIT, stop S, limit P, GTC. */
  record StopLimit(PriceSpec stop, PriceSpec limit) implements StopLossSpec {
    public StopLimit {
      Objects.requireNonNull(stop, "stop");
      Objects.requireNonNull(limit, "limit");
    }
  }

  /** {@code sl trail X%}: a STOP_LOSS that trails the price by X% (100 BIPS = 1%). */
  record Trailing(TrailingDelta delta) implements StopLossSpec {
    public Trailing {
      Objects.requireNonNull(delta, "delta");
    }
  }
}
