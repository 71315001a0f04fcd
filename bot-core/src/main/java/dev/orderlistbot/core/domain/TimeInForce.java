package dev.orderlistbot.core.domain;

/** How long a limit order stays on the book: good till cancelled, immediate or cancel, fill or kill. */
public enum TimeInForce {
  GTC,
  IOC,
  FOK
}
