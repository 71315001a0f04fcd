package dev.orderlistbot.core.port.out;

/** What an audited user did. */
public enum AuditAction {
  ORDER_LIST_CONFIRMED,
  ORDER_LIST_CANCELLED,
  CREDENTIALS_STORED,
  CREDENTIALS_REVOKED,
  /** A trade action on a placed list was confirmed: a stop's move, a close at market, a reduction. */
  TRADE_ACTION_CONFIRMED,
  /** A key was not stored because of its posture (withdrawals enabled) or because it could not be checked. */
  CREDENTIALS_REFUSED,
  /** {@code /panic} or {@code /panic close} was confirmed (subject: the confirmation id). */
  PANIC_CONFIRMED,
  /** A cancel did not go through, or its outcome is unknown (subject: the list and Binance's code). */
  ORDER_LIST_NOT_CANCELLED,
  /** A placement's outcome became known: placed (subject: the order list id and client id). */
  ORDER_LIST_PLACED,
  /** A placement's outcome became known: refused, or not placed after an unknown outcome. */
  ORDER_LIST_NOT_PLACED,
  /** A confirmed trade action or panic reached its outcome (subject: what happened to which list). */
  TRADE_ACTION_SETTLED,
  /** An admin read the audit log with {@code /audit} (subject: whose entries and how many). */
  AUDIT_READ,
  /** A trader changed their own limits ({@code /limits}); the subject names the old and new figure. */
  LIMITS_CHANGED,
  /** An admin lifted a trader's daily loss halt ({@code /resume}). */
  TRADING_RESUMED,
  /** A step-up PIN or authenticator was set (or an authenticator's first code was right). */
  STEP_UP_SET,
  /** A user turned their step-up code off (with a right code). */
  STEP_UP_REMOVED,
  /** A wrong step-up code was given. */
  STEP_UP_FAILED,
  /** Too many wrong step-up codes in a row: the user's guarded actions are locked for a while. */
  STEP_UP_LOCKED
}
