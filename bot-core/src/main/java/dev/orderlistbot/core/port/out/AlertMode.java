package dev.orderlistbot.core.port.out;

/** How a group chat hears about a user's order lists: in full, or without sizes and prices. */
public enum AlertMode {
  ON,
  REDACTED
}
