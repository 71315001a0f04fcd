package dev.orderlistbot.core.port.out;

/** How a group chat hears about a user's order lists: in full, or without quantities (prices are kept). */
public enum AlertMode {
  ON,
  REDACTED
}
