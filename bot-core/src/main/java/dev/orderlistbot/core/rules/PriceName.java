package dev.orderlistbot.core.rules;

import dev.orderlistbot.core.domain.order.LegRole;

/** Which price of which leg a number is, so messages can name it ("the stop-loss trigger"). */
enum PriceName {
  ENTRY,
  TAKE_PROFIT,
  TAKE_PROFIT_TRIGGER,
  TAKE_PROFIT_LIMIT,
  STOP_LOSS_TRIGGER,
  STOP_LOSS_LIMIT;

  /** The name of a leg's limit price; {@code triggered} when the leg also has a trigger. */
  static PriceName limitOf(LegRole role, boolean triggered) {
    return switch (role) {
      case WORKING -> ENTRY;
      case TAKE_PROFIT -> triggered ? TAKE_PROFIT_LIMIT : TAKE_PROFIT;
      case STOP_LOSS -> STOP_LOSS_LIMIT;
    };
  }

  /** The name of a leg's stop (trigger) price. */
  static PriceName triggerOf(LegRole role) {
    return switch (role) {
      case WORKING -> ENTRY;
      case TAKE_PROFIT -> TAKE_PROFIT_TRIGGER;
      case STOP_LOSS -> STOP_LOSS_TRIGGER;
    };
  }
}
