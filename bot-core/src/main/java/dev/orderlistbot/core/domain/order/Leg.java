package dev.orderlistbot.core.domain.order;

import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.TimeInForce;
import java.util.Objects;
import java.util.Optional;

/**
 * One order of an order list, without side and quantity (the list carries those). Each record
 * holds exactly the parameters Binance requires for its type: a {@code LIMIT_MAKER} a price, a
 * {@code STOP_LOSS_LIMIT} a trigger, a limit price and a time in force, and so on.
 */
public sealed interface Leg {

  OrderType type();

  /** The limit price, for the types that rest on the book at a price. */
  Optional<Price> limitPrice();

  /** The trigger, for stop-loss and take-profit types. */
  Optional<Trigger> trigger();

  /** The stop price, if the trigger has one. */
  default Optional<Price> stopPrice() {
    return trigger().flatMap(Trigger::stopPrice);
  }

  /** The trailing delta, if the trigger has one. */
  default Optional<TrailingDelta> trailingDelta() {
    return trigger().flatMap(Trigger::trailingDelta);
  }

  /** The time in force, for the types that take one. */
  default Optional<TimeInForce> timeInForce() {
    return Optional.empty();
  }

  /** A limit order that never takes liquidity: rejected if it would match at once. */
  record LimitMaker(Price price) implements Leg {
    public LimitMaker {
      Objects.requireNonNull(price, "price");
    }

    @Override
    public OrderType type() {
      return OrderType.LIMIT_MAKER;
    }

    @Override
    public Optional<Price> limitPrice() {
      return Optional.of(price);
    }

    @Override
    public Optional<Trigger> trigger() {
      return Optional.empty();
    }
  }

  /** A plain limit order. */
  record Limit(Price price, TimeInForce tif) implements Leg {
    public Limit {
      Objects.requireNonNull(price, "price");
      Objects.requireNonNull(tif, "timeInForce");
    }

    @Override
    public OrderType type() {
      return OrderType.LIMIT;
    }

    @Override
    public Optional<Price> limitPrice() {
      return Optional.of(price);
    }

    @Override
    public Optional<Trigger> trigger() {
      return Optional.empty();
    }

    @Override
    public Optional<TimeInForce> timeInForce() {
      return Optional.of(tif);
    }
  }

  /** A stop that sells (or buys) at market once triggered. */
  record StopLoss(Trigger stop) implements Leg {
    public StopLoss {
      Objects.requireNonNull(stop, "trigger");
    }

    @Override
    public OrderType type() {
      return OrderType.STOP_LOSS;
    }

    @Override
    public Optional<Price> limitPrice() {
      return Optional.empty();
    }

    @Override
    public Optional<Trigger> trigger() {
      return Optional.of(stop);
    }
  }

  /** A stop that places a limit order at {@code price} once triggered. */
  record StopLossLimit(Trigger stop, Price price, TimeInForce tif) implements Leg {
    public StopLossLimit {
      Objects.requireNonNull(stop, "trigger");
      Objects.requireNonNull(price, "price");
      Objects.requireNonNull(tif, "timeInForce");
    }

    @Override
    public OrderType type() {
      return OrderType.STOP_LOSS_LIMIT;
    }

    @Override
    public Optional<Price> limitPrice() {
      return Optional.of(price);
    }

    @Override
    public Optional<Trigger> trigger() {
      return Optional.of(stop);
    }

    @Override
    public Optional<TimeInForce> timeInForce() {
      return Optional.of(tif);
    }
  }

  /** A take-profit that executes at market once triggered. */
  record TakeProfit(Trigger stop) implements Leg {
    public TakeProfit {
      Objects.requireNonNull(stop, "trigger");
    }

    @Override
    public OrderType type() {
      return OrderType.TAKE_PROFIT;
    }

    @Override
    public Optional<Price> limitPrice() {
      return Optional.empty();
    }

    @Override
    public Optional<Trigger> trigger() {
      return Optional.of(stop);
    }
  }

  /** A take-profit that places a limit order at {@code price} once triggered. */
  record TakeProfitLimit(Trigger stop, Price price, TimeInForce tif) implements Leg {
    public TakeProfitLimit {
      Objects.requireNonNull(stop, "trigger");
      Objects.requireNonNull(price, "price");
      Objects.requireNonNull(tif, "timeInForce");
    }

    @Override
    public OrderType type() {
      return OrderType.TAKE_PROFIT_LIMIT;
    }

    @Override
    public Optional<Price> limitPrice() {
      return Optional.of(price);
    }

    @Override
    public Optional<Trigger> trigger() {
      return Optional.of(stop);
    }

    @Override
    public Optional<TimeInForce> timeInForce() {
      return Optional.of(tif);
    }
  }
}
