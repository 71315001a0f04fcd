package dev.orderlistbot.core.port.out;

/** What an audited user did. */
public enum AuditAction {
  ORDER_LIST_CONFIRMED,
  ORDER_LIST_CANCELLED,
  CREDENTIALS_STORED,
  CREDENTIALS_REVOKED,
  /** A trade action on a placed list was confirmed: a stop's move, a close at market, a reduction. */
  TRADE_ACTION_CONFIRMED,
  /** A step-up PIN or authenticator was set (or an authenticator's first code was right). */
  STEP_UP_SET,
  /** A user turned their step-up code off (with a right code). */
  STEP_UP_REMOVED,
  /** A wrong step-up code was given. */
  STEP_UP_FAILED,
  /** Too many wrong step-up codes in a row: the user's guarded actions are locked for a while. */
  STEP_UP_LOCKED
}
