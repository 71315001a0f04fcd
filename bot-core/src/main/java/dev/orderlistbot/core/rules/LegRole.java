package dev.orderlistbot.core.rules;

/** What an order does in a list: the entry (working order), the take-profit or the stop-loss. */
public enum LegRole {
  ENTRY,
  TAKE_PROFIT,
  STOP_LOSS
}
