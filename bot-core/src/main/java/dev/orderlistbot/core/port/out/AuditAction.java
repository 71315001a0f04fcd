package dev.orderlistbot.core.port.out;

/** What an audited user did. */
public enum AuditAction {
  ORDER_LIST_CONFIRMED,
  ORDER_LIST_CANCELLED,
  CREDENTIALS_STORED,
  CREDENTIALS_REVOKED,
  /** A trade action on a placed list was confirmed: a stop's move, a close at market, a reduction. */
  TRADE_ACTION_CONFIRMED,
  /** A trader changed their own limits ({@code /limits}); the subject names the old and new figure. */
  LIMITS_CHANGED,
  /** An admin lifted a trader's daily loss halt ({@code /resume}). */
  TRADING_RESUMED
}
