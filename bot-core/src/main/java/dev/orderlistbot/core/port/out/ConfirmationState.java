package dev.orderlistbot.core.port.out;

/** The life of a pending confirmation: it starts PENDING and ends in exactly one of the others. */
public enum ConfirmationState {
  PENDING,
  CLAIMED,
  CANCELLED,
  EXPIRED
}
